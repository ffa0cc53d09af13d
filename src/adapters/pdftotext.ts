/**
 * A PDF's text layer read by Poppler's `pdftotext` (Debian's `poppler-utils`), the PDF on its
 * standard input and the text on its standard output, UTF-8; killed after `timeoutMs`. Behind
 * app/text-intake/pdf-text.ts.
 */
import { spawn } from 'node:child_process';
import { type PdfTextReader, PdfTextUnavailable, PdfUnreadable } from '../app/text-intake/pdf-text.ts';

export function pdftotext(options: { executablePath?: string; timeoutMs?: number } = {}): PdfTextReader {
  const program = options.executablePath ?? 'pdftotext';
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    read: (pdf) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(program, ['-enc', 'UTF-8', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        let err = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
        child.on('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(e.code === 'ENOENT' ? new PdfTextUnavailable(`${program} is not installed`) : e);
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
          else reject(new PdfUnreadable(err.trim().split('\n')[0] || `${program} exited with ${code}`));
        });
        // A program that stops reading early (a bad file) must not crash the server.
        child.stdin.on('error', () => undefined);
        child.stdin.end(pdf);
      }),
  };
}
