/**
 * `npm run build:server` (run by `npm install`): the `truce` command's sources in one JavaScript
 * file, `dist/server/truce.mjs`, which bin/truce.js runs without tsx while it is current
 * (decision 029). Packages stay in node_modules (`packages: 'external'`). Beside it,
 * `inputs.json` lists every source file it was built from with its size and modification time:
 * when one of them changes, the bundle is out of date and bin/truce.js runs the sources through
 * tsx instead, so an edit is never run stale.
 */
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Two folders below the root, as every source file is: paths made from import.meta.url
// (`../../web/dist/`, `../../data/`) mean the same from the bundle.
const OUT = 'dist/server';

const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${OUT}/truce.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs)
  .sort()
  .map((path) => {
    const s = statSync(`${ROOT}${path}`);
    return { path, size: s.size, mtimeMs: s.mtimeMs };
  });
writeFileSync(`${ROOT}${OUT}/inputs.json`, `${JSON.stringify(inputs)}\n`);
console.log(`wrote ${OUT}/truce.mjs from ${inputs.length} source files`);
