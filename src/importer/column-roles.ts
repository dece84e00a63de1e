import { parsePlanDate } from '../domain/plan-dates';
import { cleanCell, oneLine } from './cell-text';
import type { ColumnMapping, ColumnRole, TableRow } from './table';

/**
 * What a header cell means, by its wording. Order matters: the first match wins, so
 * "Start date" is a start before it is a date, and "Target completion date" is a due date
 * before "target" could read as a measure.
 */
const HEADER_PATTERNS: [ColumnRole, RegExp][] = [
  ['start', /\bstart(ing)?\b|\bcommenc/],
  ['due', /\bdue\b|by when|\bwhen\b|deadline|target (completion )?date|completion date|\bdate\b|timescale|time ?frame|timeline|end date|delivery date|target completion|^target$|^(target|expected) (by|completion)$/],
  ['rag', /\brag\b|red.?amber.?green|\brating\b/],
  ['owner', /owner|responsib|\blead\b|\bleads\b|\bsro\b|senior responsible|accountab|by whom|\bwho\b|officer|champion|\bmanager\b|assigned|\bcabinet member\b|\blead member\b|portfolio holder|\bcouncillor\b|\bcllr\b/],
  ['resource', /resourc|budget|\bcost|funding|financ/],
  ['measure', /measure|\bkpi|indicator|success criteria|how will (we|this|you)|evidence of success|\bmetric/],
  ['status', /^status$|current status|^progress status$/],
  ['progress', /progress|update|commentary|latest|actions? taken|in train|^completed$|^completed actions|achievements?|work to date/],
  ['ref', /^(ref\.?|reference|no\.?|number|#|id|item|(action|milestone|commitment) (no|ref|reference|number)\.?)$/],
  ['action', /\bactions?\b|what (needs|we will|will we|are we going)|needs to be done|\bgaps?\b|\btasks?\b|\bactivit|deliverable|milestone|\bsteps?\b|what we will do|proposed|intervention/],
  ['section', /^(recommendations?|themes?|objectives?|priorit(y|ies)|areas?|workstreams?|sections?|strands?|goals?|aims?|commitments?|recommendation (no\.?|number))$/],
  ['context', /evidence|comment|background|rationale|current (position|situation)|issue|outcome|context|description|why/],
];

const DATED_HEADER = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|q[1-4]\s*\d{2,4}(\/\d{2})?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s-]+\d{2,4})$/;

/** The role a header cell's wording names, if any. */
export function roleOfHeader(text: string): ColumnRole | undefined {
  // Long text is never a header; skip the wording checks for the body of a plan.
  if (text.length > 200) return undefined;
  // Footnote markers ("Owner*", "Due date¹", "Lead (2)") and question marks do not change a header's meaning.
  const t = oneLine(cleanCell(text)).toLowerCase().replace(/(\s*(\(\d\)|\[\d\]|[?:*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d$))+$/u, '').trim();
  if (!t || t.length > 80) return undefined;
  // A column headed by a date ("30/9/2014", "Q2 2024/25", "June 2024") holds the status or
  // progress as at that date: a progress column, however many of them the plan has.
  if (DATED_HEADER.test(t)) return 'progress';
  return HEADER_PATTERNS.find(([, re]) => re.test(t))?.[0];
}

/** Headers of tables that record work already done: their rows are progress notes, not actions. */
const PROGRESS_HEADER = /actions? taken|already in train|in train|^completed$|completed actions|progress (to date|made)|work (done|completed)|achievements?/;

export type HeaderMatch = { mapping: ColumnMapping; kind: 'actions' | 'progress'; completed: boolean };

/**
 * Whether a row is a header row, and how its columns map. A header names an action
 * column (or is a progress-note table's header) and at least one other known column;
 * most of its non-empty cells must mean something.
 */
export function matchHeader(cells: string[]): HeaderMatch | undefined {
  const filled = cells.map((c, i) => ({ c: oneLine(cleanCell(c)), i })).filter(({ c }) => c);
  // Header cells are labels: never long, never a sentence ("Continue the work on gaps in data.").
  if (!filled.length || filled.some(({ c }) => c.length > 80 || (c.length > 30 && /[.!]$/.test(c)))) return undefined;
  // One date among labels is a data row's date; a run of dated columns is a status history.
  if (filled.filter(({ c }) => DATED_HEADER.test(c.toLowerCase())).length === 1) return undefined;
  const mapping: ColumnMapping = {};
  for (const { c, i } of filled) {
    const role = roleOfHeader(c);
    if (role) mapping[i] = role;
  }
  const roles = Object.values(mapping);
  const progressCell = filled.find(({ c }) => PROGRESS_HEADER.test(c.toLowerCase()));
  const hasActionSide = roles.some((r) => r === 'owner' || r === 'due');
  // A progress table may date its notes; it never names an action or who owns it.
  if (progressCell && !roles.includes('owner') && !roles.includes('action')) {
    const wording = progressCell.c.toLowerCase();
    return { mapping: { ...mapping, [progressCell.i]: 'progress' }, kind: 'progress', completed: /taken|completed|done|achievement|to date|made/.test(wording) };
  }
  if (!roles.includes('action') && hasActionSide) {
    // No action column: the recommendation (or the description) is what the owner delivers.
    const stand = filled.find(({ i }) => mapping[i] === 'section' && /recommend|objective|priorit|aim|goal/i.test(filled.find((f) => f.i === i)?.c ?? ''))
      ?? filled.find(({ i }) => mapping[i] === 'context');
    if (stand) mapping[stand.i] = 'action';
  }
  if (!roles.includes('action') && !Object.values(mapping).includes('action')) return undefined;
  const named = Object.values(mapping);
  if (named.length < 2) return undefined;
  // Most cells of a header mean something; a wide table may have many columns of its own
  // (notes, per-quarter updates) as long as short, label-like cells name the action and its owner or date.
  const labelLike = filled.filter(({ i }) => mapping[i]).every(({ c }) => c.length <= 40 && c.split(/\s+/).length <= 5);
  const wide = named.length >= 3 && named.includes('action') && (named.includes('owner') || named.includes('due')) && labelLike;
  if (named.length / filled.length < 0.6 && !wide) return undefined;
  preferOfficerOwner(mapping, filled);
  // Two columns read as "action": the first wording that says action is the action; the
  // other becomes context (e.g. "Recommendation" + "Actions" when both say action).
  let seenAction = false;
  for (const key of Object.keys(mapping).map(Number).sort((a, b) => a - b)) {
    if (mapping[key] !== 'action') continue;
    if (seenAction) mapping[key] = 'context';
    seenAction = true;
  }
  return { mapping, kind: 'actions', completed: false };
}

/** Wording of a politician's column (the officer's column owns the action). */
const POLITICIAN = /member|councillor|\bcllr\b|portfolio|cabinet|politic/i;

/** Two person columns (a politician and an officer): the officer owns; the other is kept as context. */
function preferOfficerOwner(mapping: ColumnMapping, filled: { c: string; i: number }[]): void {
  const owners = filled.filter(({ i }) => mapping[i] === 'owner');
  if (owners.length < 2) return;
  const officer = owners.find(({ c }) => !POLITICIAN.test(c)) ?? owners[owners.length - 1];
  for (const { i } of owners) if (i !== officer.i) mapping[i] = 'context';
}

/** A person, team or job title as plans write them in an owner column. */
const PERSON_OR_POST = /\b(director|manager|head|officer|lead|chief|executive|team|service|board|group|partnership|council|coordinator|co-ordinator|commissioner|adviser|advisor|member|cllr|councillor|hr|ceo|all)\b|^[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,3}$|^[A-Z]{2,6}(?:[ ,/&]+[A-Z]{2,6})*$/;

type ColumnStats = { index: number; filled: number; dates: number; people: number; length: number; refs: number };

/**
 * Column roles from what a table's columns hold, for tables with no header row: the
 * column most often holding dates is the due date, short names and job titles the owner,
 * the longest text the action, short numbers like `1.2` the reference.
 */
export function inferColumnsFromContent(rows: TableRow[]): { mapping: ColumnMapping; description: string } | undefined {
  const body = rows.filter((r) => r.kind !== 'paragraph' && r.cells.filter(Boolean).length >= 2);
  if (body.length < 2) return undefined;
  const width = Math.min(60, Math.max(...body.map((r) => r.cells.length)));
  const stats: ColumnStats[] = [];
  for (let index = 0; index < width; index++) {
    const s: ColumnStats = { index, filled: 0, dates: 0, people: 0, length: 0, refs: 0 };
    for (const r of body) {
      const text = oneLine(cleanCell(r.cells[index] ?? ''));
      if (!text) continue;
      s.filled++;
      s.length += text.length;
      const date = parsePlanDate(text);
      if ((date.dueDate || date.ongoing || date.completed) && !date.warning) s.dates++;
      else if (text.length <= 80 && PERSON_OR_POST.test(text)) s.people++;
      if (/^[A-Z]?\d{1,3}(\.\d{1,3})*\.?$/.test(text)) s.refs++;
    }
    if (s.filled) stats.push(s);
  }
  const share = (n: number, s: ColumnStats) => n / s.filled;
  const mapping: ColumnMapping = {};
  const due = stats.filter((s) => share(s.dates, s) >= 0.5).sort((a, b) => b.dates - a.dates)[0];
  if (due) mapping[due.index] = 'due';
  const ref = stats.filter((s) => !mapping[s.index] && share(s.refs, s) >= 0.6 && s.index === stats[0].index)[0];
  if (ref) mapping[ref.index] = 'ref';
  const owner = stats.filter((s) => !mapping[s.index] && share(s.people, s) >= 0.5 && s.length / s.filled <= 60).sort((a, b) => b.people - a.people)[0];
  if (owner) mapping[owner.index] = 'owner';
  const action = stats.filter((s) => !mapping[s.index]).sort((a, b) => b.length - a.length)[0];
  if (!action || (!due && !owner)) return undefined;
  mapping[action.index] = 'action';
  const described = Object.entries(mapping).sort(([a], [b]) => Number(a) - Number(b)).map(([i, role]) => `${role} in column ${Number(i) + 1}`);
  return { mapping, description: `columns read from their content: ${described.join(', ')}` };
}
