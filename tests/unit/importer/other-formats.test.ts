import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { roleOfHeader } from '../../../src/importer/column-roles';
import { comparable, planBlocks, reshape, reversed, rotated, toCsv, toDocx, toUtf16, toWindows1252, toXlsx } from './plan-documents';
import { planBytes, SAMPLE_PLANS } from './plan-fixtures';

const ownerColumn = (header: string[]) => header.findIndex((h) => roleOfHeader(h) === 'owner');

describe.each(SAMPLE_PLANS)('the same plan in other formats: %s', (name) => {
  const plan = name.replace(/\.txt$/, '');
  let expected: ReturnType<typeof comparable>;
  beforeAll(async () => {
    expected = comparable((await parsePlanFile(planBytes(name), name, { plan })).items);
  });

  it('reads an .xlsx with columns reversed, other header wording and merged heading cells to the same actions', async () => {
    const bytes = await toXlsx(reshape(planBlocks(name), reversed));
    const parsed = await parsePlanFile(bytes, `${plan}.xlsx`, { plan });
    expect(comparable(parsed.items)).toEqual(expected);
    expect(parsed.items[0].where).toMatch(/\.xlsx sheet 'Table 1' row \d+$/);
  });

  it('reads a .docx with columns rotated, spanning headings, merged owner cells and a nested table to the same actions', async () => {
    const bytes = await toDocx(reshape(planBlocks(name), rotated), ownerColumn);
    const parsed = await parsePlanFile(bytes, `${plan}.docx`, { plan });
    expect(comparable(parsed.items)).toEqual(expected);
  });

  it('reads a semicolon CSV with quoted newlines to the same actions', async () => {
    const parsed = await parsePlanFile(toCsv(reshape(planBlocks(name), reversed), ';'), `${plan}.csv`, { plan });
    expect(comparable(parsed.items)).toEqual(expected);
  });

  it.each([
    ['UTF-16 LE', (t: string) => toUtf16(t, 'le')],
    ['UTF-16 BE', (t: string) => toUtf16(t, 'be')],
    ['UTF-8 with BOM', (t: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])],
    ['Windows-1252', toWindows1252],
  ])('reads the text saved as %s to the same actions', async (_encoding, encode) => {
    const text = new TextDecoder().decode(planBytes(name));
    const parsed = await parsePlanFile(encode(text), name, { plan });
    expect(comparable(parsed.items)).toEqual(expected);
  });
});

describe('text encodings', () => {
  it('keeps £ from a Windows-1252 file', async () => {
    const text = 'Action\tResource\tDue date\tOwner\nRun the pilot\t£60,000 – agreed\tMay-21\tJo Bloggs\n';
    const parsed = await parsePlanFile(toWindows1252(text), 'pilot.txt');
    expect(parsed.items[0].resource).toBe('£60,000 – agreed');
  });
});
