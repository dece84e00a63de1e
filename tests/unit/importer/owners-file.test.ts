import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ownerKey, parseOwnersCsv } from '../../../src/importer/owners-file';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { planBytes } from './plan-fixtures';

describe('parseOwnersCsv', () => {
  it('maps owner text to email, skipping a header row and ignoring case and spacing', () => {
    const owners = parseOwnersCsv('owner,email\n"Somen Banerjee , Director of Public Health",somen@contoso.example\nHR,hr@contoso.example\n');
    expect(owners.get(ownerKey('somen banerjee, director of public health'))).toBe('somen@contoso.example');
    expect(owners.get(ownerKey(' HR '))).toBe('hr@contoso.example');
    expect(owners.size).toBe(2);
  });

  it('refuses a file with rows that are not owner,email, naming every bad row', () => {
    expect(() => parseOwnersCsv('Jo Bloggs,jo@contoso.example\nSam Smith\n,x@contoso.example\n', 'o.csv')).toThrow(/o\.csv: 2 row\(s\) .*row 2 .*row 3/);
  });

  it('resolves most owners of the sample plan with the sample owners file', async () => {
    const owners = parseOwnersCsv(readFileSync(path.resolve(__dirname, '../../../sample/owners.csv'), 'utf8'));
    const plan = await parsePlanFile(planBytes('bame-inequalities-commission.txt'), 'bame-inequalities-commission.txt');
    const resolved = plan.items.filter((i) => owners.has(ownerKey(i.owner)));
    // Everyone named in the plan except the one owner cut off mid-name ("…Marketing/ Sharon").
    expect(resolved.length).toBe(plan.items.filter((i) => /Godman|Littlewood|Clark|Visram|Banerjee|Smith|Christophorou/.test(i.owner)).length - 1);
  });
});
