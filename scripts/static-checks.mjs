#!/usr/bin/env node
// The checks `npm test` runs before the tests: the server's and the web app's typecheck, lint, the
// formatting and the dependency rules. Each is one process on one core, so two run at a time
// (this machine has two cores: some 55 s instead of 120 s in a row). Each one's output is printed
// whole when it ends, under its name; the exit code is 1 if any failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import process from 'node:process';

const CHECKS = [
  // The longest first, so that the others fill the second core beside it.
  ['lint', 'eslint', ['--max-warnings', '0', '.']],
  ['typecheck', 'tsc', ['--noEmit']],
  ['format:check', 'prettier', ['--check', '.']],
  ['typecheck:web', 'tsc', ['--noEmit', '-p', 'web/tsconfig.json']],
  ['deps', 'depcruise', ['--config', '.dependency-cruiser.cjs', 'src', 'web/src', 'bench']],
];

function run([name, bin, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(`node_modules/.bin/${bin}`, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => (out += String(e)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n${out}`);
      resolve(code === 0);
    });
  });
}

const queue = [...CHECKS];
const lanes = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, async () => {
  const results = [];
  for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
  return results;
});
const passed = (await Promise.all(lanes)).flat();
process.exitCode = passed.every(Boolean) ? 0 : 1;
