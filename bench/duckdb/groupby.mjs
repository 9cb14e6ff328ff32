// The baseline for the detection engine's benchmark: DuckDB reads the same referral events CSV
// and counts referrals per unit per week (weeks starting on Monday), as panel_from does.
//   node groupby.mjs FILE   -> prints "duckdb-seconds S" and the number of unit-weeks
import { DuckDBInstance } from '@duckdb/node-api';
import { open } from 'node:fs/promises';

const file = process.argv[2];
if (!file) {
  console.error('usage: node groupby.mjs FILE');
  process.exit(2);
}
async function readFirstLine (path) {
  const handle = await open(path)
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0)
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]
  } finally {
    await handle.close()
  }
}

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
// The columns as the file's header names them (the optional open_days and nation come and go):
// the date as a DATE, the rest as text, so DuckDB does not have to guess.
const header = (await readFirstLine(file)).trim().split(',')
const columns = header.map((name) => `'${name.replaceAll("'", "''")}': '${name === 'date' ? 'DATE' : 'VARCHAR'}'`).join(', ')
const sql = `
  SELECT unit, date_trunc('week', date) AS week, count(*) AS referrals
  FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {${columns}})
  GROUP BY ALL`;
let best = Infinity;
let rows = 0;
for (let run = 0; run < 3; ++run) {
  const start = performance.now();
  const result = await connection.runAndReadAll(sql);
  best = Math.min(best, (performance.now() - start) / 1000);
  rows = result.currentRowCount;
}
console.log(`duckdb: read_csv + per-unit-per-week group-by ${best.toFixed(2)} s (${rows} unit-weeks), 2 threads`);
console.log(`duckdb-seconds ${best.toFixed(3)}`);
