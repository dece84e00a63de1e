import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { decodeText } from '../../../src/importer/readers/decode-text';
import { readCsv } from '../../../src/importer/readers/read-csv';
import { readDocx } from '../../../src/importer/readers/read-docx';
import { readTabText } from '../../../src/importer/readers/read-text';
import { readXlsx } from '../../../src/importer/readers/read-xlsx';

describe('readXlsx', () => {
  it('reads every sheet; a cell merged down repeats, a cell merged across stays in its first column; dates become yyyy-mm-dd', async () => {
    const workbook = new ExcelJS.Workbook();
    const one = workbook.addWorksheet('Housing');
    one.addRow(['Action', 'Owner', 'Due']);
    one.addRow(['Theme 1: Repairs']);
    one.mergeCells('A2:C2');
    one.addRow(['Fix roofs', 'Head of Housing', new Date(Date.UTC(2024, 2, 31))]);
    one.addRow(['Fix windows', null, 'May-24']);
    one.mergeCells('B3:B4');
    workbook.addWorksheet('Transport').addRow(['Action', 'Owner', 'Due']);
    const tables = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'plan.xlsx');
    expect(tables.map((t) => t.source)).toEqual(["plan.xlsx sheet 'Housing'", "plan.xlsx sheet 'Transport'"]);
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ['Action', 'Owner', 'Due'],
      ['Theme 1: Repairs', '', ''],
      ['Fix roofs', 'Head of Housing', '2024-03-31'],
      ['Fix windows', 'Head of Housing', 'May-24'],
    ]);
    expect(tables[0].rows[3].where).toBe("plan.xlsx sheet 'Housing' row 4");
  });
});

describe('readDocx', () => {
  it('keeps paragraphs outside tables in order, joins a cell’s paragraphs with newlines and ignores tab stops and field codes, and looks inside content controls', async () => {
    const xml = `<w:document xmlns:w="w"><w:body>
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Objective 1: Housing</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lead</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Fix </w:t></w:r><w:r><w:t>roofs</w:t></w:r></w:p><w:p><w:r><w:t>and gutters</w:t></w:r></w:p></w:tc>
      <w:tc><w:p><w:r><w:instrText>MERGEFIELD x</w:instrText><w:t>Jo</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:sdt><w:sdtContent><w:p><w:r><w:t>Objective 2</w:t></w:r></w:p></w:sdtContent></w:sdt></w:body></w:document>`;
    const zip = new JSZip();
    zip.file('word/document.xml', xml);
    const [table] = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'plan.docx');
    expect(table.rows.map((r) => [r.kind, r.cells])).toEqual([
      ['paragraph', ['Objective 1: Housing']],
      ['row', ['Action', 'Lead']],
      ['row', ['Fix roofs\nand gutters', 'Jo']],
      ['paragraph', ['Objective 2']],
    ]);
    expect(table.rows[2].where).toBe('plan.docx table 1 row 2');
  });
});

describe('readCsv', () => {
  it('picks the delimiter that splits the rows evenly, even after a title full of commas', () => {
    const text = 'Plan for housing, roads, and parks, 2024\r\nAction|Owner|Due\r\nFix roofs|Jo, Head of Housing|May-24\r\n"Fix\nwindows"|Sam|Jun-24\r\n';
    expect(readCsv(text, 'p.csv').rows.map((r) => r.cells)).toEqual([
      ['Plan for housing, roads, and parks, 2024'],
      ['Action', 'Owner', 'Due'],
      ['Fix roofs', 'Jo, Head of Housing', 'May-24'],
      ['Fix\nwindows', 'Sam', 'Jun-24'],
    ]);
  });
});

describe('readTabText', () => {
  it('reads one row per line when tabs separate cells', () => {
    expect(readTabText('Action\tOwner\r\nFix roofs\tJo\r\n\r\nTitle line\r\n', 't.txt').rows.map((r) => [r.kind, r.cells, r.where])).toEqual([
      ['row', ['Action', 'Owner'], 't.txt line 1'],
      ['row', ['Fix roofs', 'Jo'], 't.txt line 2'],
      ['paragraph', ['Title line'], 't.txt line 4'],
    ]);
  });

  it('reads one cell per line when every cell starts its own line with a tab', () => {
    const text = 'Intro\n\tAction\n\tOwner\n\tFix roofs\nand gutters\n\n\tJo\n\tPaint\n\tSam\n';
    expect(readTabText(text, 't.txt').rows.map((r) => [r.kind, r.cells[0]])).toEqual([
      ['paragraph', 'Intro'],
      ['cell', 'Action'],
      ['cell', 'Owner'],
      ['cell', 'Fix roofs\nand gutters'],
      ['cell', 'Jo'],
      ['cell', 'Paint'],
      ['cell', 'Sam'],
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8, UTF-8 with BOM, UTF-16 with and without BOM, and Windows-1252', () => {
    const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(decodeText(new TextEncoder().encode('£5 – ok'))).toBe('£5 – ok');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...utf16le('£5 plan')]))).toBe('£5 plan');
    expect(decodeText(utf16le('Action\tOwner\n'))).toBe('Action\tOwner\n');
    expect(decodeText(Uint8Array.from([0xa3, 0x35, 0x20, 0x96, 0x20, 0x92, 0x73]))).toBe('£5 – ’s');
  });
});
