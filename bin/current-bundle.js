// Which `truce` runs (bin/truce.js, decision 029): the bundle that `npm install` built, while
// every source file it was built from is as it was then.
import { readFileSync, statSync } from 'node:fs';
import { URL } from 'node:url';

/**
 * The bundle's URL under `root` (a URL ending in /) when it is current, else null: no bundle, no
 * list of its sources, or one of them changed (size or modification time) or gone.
 */
export function currentBundle(root) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('dist/server/inputs.json', root), 'utf8'));
    statSync(new URL('dist/server/truce.mjs', root));
  } catch {
    return null;
  }
  const unchanged = inputs.every(({ path, size, mtimeMs }) => {
    try {
      const s = statSync(new URL(path, root));
      return s.size === size && s.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
  return unchanged ? new URL('dist/server/truce.mjs', root) : null;
}
