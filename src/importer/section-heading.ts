import { shortText } from './field-values';

/** A section heading: its display text and the reference the plan gives it, if any. */
export type Heading = { text: string; ref: string | null };

const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10' };
const LABELLED = /^(recommendation|rec\.?|objective|theme|priority|section|outcome|aim|goal|workstream|strand|area)\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[:.\-–]?\s*/i;
const R_REF = /^(R\s?\d+(?:\.[A-Z0-9]{1,2})*|R\.\s?\d+)\.?(?=\s|[A-Z]|$)\s*/;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,2})*)[.)]?\s+(?=[A-Z])/;
const LETTERED = /^([A-Z]\d{1,2}(?:\.\d{1,2})*)[.):]?\s+(?=[A-Z])/;
const SHORT_SECTION_LENGTH = 120;

/** Words that open the description merged after a short heading ("R1.D. Targets Organisations must…"). */
const SENTENCE_OPENERS = new Set(['That', 'The', 'This', 'These', 'Those', 'A', 'An', 'Organisations', 'Organizations', 'Schools', 'We', 'All', 'Our', 'Each', 'Every', 'Partners']);
const CONNECTORS = new Set(['and', 'of', '&', 'in', 'for', 'the', 'to', 'on', '-', '–']);

/** The reference a heading starts with (`R1.A`, `R.2`, `Recommendation 3` → `R3`, `1.`, `Section Four` → `4`). */
export function headingRef(text: string): { ref: string; rest: string } | null {
  let m = LABELLED.exec(text);
  if (m) {
    const n = NUMBER_WORDS[m[2].toLowerCase()] ?? m[2];
    return { ref: /^rec/i.test(m[1]) ? `R${n}` : n, rest: text.slice(m[0].length) };
  }
  if ((m = R_REF.exec(text))) return { ref: m[1].replace(/\s/g, ''), rest: text.slice(m[0].length) };
  if ((m = NUMBERED.exec(text))) return { ref: m[1], rest: text.slice(m[0].length) };
  if ((m = LETTERED.exec(text))) return { ref: m[1], rest: text.slice(m[0].length) };
  return null;
}

/**
 * Whether a text-only row reads as a section heading: it starts with a reference, is a
 * recommendation quoted with its "[responsibility: …]", or is a short title-like line.
 */
export function looksLikeHeading(text: string): boolean {
  if (text.includes('\n') && !headingRef(text)) return false;
  if (headingRef(text)) return true;
  if (/\[responsibilit(y|ies):/i.test(text)) return true;
  // "Lead Officer for the section: Jo Bloggs" is a labelled value, not a heading; "Theme: Health" is one.
  const label = /^([^:]{1,40}):\s+\S/.exec(text);
  if (label && !/^(theme|objective|priority|section|area|outcome|workstream|strand)s?$/i.test(label[1].trim())) return false;
  const words = text.split(/\s+/).length;
  return text.length <= 100 && words <= 12 && /^[A-Z]/.test(text) && !/[.:;,]$/.test(text) && !/^[→•·\-*]/.test(text);
}

/**
 * A heading row's text → section text and ref. A long heading that runs straight into
 * its description ("R1.D. Targets Organisations signing up … must …") is cut where the
 * description starts; `corpus` (the whole plan's text) tells a phrase that recurs in the
 * plan ("Tower Hamlets Partnership") from a heading word run into a sentence.
 */
export function parseHeading(raw: string, corpus: PhraseCounts): Heading {
  const text = raw.replace(/\s*\[responsibilit(?:y|ies):[^\]]*\]?.*$/is, '').replace(/\s+/g, ' ').trim();
  const found = headingRef(text);
  if (!found) return { text: shortText(text, SHORT_SECTION_LENGTH), ref: null };
  const prefix = text.slice(0, text.length - found.rest.length).trim();
  if (found.rest.length > 60 && !/[:]\s*$/.test(prefix) && !/^[a-z]/.test(found.rest)) {
    const title = headingTitle(found.rest, corpus);
    if (title) return { text: `${prefix} ${title}`, ref: found.ref };
  }
  return { text: shortText(text, SHORT_SECTION_LENGTH), ref: found.ref };
}

/** The title words before a merged-in description, or null when no clear cut exists. */
function headingTitle(rest: string, corpus: PhraseCounts): string | null {
  const words = rest.split(' ');
  const firstLower = words.findIndex((w, i) => i > 0 && /^[a-z]/.test(w) && !CONNECTORS.has(w));
  if (firstLower < 2) return null;
  // The description opens at the last capitalised word before the first lower-case one.
  let cut = firstLower - 1;
  while (cut > 1 && !/^[A-Z]/.test(words[cut])) cut--;
  const opener = words.slice(1, firstLower).findIndex((w) => SENTENCE_OPENERS.has(w));
  if (opener >= 0) cut = opener + 1;
  else {
    // Move the cut back while the words either side of it form a phrase the plan uses elsewhere.
    while (cut > 1 && corpus.count(words[cut - 1], words[cut]) > 1) cut--;
  }
  if (!/^[A-Z]/.test(words[cut])) return null;
  const title = words.slice(0, cut).join(' ');
  return title.length <= 60 ? title : null;
}

/** How often each pair of adjacent words occurs in a text, counted once for the whole plan. */
export type PhraseCounts = { count: (first: string, second: string) => number };

/**
 * Counts of adjacent word pairs in the plan's text. Built lazily in one pass, so a plan with
 * thousands of headings costs one scan of its text, not one per heading.
 */
export function phraseCounts(text: () => string): PhraseCounts {
  let pairs: Map<string, number> | null = null;
  return {
    count(first, second) {
      if (!pairs) {
        pairs = new Map();
        const words = text().split(/\s+/).filter(Boolean);
        for (let i = 1; i < words.length; i++) {
          const key = `${words[i - 1]} ${words[i]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
      return pairs.get(`${first} ${second}`) ?? 0;
    },
  };
}
