import { PGlite } from '@electric-sql/pglite';
const dir = '/tmp/faults-exp/vol/data';
let t0 = Date.now();
const lite = await PGlite.create(dir);
console.log('reopened on full disk', Date.now() - t0);
t0 = Date.now();
console.log((await lite.query('select count(*) from t')).rows, Date.now() - t0);
try {
  await lite.query("insert into t(body) values ('small')");
  console.log('small write ok');
} catch (e) { console.log('small write failed', e.severity, e.code, e.message); }
try {
  await lite.query("insert into t(body) select string_agg(md5(random()::text), '') from generate_series(1, 3000)");
  console.log('big write ok');
} catch (e) { console.log('big write failed', e.severity, e.code, e.message); }
process.exit(0);
