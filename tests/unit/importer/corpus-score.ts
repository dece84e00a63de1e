import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import type { ParsedItem } from '../../../src/importer/table';

export const CORPUS_DIR = path.resolve(__dirname, '../../fixtures/plans/corpus');

/** What a person wrote down about a plan after reading it (`<slug>.expected.json`). */
export type CorpusExpectation = {
  /** The plan text, when it is kept outside the corpus folder (the three sample plans). */
  file?: string;
  /** Objectives with long prose actions and no date column: the bar is 80%, not 95%. */
  narrative: boolean;
  actions: number;
  /** Openings of text that is not an action (recommendations, headings, intros). */
  notActions: string[];
  pinned: { start: string; section: string; owner: string; dueText: string; dueDate: string | null }[];
};

/** How well the importer read one plan, against its hand-written expectations. */
export type CorpusScore = {
  plan: string;
  expected: number;
  produced: number;
  /** Share of the plan's actions found: produced actions that are not known non-actions, up to the expected count. */
  found: number;
  /** Share of the pinned actions found, each exactly once. */
  pinnedFound: number;
  /** Share of what was produced that is an action. */
  precision: number;
  /** Share of the pinned actions found whose section, owner, due text and due date are right. */
  fieldsRight: number;
  threshold: number;
  misses: string[];
};

/** Every plan of the corpus: its slug, file and expectations. */
export function corpusPlans(): { slug: string; file: string; expected: CorpusExpectation }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(path.join(CORPUS_DIR, f), 'utf8')) as CorpusExpectation;
      return { slug, file: path.resolve(CORPUS_DIR, expected.file ?? `${slug}.txt`), expected };
    });
}

/** Scores parsed items against a plan's expectations. */
export function scorePlan(plan: string, items: ParsedItem[], expected: CorpusExpectation): CorpusScore {
  const misses: string[] = [];
  const junk = items.filter((i) => expected.notActions.some((n) => i.action.startsWith(n)));
  for (const j of junk) misses.push(`not an action: "${j.action.slice(0, 60)}"`);
  const real = items.length - junk.length;
  const extra = Math.max(0, real - expected.actions);
  let pinnedFound = 0;
  let fieldsRight = 0;
  for (const pin of expected.pinned) {
    const matches = items.filter((i) => i.action.startsWith(pin.start));
    if (matches.length !== 1) {
      misses.push(`"${pin.start}" found ${matches.length} times`);
      continue;
    }
    pinnedFound++;
    const item = matches[0];
    const right = item.section.startsWith(pin.section) && item.owner === pin.owner && item.dueText === pin.dueText && item.dueDate === pin.dueDate;
    if (right) fieldsRight++;
    else misses.push(`"${pin.start}": got section "${item.section.slice(0, 40)}", owner "${item.owner}", due "${item.dueText}" → ${item.dueDate}`);
  }
  return {
    plan,
    expected: expected.actions,
    produced: items.length,
    found: Math.min(real, expected.actions) / expected.actions,
    pinnedFound: pinnedFound / expected.pinned.length,
    precision: items.length ? (real - extra) / items.length : 0,
    fieldsRight: pinnedFound ? fieldsRight / pinnedFound : 0,
    threshold: expected.narrative ? 0.8 : 0.95,
    misses,
  };
}

/** Imports every corpus plan and scores it. */
export async function scoreCorpus(): Promise<CorpusScore[]> {
  const scores: CorpusScore[] = [];
  for (const { slug, file, expected } of corpusPlans()) {
    const parsed = await parsePlanFile(new Uint8Array(readFileSync(file)), path.basename(file));
    scores.push(scorePlan(slug, parsed.items, expected));
  }
  return scores;
}

const percent = (n: number) => `${(n * 100).toFixed(0)}%`;

/** The per-plan table the lead quotes. */
export function formatScores(scores: CorpusScore[]): string {
  const header = ['plan', 'expected', 'produced', 'found', 'pinned found', 'are actions', 'owner+date right', 'bar'];
  const rows = scores.map((s) => [s.plan, String(s.expected), String(s.produced), percent(s.found), percent(s.pinnedFound), percent(s.precision), percent(s.fieldsRight), percent(s.threshold)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// `npx tsx tests/unit/importer/corpus-score.ts` prints the table.
if (require.main === module) {
  void scoreCorpus().then((scores) => console.log(formatScores(scores)));
}
