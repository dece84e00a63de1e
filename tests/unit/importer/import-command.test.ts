import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import JSZip from 'jszip';
import { register } from '../../../src/cli/commands/import';
import { PLANS_DIR } from './plan-fixtures';

/** Runs `plan-tracker import …` in-process; returns stdout, or throws what the CLI would print. */
async function runImport(args: string[]): Promise<string> {
  const program = new Command('plan-tracker').exitOverride();
  register(program);
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  try {
    await program.parseAsync(['node', 'plan-tracker', 'import', ...args]);
  } finally {
    log.mockRestore();
  }
  return out.join('\n');
}

const dir = mkdtempSync(path.join(tmpdir(), 'plan-import-'));
const file = (name: string, content: Uint8Array | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
// Nothing listens here: if the command tried to write, the error would be about connecting.
const NO_SITE = ['--site', 'http://127.0.0.1:9/sites/none'];

describe('plan-tracker import --dry-run --json', () => {
  it('prints exactly one JSON document with the plan, items, progress notes and warnings', async () => {
    const out = await runImport([path.join(PLANS_DIR, 'bame-inequalities-commission.txt'), '--dry-run', '--json']);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['plan', 'items', 'progressNotes', 'warnings']);
    expect(doc.plan).toBe('Bame Inequalities Commission');
    expect(doc.items).toHaveLength(79);
    expect(Object.keys(doc.items[0])).toEqual(['section', 'actionRef', 'title', 'action', 'owner', 'dueText', 'dueDate', 'ongoing', 'startDate', 'resource', 'rag', 'status', 'measure']);
    expect(doc.items[0]).toMatchObject({ section: 'R1.A. Race Equality Pledge', actionRef: 'R1.A-1', dueDate: '2021-07-31', startDate: '2021-05-01', ongoing: false });
    expect(doc.warnings).toContainEqual({ where: 'bame-inequalities-commission.txt line 172', message: expect.any(String) });
  });

  it('takes the plan name from --plan', async () => {
    const doc = JSON.parse(await runImport([path.join(PLANS_DIR, 'scrutiny-review-staff-representation.txt'), '--dry-run', '--json', '--plan', 'Staff Representation Review']));
    expect(doc.plan).toBe('Staff Representation Review');
  });

  it('prints a readable dry run without --json', async () => {
    const out = await runImport([path.join(PLANS_DIR, 'scrutiny-review-staff-representation.txt'), '--dry-run']);
    expect(out).toMatch(/^Plan "Scrutiny Review Staff Representation": 7 actions, 0 progress notes, 2 warnings \(nothing written\)\./);
    expect(out).toContain('R5-1');
  });
});

describe('plan-tracker import takes plans it can only partly read, with warnings', () => {
  it('imports a plan with no readable dates, each action without a date', async () => {
    const doc = JSON.parse(await runImport([file('nodates.tsv', 'Action\tOwner\tDue date\nFix roofs\tJo Bloggs\t\nAdd buses\tSam Smith\tTBC\n'), '--dry-run', '--json']));
    expect(doc.items.map((i: { title: string; dueDate: string | null }) => [i.title, i.dueDate])).toEqual([['Fix roofs', null], ['Add buses', null]]);
    expect(doc.warnings).toContainEqual({ where: 'nodates.tsv', message: expect.stringMatching(/None of the 2 actions has a due date/) });
    expect(doc.warnings).toContainEqual({ where: 'nodates.tsv line 3', message: expect.stringMatching(/'TBC' is not a date/) });
  });

  it('refuses only a file with no candidate action, saying what it saw', async () => {
    const prose = file('prose.txt', 'Our vision\nWe want a fairer borough for everyone who lives and works here.\n');
    await expect(runImport([prose, '--dry-run'])).rejects.toThrow(/prose\.txt: no actions found, so nothing was imported\. Seen: prose\.txt \(2 rows, starting "Our vision", "We want a fairer borough/);
  });

  it('imports a table with no header row, reading the columns from their content', async () => {
    const doc = JSON.parse(await runImport([file('noheader.tsv', '1\tFix the leaking roofs on the three depots\tHead of Property\tMay-21\n2\tAdd two bus routes to the new estate\tTransport Manager\t31/03/2022\n'), '--dry-run', '--json']));
    expect(doc.items.map((i: { owner: string; dueDate: string }) => [i.owner, i.dueDate])).toEqual([['Head of Property', '2021-05-31'], ['Transport Manager', '2022-03-31']]);
    expect(doc.warnings).toContainEqual({ where: 'noheader.tsv', message: expect.stringMatching(/No header row naming the columns; columns read from their content: ref in column 1, action in column 2, owner in column 3, due in column 4/) });
  });
});

describe('plan-tracker import --show-rows and --map', () => {
  const plan = () => file('rows.tsv', 'Ref\tAction\tLead officer\tTarget date\nTheme 1: Repairs\n1.1\tFix the roofs\tHead of Property\tMay-24\nPage 2\n');

  it('prints every row with its kind and reason, and the columns as --map counts them', async () => {
    const out = await runImport([plan(), '--show-rows', ...NO_SITE]);
    expect(out.split('\n')).toEqual([
      'Plan "Rows": 4 rows read (kind — why; columns numbered from 1 as --map counts them).',
      '  Columns of rows.tsv: 1=ref, 2=action, 3=owner, 4=due',
      '  0:0      Header row       names the columns — rows.tsv line 1: [1] Ref [2] Action [3] Lead officer [4] Target date',
      '  0:1      Section heading  starts with the reference 1 — rows.tsv line 2: [1] Theme 1: Repairs',
      '  0:2      Action           action text with an owner and a date — rows.tsv line 3: [1] 1.1 [2] Fix the roofs [3] Head of Property [4] May-24',
      '  0:3      Page furniture   a page number or rule — rows.tsv line 4: [1] Page 2',
    ]);
  });

  it('reads the columns --map names instead of the detected ones', async () => {
    const doc = JSON.parse(await runImport([plan(), '--map', 'action=2,resource=3,due=4', '--dry-run', '--json']));
    expect(doc.items.map((i: { action: string; owner: string; resource: string }) => [i.action, i.owner, i.resource])).toEqual([['Fix the roofs', '', 'Head of Property']]);
  });

  it('refuses a --map without an action column before reading anything', async () => {
    await expect(runImport([plan(), '--map', 'owner=3', '--dry-run'])).rejects.toThrow(/--map must name the action column/);
  });
});

describe('plan-tracker import refuses bad input with a clear message, before touching the site', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /empty\.txt is empty/],
    ['a binary file renamed .xlsx', () => file('photo.xlsx', Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)), /not a real \.xlsx file/],
    ['a corrupt zip named .docx', () => file('broken.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 500 }, (_, i) => i % 251)])), /broken\.docx is not a readable Word document/],
    ['a 20 MB file', () => file('huge.txt', 'Action\tOwner\tDue\n' + 'x'.repeat(20 * 1024 * 1024)), /huge\.txt is 20\.0 MB; plans over 10 MB are refused/],
    ['a file that does not exist', () => path.join(dir, 'missing.docx'), /Cannot read .*missing\.docx/],
    ['a binary file named .txt', () => file('tool.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i % 7 === 0 ? 0 : 65 + (i % 20)))), /does not look like a text file/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    await expect(runImport([make(), ...NO_SITE])).rejects.toThrow(message);
  });

  it('refuses an xlsx workbook whose zip has no workbook in it', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(runImport([file('fake.xlsx', bytes), ...NO_SITE])).rejects.toThrow(/fake\.xlsx is not a readable Excel workbook/);
  });

  it('refuses a bad owners file before connecting', async () => {
    const owners = file('owners.csv', 'owner,email\nSharon Godman,not-an-email\n');
    await expect(runImport([path.join(PLANS_DIR, 'bame-inequalities-commission.txt'), '--owners', owners, ...NO_SITE])).rejects.toThrow(/owners\.csv: 1 row\(s\) are not "owner text,email": row 2/);
  });
});
