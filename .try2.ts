import { readFileSync } from 'node:fs';
import { readTabText } from './src/importer/readers/read-text';
import { regroupCells } from './src/importer/regroup-cells';
import { matchHeader } from './src/importer/column-roles';
const t = readTabText(readFileSync('/work/shared/plans/equality-improvement-plan.txt', 'utf8'), 'eq');
const g = regroupCells(t.rows);
for (const r of g) if (r.cells.length !== 5 || matchHeader(r.cells)) console.log(r.where, r.kind, r.cells.length, JSON.stringify(r.cells.map(c=>c.slice(0,40))));
