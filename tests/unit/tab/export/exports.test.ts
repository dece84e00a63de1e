import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { aPerson, aPlanItem } from '../../../support/builders';
import { EXPORT_COLUMNS, exportContent } from '../../../../src/tab/export/export-table';
import { neutraliseFormula } from '../../../../src/tab/export/neutralise-formula';
import { toCsv } from '../../../../src/tab/export/to-csv';
import { toXlsx } from '../../../../src/tab/export/to-xlsx';

const longText = `Develop and deliver a borough-wide programme ${'of engagement with residents, '.repeat(12)}ending in a report to Cabinet.`;
const items = [
  aPlanItem({
    plan: 'Housing Plan 2025', actionRef: 'R.2', title: longText.slice(0, 150), actionDetails: longText,
    ownerText: 'Housing Board', owner: aPerson({ title: 'Sam Jones' }), dueDate: '2027-03-31', startDate: '2025-04-01',
    lastUpdated: '2026-11-20T10:15:00Z', percentComplete: 40,
  }),
  aPlanItem({
    plan: 'Housing Plan 2025', actionRef: 'R.10', title: '=HYPERLINK("http://evil.example","click")',
    actionDetails: '  +cmd|" /C calc"!A0', ownerText: '@SUM(A1:A2)', latestUpdate: 'Fine.\n-2+3\n\t=1+1', dueText: '-',
    resource: '\tTab first', measure: '\rCR first',
  }),
];
const filters = [{ name: 'View', value: 'All actions' }, { name: 'Text contains', value: '=bad' }];
const dangerous = /^[ \n]*[=+\-@]|^[\t\r]/;

const headers = EXPORT_COLUMNS.map((c) => c.header);
const col = (name: string) => headers.indexOf(name);

describe('exports', () => {
  it('neutralises a formula at the start of the text and of every line inside it', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('  -2')).toBe("'  -2");
    expect(neutraliseFormula('\n@x')).toBe("\n'@x");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('ok\n=bad')).toBe("ok\n'=bad");
    expect(neutraliseFormula('£60,000 - from reserves')).toBe('£60,000 - from reserves');
  });

  it('CSV: header row first, full text, dd/mm/yyyy dates, plan and owner columns, no formula cell', () => {
    const csv = toCsv(exportContent(items, filters, '2026-11-30'));
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(headers);
    expect(parsed).toHaveLength(3);
    const [first, second] = parsed.slice(1);
    expect(first[col('Action')]).toBe(longText);
    expect(first[col('Due date')]).toBe('31/03/2027');
    expect(first[col('Start date')]).toBe('01/04/2025');
    expect(first[col('Last updated')]).toBe('20/11/2026');
    expect(first[col('Plan')]).toBe('Housing Plan 2025');
    expect(first[col('Owner')]).toBe('Housing Board');
    expect(first[col('Owner (site user)')]).toBe('Sam Jones');
    expect(csv).not.toContain('=bad');
    for (const row of parsed.slice(1)) {
      for (const cell of row) {
        for (const line of cell.split(/\r?\n/)) expect(line).not.toMatch(dangerous);
      }
    }
    expect(second[col('Title')]).toBe('\'=HYPERLINK("http://evil.example","click")');
  });

  it('XLSX: header first, frozen, autofilter, widths, real dates shown dd/mm/yyyy, filters on a second sheet', async () => {
    const buffer = await toXlsx(exportContent(items, filters, '2026-11-30'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.getWorksheet('Actions')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(col('Action') + 1).width).toBeGreaterThanOrEqual(40);
    const due = sheet.getRow(2).getCell(col('Due date') + 1);
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(2).getCell(col('Action') + 1).value).toBe(longText);
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === 'string') for (const line of cell.value.split('\n')) expect(line).not.toMatch(dangerous);
      });
    });
    const filterSheet = workbook.getWorksheet('Filters')!;
    expect(filterSheet.getRow(1).values).toEqual([undefined, 'Filter', 'Value']);
    expect(filterSheet.getRow(2).values).toEqual([undefined, 'View', 'All actions']);
    expect(filterSheet.getRow(3).values).toEqual([undefined, 'Text contains', "'=bad"]);
  });
});
