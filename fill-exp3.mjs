import { PGlite } from '@electric-sql/pglite';
import { statfsSync } from 'node:fs';
const dir = '/tmp/faults-exp/vol/data';
const lite = await PGlite.create(dir);
await lite.exec('set wal_init_zero = off'); await lite.exec('create table if not exists t (id serial primary key, body text)');
const free = () => { const s = statfsSync('/tmp/faults-exp/vol'); return (s.bavail * s.bsize / 1048576).toFixed(1); };
console.log('free after create', free(), 'MB');
const n = Number(process.argv[2] ?? 3000);
let i = 0;
try {
  for (;;) {
    await lite.query(`insert into t(body) select string_agg(md5(random()::text), '') from generate_series(1, ${n})`);
    i++;
    if (i % 20 === 0) console.log(i, 'free', free());
  }
} catch (e) {
  console.log('failed after', i, 'severity', e.severity, e.code, e.message, 'free', free());
}
const r = await lite.query('select 1 as one');
console.log('alive', r.rows);
process.exit(0);
