import { cleanCell, oneLine } from './cell-text';
import type { ColumnMapping, ColumnRole } from './table';

/**
 * What a header cell means, by its wording. Order matters: the first match wins, so
 * "Start date" is a start before it is a date, and "Target completion date" is a due date
 * before "target" could read as a measure.
 */
const HEADER_PATTERNS: [ColumnRole, RegExp][] = [
  ['start', /\bstart(ing)?\b|\bcommenc/],
  ['due', /\bdue\b|by when|\bwhen\b|deadline|target (completion )?date|completion date|\bdate\b|timescale|time ?frame|timeline|end date|delivery date|target completion/],
  ['rag', /\brag\b|red.?amber.?green|\brating\b/],
  ['owner', /owner|responsib|\blead\b|\bleads\b|\bsro\b|senior responsible|accountab|by whom|\bwho\b|officer|champion|\bmanager\b|assigned/],
  ['resource', /resourc|budget|\bcost|funding|financ/],
  ['measure', /measure|\bkpi|indicator|success criteria|how will (we|this|you)|evidence of success|\bmetric/],
  ['status', /^status$|current status|^progress status$/],
  ['progress', /progress|update|commentary|latest|actions? taken|in train|^completed$|^completed actions|achievements?|work to date/],
  ['ref', /^(ref\.?|reference|no\.?|number|#|id|item|action (no|ref|number)\.?)$/],
  ['action', /\bactions?\b|what (needs|we will|will we|are we going)|needs to be done|\bgaps?\b|\btasks?\b|\bactivit|deliverable|milestone|\bsteps?\b|what we will do|proposed|intervention/],
  ['section', /^(recommendations?|themes?|objectives?|priorit(y|ies)|areas?|workstreams?|sections?|strands?|goals?|aims?|recommendation (no\.?|number))$/],
  ['context', /evidence|comment|background|rationale|current (position|situation)|issue|outcome|context|description|why/],
];

/** The role a header cell's wording names, if any. */
export function roleOfHeader(text: string): ColumnRole | undefined {
  const t = oneLine(cleanCell(text)).toLowerCase().replace(/[?:*]+$/, '').trim();
  if (!t || t.length > 80) return undefined;
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
  if (!filled.length || filled.some(({ c }) => c.length > 80)) return undefined;
  const mapping: ColumnMapping = {};
  for (const { c, i } of filled) {
    const role = roleOfHeader(c);
    if (role) mapping[i] = role;
  }
  const roles = Object.values(mapping);
  const progressCell = filled.find(({ c }) => PROGRESS_HEADER.test(c.toLowerCase()));
  const hasActionSide = roles.some((r) => r === 'owner' || r === 'due');
  if (progressCell && !hasActionSide) {
    const wording = progressCell.c.toLowerCase();
    return { mapping: { ...mapping, [progressCell.i]: 'progress' }, kind: 'progress', completed: /taken|completed|done|achievement|to date|made/.test(wording) };
  }
  if (!roles.includes('action') || roles.length < 2 || roles.length / filled.length < 0.6) return undefined;
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
