import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentBundle } from '../bin/current-bundle.js';

describe('which truce runs: the bundle while its sources are as it was built from', () => {
  let dir: string;
  let root: URL;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const manifest = (paths: string[]) =>
    write(
      'dist/server/inputs.json',
      JSON.stringify(
        paths.map((path) => {
          const s = statSync(join(dir, path));
          return { path, size: s.size, mtimeMs: s.mtimeMs };
        }),
      ),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'truce-bundle-'));
    root = pathToFileURL(`${dir}/`);
    write('src/a.ts', 'export const a = 1;\n');
    write('src/b.ts', 'export const b = 2;\n');
    write('dist/server/truce.mjs', '// built\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle when every source is unchanged', () => {
    manifest(['src/a.ts', 'src/b.ts']);
    expect(currentBundle(root)?.href).toBe(new URL('dist/server/truce.mjs', root).href);
  });

  it('runs the sources when one was edited, even to the same size', () => {
    manifest(['src/a.ts', 'src/b.ts']);
    write('src/b.ts', 'export const b = 3;\n');
    utimesSync(join(dir, 'src/b.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(currentBundle(root)).toBeNull();
  });

  it('runs the sources when one grew but kept its time', () => {
    manifest(['src/a.ts']);
    const { atime, mtime } = statSync(join(dir, 'src/a.ts'));
    write('src/a.ts', 'export const a = 1; // and more\n');
    utimesSync(join(dir, 'src/a.ts'), atime, mtime);
    expect(currentBundle(root)).toBeNull();
  });

  it('runs the sources when one is gone, or when the bundle or its list is missing', () => {
    manifest(['src/a.ts', 'src/b.ts']);
    rmSync(join(dir, 'src/b.ts'));
    expect(currentBundle(root)).toBeNull();

    manifest(['src/a.ts']);
    expect(currentBundle(root)).not.toBeNull();
    rmSync(join(dir, 'dist/server/truce.mjs'));
    expect(currentBundle(root)).toBeNull();

    write('dist/server/truce.mjs', '// built\n');
    rmSync(join(dir, 'dist/server/inputs.json'));
    expect(currentBundle(root)).toBeNull();
  });
});
