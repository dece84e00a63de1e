import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { assignActionRefs } from '../../../src/importer/action-ref';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { readPlanStructure } from '../../../src/importer/plan-structure';
import { readZipParts, xmlDepth } from '../../../src/importer/readers/read-zip';
import type { TableRow } from '../../../src/importer/table';
import { deflatedSpaces, zipWithDeflatedPart } from './zip-bomb';

const GB = 1024 * 1024 * 1024;
/**
 * CPU milliseconds this process spent since `from` (user + system). The suite shares two cores
 * with other work, so wall-clock time says more about the machine's load than about the code;
 * the limits below are on the work the importer does.
 */
const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const docxOf = (documentXml: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml) });
const row = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`;

describe('bounded parsing of zip packages', () => {
  let bomb: Uint8Array;
  beforeAll(async () => {
    bomb = await deflatedSpaces(1024);
  });

  it.each([
    ['says it is 1 GB', GB, /bomb\.docx is refused: its part word\/document\.xml says it is 1024\.0 MB when unpacked/],
    ['claims to be 1 MB', 1024 * 1024, /bomb\.docx is refused: its part word\/document\.xml grows more than 200 times larger than its compressed size when unpacked/],
  ])('refuses a 1 MB .docx that inflates to 1 GB (its header %s) in under 2 s and under 300 MB of memory', async (_claim, declared, message) => {
    const docx = zipWithDeflatedPart('word/document.xml', bomb, declared);
    expect(docx.length).toBeLessThan(1.1 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = process.cpuUsage();
    await expect(parsePlanFile(docx, 'bomb.docx')).rejects.toThrow(message);
    expect(cpuMsSince(started)).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses an .xlsx whose sheet inflates to 1 GB before exceljs sees it', async () => {
    const xlsx = zipWithDeflatedPart('xl/worksheets/sheet1.xml', bomb, 4096);
    const started = process.cpuUsage();
    await expect(parsePlanFile(xlsx, 'bomb.xlsx')).rejects.toThrow(/bomb\.xlsx is refused: its part xl\/worksheets\/sheet1\.xml grows more than 200 times larger/);
    expect(cpuMsSince(started)).toBeLessThan(2000);
  });

  it('refuses a package whose parts together pass the total limit, even when each part is small', () => {
    const parts = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`part${i}.xml`, new Uint8Array(1024 * 1024)]));
    const limits = { partBytes: 2 * 1024 * 1024, totalBytes: 3 * 1024 * 1024, parts: 100, ratio: 2000, ratioFrom: 8 * 1024 * 1024 };
    expect(() => readZipParts(zipSync(parts), 'many.docx', () => false, undefined, limits)).toThrow(
      /many\.docx is refused: its parts grow past 3 MB together/,
    );
  });

  it('refuses a part past the size limit even when it compresses like real XML', () => {
    const limits = { partBytes: 1024 * 1024, totalBytes: 8 * 1024 * 1024, parts: 100, ratio: 200, ratioFrom: 8 * 1024 * 1024 };
    const text = strToU8(Array.from({ length: 60_000 }, (_, i) => `<w:t>row ${i}</w:t>`).join(''));
    // The header claims 1 KB: only counting while inflating can catch it.
    const lying = zipWithDeflatedPart('word/document.xml', deflateRawSync(text), 1024);
    expect(() => readZipParts(lying, 'big.docx', () => true, undefined, limits)).toThrow(/big\.docx is refused: its part word\/document\.xml grows past 1 MB when unpacked/);
  });

  it('refuses XML nested deeper than any real document before parsing it', async () => {
    const deep = `<w:document><w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(5000)}</w:body></w:document>`;
    await expect(parsePlanFile(docxOf(deep), 'deep.docx')).rejects.toThrow(/deep\.docx is refused: word\/document\.xml nests elements more than 256 deep/);
  });

  it('counts nesting depth in one pass: self-closing tags, declarations and comments do not nest', () => {
    expect(xmlDepth(strToU8('<?xml version="1.0"?><!-- c --><a><b/><c><d></d></c></a>'))).toBe(3);
  });

  it.each([
    ['plan.docx', /plan\.docx: this file is password-protected .* save an unprotected copy as \.docx/],
    ['plan.xlsx', /plan\.xlsx: this file is password-protected .* save an unprotected copy as \.xlsx/],
  ])('says %s is password-protected (an encrypted OLE compound file)', async (name, message) => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(parsePlanFile(ole, name)).rejects.toThrow(message);
  });

  it.each([
    ['a corrupt zip named .xlsx', 'broken.xlsx', /broken\.xlsx is not a readable Excel workbook/],
    ['a corrupt zip named .docx', 'broken.docx', /broken\.docx is not a readable Word document/],
  ])('%s gets a clear message', async (_what, name, message) => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 600 }, (_, i) => (i * 13) % 251)]);
    await expect(parsePlanFile(bytes, name)).rejects.toThrow(message);
  });
});

describe('bounded structure pass', () => {
  it('reads 20,000 rows that look like headings in well under a second', () => {
    const rows: TableRow[] = [{ cells: ['Action', 'Owner', 'Due date'], where: 'h line 1', kind: 'row' }];
    for (let i = 0; i < 20_000; i++) rows.push({ cells: [`Theme ${i + 1}: Service Area ${i + 1} Delivers The Plan Together Organisations signing up to it`], where: `h line ${i + 2}`, kind: 'paragraph' });
    rows.push({ cells: ['Fix the roofs', 'Head of Property', 'May-24'], where: 'h last', kind: 'row' });
    const started = process.cpuUsage();
    const plan = readPlanStructure([{ source: 'h.txt', rows }], { plan: 'H' });
    expect(cpuMsSince(started)).toBeLessThan(1000);
    expect(plan.items).toHaveLength(1);
    expect(plan.rows.filter((r) => r.kind === 'heading')).toHaveLength(20_000);
  });

  it('imports a 100,000-row text plan in bounded time', async () => {
    const lines = ['Ref\tAction\tLead officer\tTarget date'];
    for (let i = 0; i < 100_000; i++) lines.push(`${i + 1}\tReview service ${i} and report to the board\tHead of Service ${i % 40}\t${(i % 28) + 1}/0${(i % 9) + 1}/2025`);
    const started = process.cpuUsage();
    const plan = await parsePlanFile(new TextEncoder().encode(lines.join('\n')), 'large.tsv');
    expect(cpuMsSince(started)).toBeLessThan(45_000);
    expect(plan.items).toHaveLength(100_000);
    expect(plan.items[99_999]).toMatchObject({ actionRef: '100000', owner: 'Head of Service 39', dueDate: '2025-01-12' });
  });

  it('handles a table of 60 columns, most of them notes the importer does not know', () => {
    const header = ['Action', 'Owner', 'Due date', ...Array.from({ length: 57 }, (_, i) => `Quarter ${i + 1} note`)];
    const rows: TableRow[] = [{ cells: header, where: 'w 1', kind: 'row' }];
    for (let r = 0; r < 200; r++) rows.push({ cells: [`Fix the roofs of depot ${r}`, 'Head of Property', 'May-24', ...Array.from({ length: 57 }, (_, i) => (i % 2 ? '' : `note ${i}`))], where: `w ${r + 2}`, kind: 'row' });
    const started = process.cpuUsage();
    const plan = readPlanStructure([{ source: 'wide.tsv', rows }], { plan: 'W' });
    expect(cpuMsSince(started)).toBeLessThan(5000);
    expect(plan.items).toHaveLength(200);
    expect(plan.items[199]).toMatchObject({ action: 'Fix the roofs of depot 199', owner: 'Head of Property', dueDate: '2024-05-31' });
  });

  it('reads a 200-page Word document (4,000 table rows and 400 headings)', async () => {
    const body: string[] = [];
    for (let page = 0; page < 200; page++) {
      body.push(`<w:p><w:r><w:t>Priority ${page + 1}: Service area ${page + 1}</w:t></w:r></w:p><w:tbl>${row(['Action', 'Lead officer', 'By when'])}`);
      for (let r = 0; r < 20; r++) body.push(row([`Deliver improvement ${page}-${r} for residents`, 'Head of Service', 'Q3 2024/25']));
      body.push('</w:tbl><w:p><w:r><w:t>Page footer text</w:t></w:r></w:p>');
    }
    const docx = docxOf(`<w:document><w:body>${body.join('')}</w:body></w:document>`);
    const started = process.cpuUsage();
    const plan = await parsePlanFile(docx, 'long.docx');
    expect(cpuMsSince(started)).toBeLessThan(15_000);
    expect(plan.items).toHaveLength(4000);
    expect(plan.items[3999]).toMatchObject({ section: 'Priority 200: Service area 200', dueDate: '2024-12-31' });
  });

  it('reads a 100,000-row .xlsx sheet in bounded time', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Action', 'Owner', 'Due date']);
    for (let i = 0; i < 100_000; i++) sheet.addRow([`Action number ${i}`, 'Head of Service', 'Mar-25']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const started = process.cpuUsage();
    const plan = await parsePlanFile(bytes, 'big.xlsx');
    expect(cpuMsSince(started)).toBeLessThan(60_000);
    expect(plan.items).toHaveLength(100_000);
  }, 120_000);
});

describe('bounded references', () => {
  it('numbers 20,000 repeats of one written reference in linear time', () => {
    const drafts = Array.from({ length: 20_000 }, () => ({ explicitRef: '1.1', sectionRef: null, sectionText: '' }));
    const started = process.cpuUsage();
    const { refs, duplicates } = assignActionRefs(drafts);
    expect(cpuMsSince(started)).toBeLessThan(1000);
    expect(refs.slice(0, 3)).toEqual(['1.1', '1.1~2', '1.1~3']);
    expect(new Set(refs).size).toBe(20_000);
    expect(duplicates).toHaveLength(19_999);
  });
});
