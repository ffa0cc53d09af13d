#!/usr/bin/env node
// The `truce` command. `npm install` builds the sources into dist/server/truce.mjs
// (scripts/build-server.ts); while no source file it was built from has changed, that is what
// runs. Otherwise, or with TRUCE_FROM_SOURCES=1, the TypeScript sources run through tsx, so an
// edit runs at once (decision 029: the bundle saves some 90 MB of memory and the start-up's
// transforms).
import { constants } from 'node:os';
import { URL } from 'node:url';
import { currentBundle } from './current-bundle.js';

const bundle = process.env.TRUCE_FROM_SOURCES === '1' ? null : currentBundle(new URL('../', import.meta.url));
const { handlesSignals, main } = bundle ? await import(bundle.href) : await fromSources();
const argv = process.argv.slice(2);
// Ctrl-C or SIGTERM ends a command through process.exit, which runs the `exit` handlers: the
// embedded data directory's lock is released (src/store/data-dir-lock.ts). `truce serve` stops
// gracefully on its own.
if (!handlesSignals(argv)) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(128 + constants.signals[signal]));
}
process.exitCode = await main(argv);

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}
