/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI can read, after the
 * slowest files (the suite must stay under 20 minutes on two cores: these are where to cut).
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST_SHOWN = 15;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const timed = modules
      .map((module) => ({ file: relative(process.cwd(), module.moduleId), ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms);
    const total = timed.reduce((sum, { ms }) => sum + ms, 0);
    console.log(`\nSlowest files (of ${timed.length}, ${Math.round(total / 1000)} s in all):`);
    for (const { file, ms } of timed.slice(0, SLOWEST_SHOWN)) {
      console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
