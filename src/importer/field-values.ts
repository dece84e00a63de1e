import type { Rag, Status } from '../domain/plan-item';

/** Titles are for lists and cards: the first sentence, at most this long. */
export const TITLE_LENGTH = 150;

/**
 * A readable short form of a text: its first sentence (or line), cut at a word boundary
 * with an ellipsis when still longer than `max` characters.
 */
export function shortText(text: string, max = TITLE_LENGTH): string {
  const firstLine = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  const sentence = /^(.+?[.!?])(\s+[A-Z(“"'‘]|$)/.exec(firstLine)?.[1] ?? firstLine;
  const chosen = sentence.length >= 20 ? sentence : firstLine;
  if (chosen.length <= max) return chosen.replace(/[:;,]$/, '');
  const cut = chosen.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(max / 2)));
  return `${atWord.replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * Owner text as one line. Lines ending in `/` continue the same list ("Business
 * Intelligence/" + "Equalities Team"); other line breaks separate owners with a comma.
 */
export function ownerText(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else out += out.endsWith('/') ? line : `, ${line}`;
  }
  return out.replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ').replace(/[/,;]$/, '').trim();
}

/** Whether owner text can be a person or team; fragments cut from a sentence cannot. */
export function isPlausibleOwner(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^[a-z]/.test(t) && t.length <= 200;
}

const RAG_WORDS: Record<string, Rag> = {
  r: 'Red', red: 'Red', a: 'Amber', amber: 'Amber', g: 'Green', green: 'Green', b: 'Blue', blue: 'Blue',
  complete: 'Blue', completed: 'Blue', 'a/g': 'Amber', 'r/a': 'Red', 'amber/green': 'Amber', 'red/amber': 'Red',
};

/** A RAG as the plan writes it (`G`, `Amber`, `A/G`) → the list's choice; undefined when unknown. */
export function normaliseRag(text: string): Rag | null | undefined {
  const t = text.trim().toLowerCase().replace(/[.\s]+$/, '');
  if (!t) return null;
  return RAG_WORDS[t] ?? RAG_WORDS[t.split(/[\s(]/)[0]];
}

const STATUS_PATTERNS: [Status, RegExp][] = [
  ['Completed', /^(complete|completed|done|closed|achieved|finished|delivered|implemented)\b/],
  ['Cancelled', /^(cancelled|canceled|withdrawn|dropped|superseded|no longer required)\b/],
  ['On hold', /^(on hold|paused|deferred|suspended)\b/],
  ['Not started', /^(not started|not yet started|planned|to start|not due|pending)\b/],
  ['In progress', /^(in progress|ongoing|on-going|on track|started|underway|under way|in hand|progressing|delayed|behind|at risk)\b/],
];

/** A status as the plan writes it → the list's choice; undefined when unknown. */
export function normaliseStatus(text: string): Status | null | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  return STATUS_PATTERNS.find(([, re]) => re.test(t))?.[0];
}
