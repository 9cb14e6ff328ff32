// The baseline for the detection engine's benchmark: DuckDB reads the same referral events CSV
// and counts referrals per unit per week (weeks starting on Monday), as panel_from does.
//   node groupby.mjs FILE   -> prints "duckdb-seconds S" and the number of unit-weeks
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node groupby.mjs FILE');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const sql = `
  SELECT unit, date_trunc('week', date) AS week, count(*) AS referrals
  FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {
    'date': 'DATE', 'unit': 'VARCHAR', 'parent': 'VARCHAR', 'area': 'VARCHAR', 'reason': 'VARCHAR',
    'decision': 'VARCHAR', 'reconsideration': 'VARCHAR', 'appeal': 'VARCHAR'})
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
