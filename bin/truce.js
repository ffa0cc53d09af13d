#!/usr/bin/env node
// The `truce` command: runs the TypeScript sources through tsx, so there is no build step.
import { constants } from 'node:os';
import { register } from 'tsx/esm/api';

register();
const { handlesSignals, main } = await import('../src/cli/main.ts');
const argv = process.argv.slice(2);
// Ctrl-C or SIGTERM ends a command through process.exit, which runs the `exit` handlers: the
// embedded data directory's lock is released (src/store/data-dir-lock.ts). `truce serve` stops
// gracefully on its own.
if (!handlesSignals(argv)) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(128 + constants.signals[signal]));
}
process.exitCode = await main(argv);
