/**
 * Where the CPU went during a measurement, read from /proc (Linux): a process's own time, and
 * the time of every PostgreSQL process (its backends for our connections, the WAL writer, the
 * checkpointer...). Elsewhere there is no /proc and the figures are null.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, or null. */
export function cpuSeconds(pid: number): number | null {
  try {
    // The fields after the command name, which may itself hold spaces and parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the processes whose command line starts with `postgres`, or null. */
export function postgresCpuSeconds(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue; // gone meanwhile
    }
    total += cpuSeconds(Number(pid)) ?? 0;
  }
  return total;
}

/** Measures fn, and the CPU used meanwhile by the process `pid`, by PostgreSQL and by this process. */
export async function withCpu<T>(
  pid: number | undefined,
  fn: () => Promise<T>,
): Promise<{ value: T; serverS: number | null; postgresS: number | null; clientS: number }> {
  const server0 = pid === undefined ? null : cpuSeconds(pid);
  const pg0 = postgresCpuSeconds();
  const self0 = process.cpuUsage();
  const value = await fn();
  const self = process.cpuUsage(self0);
  const server1 = pid === undefined ? null : cpuSeconds(pid);
  const pg1 = postgresCpuSeconds();
  return {
    value,
    serverS: server0 === null || server1 === null ? null : server1 - server0,
    postgresS: pg0 === null || pg1 === null ? null : pg1 - pg0,
    clientS: (self.user + self.system) / 1e6,
  };
}
