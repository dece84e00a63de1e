import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { readCsv } from '../../../src/importer/readers/read-csv';
import { CORPUS_DIR } from './corpus-score';
import { comparable, toCsv, toDocx, toXlsx, type Block } from './plan-documents';

// Issue 12 part 7: the same corpus plan as other files, laid out differently, gives the same items.
const OGP = 'ogp-uk-national-action-plan-2013-15-progress';
const TANDRIDGE = 'tandridge-equality-objectives-2023-2026';
const corpusText = (slug: string) => readFileSync(path.join(CORPUS_DIR, `${slug}.txt`), 'utf8');

/** The OGP tracker's table: its header and data rows as published (rule row and trailing empty cell dropped). */
function ogpTable(): { header: string[]; rows: string[][] } {
  const rows = readCsv(corpusText(OGP), `${OGP}.txt`).rows.map((r) => r.cells.slice(0, 8)).filter((c) => c.length === 8 && !c[0].startsWith('---'));
  return { header: rows[0], rows: rows.slice(1) };
}

/** Columns in another order and headers in other words. */
function shuffled({ header, rows }: { header: string[]; rows: string[][] }): Block {
  const order = [2, 1, 7, 6, 5, 4, 3, 0];
  const words: Record<string, string> = { Commitment: 'Commitments', 'Milestone reference': 'Milestone ref', Milestone: 'Milestone' };
  return { kind: 'table', header: order.map((i) => words[header[i]] ?? header[i]), rows: rows.map((r) => order.map((i) => r[i])) };
}

/** The commitment as a heading row spanning the table instead of a column. */
function commitmentAsHeadingRows({ header, rows }: { header: string[]; rows: string[][] }): Block {
  const out: string[][] = [];
  let current = '';
  for (const row of rows) {
    if (row[0] !== current) {
      current = row[0];
      out.push([current]);
    }
    out.push(['', ...row.slice(1)]);
  }
  return { kind: 'table', header: ['', ...header.slice(1)], rows: out };
}

describe('corpus plans in other files and layouts', () => {
  let expected: ReturnType<typeof comparable>;
  beforeAll(async () => {
    expected = comparable((await parsePlanFile(new TextEncoder().encode(corpusText(OGP)), `${OGP}.txt`, { plan: OGP })).items);
    expect(expected).toHaveLength(6);
  });

  it('reads the OGP tracker as an .xlsx with columns shuffled and headers renamed to the same items', async () => {
    const parsed = await parsePlanFile(await toXlsx([shuffled(ogpTable())]), `${OGP}.xlsx`, { plan: OGP });
    expect(comparable(parsed.items)).toEqual(expected);
  });

  it('reads the OGP tracker as a comma CSV to the same items', async () => {
    const parsed = await parsePlanFile(toCsv([shuffled(ogpTable())], ','), `${OGP}.csv`, { plan: OGP });
    expect(comparable(parsed.items)).toEqual(expected);
  });

  it('reads the OGP tracker as a .docx with the commitment as merged heading rows to the same items', async () => {
    const parsed = await parsePlanFile(await toDocx([commitmentAsHeadingRows(ogpTable())], () => -1), `${OGP}.docx`, { plan: OGP });
    expect(comparable(parsed.items)).toEqual(expected);
  });

  it('reads the narrative Tandridge plan as a .docx of paragraphs to the same items', async () => {
    const text = corpusText(TANDRIDGE);
    const fromText = comparable((await parsePlanFile(new TextEncoder().encode(text), `${TANDRIDGE}.txt`, { plan: TANDRIDGE })).items);
    const blocks: Block[] = text.split('\n').filter((l) => l.trim()).map((l) => ({ kind: 'text', text: l.trim() }));
    const parsed = await parsePlanFile(await toDocx(blocks, () => -1), `${TANDRIDGE}.docx`, { plan: TANDRIDGE });
    expect(fromText).toHaveLength(10);
    expect(comparable(parsed.items)).toEqual(fromText);
  });
});
