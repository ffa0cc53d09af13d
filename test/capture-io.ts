/** The CLI's input and output kept in strings, for tests that run `main` in this process. */
import type { Io } from '../src/cli/io.ts';

export type CapturedIo = Io & { stdout: string; stderr: string };

export function captureIo(isTty = false): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    isTty,
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
  };
  return io;
}

/** Both streams in one string, in the order written, as a terminal shows them. */
export function captureOutput(): Io & { stdout: string } {
  const io = captureIo();
  io.err = io.out;
  return io;
}
