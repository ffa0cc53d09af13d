import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits for what a loaded machine may take seconds to show (a page of the browser, a write's
    // event): 1 s by default, which flaked on two busy cores.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: PGlite instances are heavy, so run at most two files at once.
    maxWorkers: 2,
    // Each worker keeps the modules it loaded from one file to the next (PGlite's WebAssembly, the
    // server, the rules): loading them anew for each of 170 files took a third of the suite's time.
    // A test file must therefore leave no state behind in a module (each starts its own database).
    isolate: false,
  },
});
