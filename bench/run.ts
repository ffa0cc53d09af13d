/**
 * `npm run bench [-- NAME...]`: runs the named benchmarks (all of them when none is named), prints
 * a table for each and writes bench/results/<name>.json. Exits 1 when a benchmark fails or misses
 * its goal, 2 when a name is unknown.
 */
import { BENCHMARKS, findBenchmark } from './benchmarks.ts';
import type { Benchmark, BenchResult } from './lib/benchmark.ts';
import { machine, writeResult } from './lib/results.ts';
import { formatTable } from './lib/table.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
  console.log('usage: npm run bench [-- NAME...]\n\nbenchmarks:');
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(14)} ${b.description}`);
  process.exit(0);
}

const unknown = args.filter((name) => !findBenchmark(name));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}

const selected = args.length === 0 ? BENCHMARKS : args.map((name) => findBenchmark(name)!);
const m = machine();
console.log(`Node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.memoryGiB} GiB, load average ${m.loadAverage.join(' ')}`);
for (const bench of selected) await runOne(bench);

async function runOne(bench: Benchmark): Promise<void> {
  console.log(`\n## ${bench.name}: ${bench.description}\n`);
  const started = { date: new Date(), machine: machine() };
  let result: BenchResult;
  try {
    result = await bench.run();
  } catch (error) {
    console.error(`FAILED ${bench.name}:`, error);
    process.exitCode = 1;
    return;
  }
  console.log(formatTable(result.columns, result.rows));
  console.log('');
  for (const note of result.notes) console.log(`- ${note}`);
  if (result.goal) {
    const { description, measured, unit, met } = result.goal;
    console.log(`\nGoal: ${description}: ${met ? 'met' : 'NOT MET'} (${measured.toLocaleString('en-US')} ${unit}).`);
    if (!met) process.exitCode = 1;
  }
  console.log(`Written ${await writeResult(bench, result, started)}`);
}
