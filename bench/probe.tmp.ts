import { syntheticWorld } from './lib/synthetic-world.ts';
import { Rulebook } from '../src/domain/rulebook.ts';
import { adjudicateIncident } from '../src/domain/adjudicate.ts';
let t0 = performance.now();
const w = syntheticWorld({ zones: 2000, incidents: 1_000_000, seed: 20160227 });
console.log('gen ms', performance.now() - t0);
const book = new Rulebook(w);
const tally = new Map<string, number>();
let hits = 0, multi = 0;
for (const i of w.incidents.slice(0, 100000)) { const n = book.zones.containing(i.location.lon, i.location.lat).length; if (n) hits++; if (n > 1) multi++; }
console.log('in a zone', hits, 'in 2+', multi);
for (const i of w.incidents.slice(0, 100000)) adjudicateIncident(book, i);
t0 = performance.now();
for (const i of w.incidents) for (const f of adjudicateIncident(book, i)) { const k = f.reasons.join('+') + ' ' + (f.agreement); tally.set(k, (tally.get(k) ?? 0) + 1); }
const ms = performance.now() - t0;
console.log('flatbush/s', Math.round(1e6 / ms * 1000));
console.log([...tally].sort());
const scan = new Rulebook(w, { zoneIndex: 'scan' });
t0 = performance.now();
for (const i of w.incidents.slice(0, 50000)) adjudicateIncident(scan, i);
console.log('scan/s', Math.round(50000 / (performance.now() - t0) * 1000));
