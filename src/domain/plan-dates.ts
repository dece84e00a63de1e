import type { IsoDate } from './plan-item';

/**
 * Dates as plans write them (DESIGN.md "Dates in plans"). Pure: no clock, no I/O.
 *
 * Rules, decided here in one place:
 * - a month alone means its last day (`May-21` → 2021-05-31, `Sept 2018` → 2018-09-30);
 *   two-digit years are 20yy; a year alone means 31 December;
 * - full dates are UK day-first (`31/03/2024`, `31st March 2024`, `31.3.24`) or ISO;
 * - a range (`Jan to March 24`, `Aug – Sept 2022`, `2021-2023`) means the end of its last part;
 * - a financial year (`2021/22`, `FY21/22`) ends 31 March; a quarter of a financial year
 *   (`Q3 21/22`) is the UK public-sector quarter (Q1 Apr–Jun … Q4 Jan–Mar); a quarter of a
 *   plain year (`Q3 2022`) is a calendar quarter;
 * - seasons end with their last month: spring May, summer August, autumn November,
 *   winter February of the next year;
 * - `On-going`, `Ongoing`, `continuous` set ongoing; `Bi-annual`, `Quarterly`, `Annually` …
 *   set ongoing and a recurrence; `Nov 2022 & Ongoing` gives both a date and ongoing;
 * - `Complete`/`Completed`/`Done` give no date and `completed`;
 * - anything else (`-`, `D 04`, `TBC`) gives no date and a warning; empty text gives neither.
 */
export type PlanDate = {
  dueDate: IsoDate | null;
  ongoing: boolean;
  recurrence?: string;
  /** The plan says the action is already done. */
  completed?: boolean;
  /** Earlier dates written in the same cell ("draft by May 2024, final by Sept 2024"): milestones, not the due date. */
  milestones?: IsoDate[];
  warning?: string;
};

/** Which end of a period a date stands for: due dates take the end, start dates the start. */
export type DateBound = 'start' | 'end';

type Period = { start: IsoDate; end: IsoDate };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, febuary: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const RECURRENCES: Record<string, string> = {
  'bi-annual': 'Bi-annual', biannual: 'Bi-annual', 'bi annual': 'Bi-annual', 'six monthly': 'Six-monthly', 'six-monthly': 'Six-monthly',
  'half yearly': 'Six-monthly', 'half-yearly': 'Six-monthly', annual: 'Annually', annually: 'Annually', yearly: 'Annually',
  quarterly: 'Quarterly', monthly: 'Monthly', weekly: 'Weekly', termly: 'Termly', 'bi-monthly': 'Bi-monthly', fortnightly: 'Fortnightly',
};

const ONGOING = /^(on[- ]?going|continuous(ly)?|continuing|rolling|as required|as and when|throughout)$/;
const COMPLETED = /^(complete|completed|done|achieved)$/;
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthPeriod = (y: number, m: number): Period => ({ start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) });
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);
const monthOf = (word: string): number | undefined => MONTHS[word.toLowerCase().replace(/\.$/, '')];

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** A financial year written `2021/22`, `21/22`, `2021-22`, `FY21/22`: April to March. */
function financialYear(text: string): { first: number; warning?: string } | undefined {
  const m = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const first = fullYear(Number(m[1]));
  const second = fullYear(Number(m[2]));
  if (second === first + 1) return { first };
  // `21/21` is a slip of the pen in a real plan: read it as the year it starts, and say so.
  if (second === first && m[1].length === 2) return { first, warning: `financial year '${text}' read as ${first}/${String(first + 1).slice(2)}` };
  return undefined;
}

/** Words that lead into a date without changing it: "by the end of", "no later than", "w/c". */
const LEAD_WORDS = /^(by|the|end|of|from|before|due|w\/c|wc|during|in|until|no later than|not later than|complete by|to be completed by|target)\s+/;

function stripLeadWords(text: string): string {
  let out = text.trim();
  for (let next = out.replace(LEAD_WORDS, ''); next !== out; next = out.replace(LEAD_WORDS, '')) out = next;
  return out;
}

/** One date or period with no range or "ongoing" in it. */
function parsePeriod(raw: string): { period: Period; warning?: string } | undefined {
  const text = stripLeadWords(raw.toLowerCase()).replace(/[.,]$/, '').trim();
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { period: { start: iso(y, mo, d), end: iso(y, mo, d) } } : undefined;
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(Number(m[3]))];
    return validDay(y, mo, d) ? { period: { start: iso(y, mo, d), end: iso(y, mo, d) } } : undefined;
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/.exec(text))) {
    const mo = monthOf(m[2]);
    const [d, y] = [Number(m[1]), fullYear(Number(m[3]))];
    if (mo && validDay(y, mo, d)) return { period: { start: iso(y, mo, d), end: iso(y, mo, d) } };
    return undefined;
  }
  if ((m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text))) {
    const mo = monthOf(m[1]);
    const [d, y] = [Number(m[2]), Number(m[3])];
    if (mo && validDay(y, mo, d)) return { period: { start: iso(y, mo, d), end: iso(y, mo, d) } };
    return undefined;
  }
  if ((m = /^([a-z]+)\.?[\s\-/']*(\d{2}|\d{4})$/.exec(text))) {
    const mo = monthOf(m[1]);
    if (mo) return { period: monthPeriod(fullYear(Number(m[2])), mo) };
    const season = SEASON_END[m[1]];
    if (season) {
      const y = fullYear(Number(m[2]));
      const endYear = season === 2 ? y + 1 : y;
      return { period: { start: iso(y, season === 2 ? 12 : season - 2, 1), end: iso(endYear, season, lastDay(endYear, season)) } };
    }
    return undefined;
  }
  if ((m = /^(\d{1,2})[/.](\d{4})$/.exec(text))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? { period: monthPeriod(Number(m[2]), mo) } : undefined;
  }
  if ((m = /^q([1-4])\s*(?:of\s+)?(.+)$/.exec(text))) {
    const q = Number(m[1]);
    const fy = financialYear(m[2].trim());
    if (fy) {
      const startMonth = [4, 7, 10, 1][q - 1];
      const y = q === 4 ? fy.first + 1 : fy.first;
      return { period: { start: iso(y, startMonth, 1), end: monthPeriod(y, startMonth + 2).end }, warning: fy.warning };
    }
    if (/^(\d{2}|\d{4})$/.test(m[2].trim())) {
      const y = fullYear(Number(m[2]));
      return { period: { start: iso(y, q * 3 - 2, 1), end: monthPeriod(y, q * 3).end } };
    }
    return undefined;
  }
  const fy = financialYear(text);
  if (fy) return { period: { start: iso(fy.first, 4, 1), end: iso(fy.first + 1, 3, 31) }, warning: fy.warning };
  if ((m = /^(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) return { period: { start: iso(y, 1, 1), end: iso(y, 12, 31) } };
  }
  return undefined;
}

/** A range `A to B`, `A - B`, `A – B`; a part without a year borrows one from the other. */
function parseRange(text: string): { period: Period; warning?: string } | undefined {
  const parts = text.split(/\s+(?:to|until|till|through|-|–|—)\s+|\s*[–—]\s*|(?<=[a-z])-(?=[a-z])/i);
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((p) => p.trim());
  const yearOf = (s: string) => /(\d{4}|\d{2})$/.exec(s)?.[1];
  const fromYear = yearOf(from);
  const toYear = yearOf(to);
  const toWithYear = toYear ? to : fromYear ? `${to} ${fromYear}` : to;
  const fromWithYear = fromYear ? from : toYear ? `${from} ${toYear}` : from;
  const first = parsePeriod(fromWithYear);
  let last = parsePeriod(toWithYear);
  if (!first || !last) return undefined;
  if (last.period.end < first.period.start && !toYear && fromYear) {
    // `Nov 2024 – Feb`: the end falls in the next year.
    last = parsePeriod(`${to} ${Number(fullYear(Number(fromYear))) + 1}`) ?? last;
  }
  return { period: { start: first.period.start, end: last.period.end }, warning: first.warning ?? last.warning };
}

/** Parses a date as a plan writes it; see the rules at the top of this module. */
export function parsePlanDate(text: string, bound: DateBound = 'end'): PlanDate {
  const written = text.replace(/\s+/g, ' ').trim();
  if (!written) return { dueDate: null, ongoing: false };
  const lower = written.toLowerCase().replace(/\s*\((?:tbc|approx\.?|provisional)\)\s*$/, '');
  const parts = lower.split(/\s*(?:&|\+|\band\b|\bthen\b|,|;)\s*/).filter(Boolean);

  let ongoing = false;
  let recurrence: string | undefined;
  let completed = false;
  const dated: string[] = [];
  for (const part of parts) {
    const bare = part.replace(/[.!]$/, '').trim();
    if (ONGOING.test(bare)) ongoing = true;
    else if (RECURRENCES[bare]) {
      ongoing = true;
      recurrence = RECURRENCES[bare];
    } else if (COMPLETED.test(bare)) completed = true;
    else dated.push(bare);
  }

  let dueDate: IsoDate | null = null;
  let warning: string | undefined;
  let milestones: IsoDate[] | undefined;
  if (dated.length) {
    const joined = dated.join(' ');
    const found = parsePeriod(joined) ?? parseRange(joined);
    if (found) {
      dueDate = bound === 'end' ? found.period.end : found.period.start;
      warning = found.warning;
    } else {
      // Dates inside a phrase ("report to Cabinet by 28 February 2014", "draft Jan 24, final
      // June 2024"): the last is the due date; earlier ones are milestones kept in the text.
      const inPhrase = datesInPhrase(written);
      if (inPhrase.length) {
        const last = inPhrase[inPhrase.length - 1];
        dueDate = bound === 'end' ? last.end : last.start;
        if (inPhrase.length > 1) milestones = inPhrase.slice(0, -1).map((p) => p.end);
        if (/\b(complete|completed|done|achieved)\b/.test(lower) && !/\bto be (complete|completed|done|achieved)\b/.test(lower)) completed = true;
      } else if (/^(complete|completed|done|achieved)\b/.test(lower)) {
        completed = true;
      } else {
        warning = `'${written}' is not a date I can read; no date set`;
      }
    }
  }
  const result: PlanDate = { dueDate, ongoing };
  if (recurrence) result.recurrence = recurrence;
  if (completed) result.completed = true;
  if (milestones) result.milestones = milestones;
  if (warning) result.warning = warning;
  return result;
}

const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|febuary|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = "(?:'?\\d{2}|\\d{4})";
/**
 * Date-like pieces of a phrase, most specific first at each position: a full date, a month
 * and year, a quarter or financial year, a season and year, or a year after "by"/"in"/"end of".
 * A month name needs a year (or a day) beside it, so "May Smith" or "D 04" is never a date.
 */
const DATE_IN_PHRASE = new RegExp(
  [
    '\\b\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    `\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_WORD},?\\s+\\d{4}\\b`,
    `\\b${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b${MONTH_WORD}[\\s\\-/]*${YEAR}\\b`,
    '\\bq[1-4]\\s*(?:\\d{4}|\\d{2})(?:\\s*[/-]\\s*(?:\\d{4}|\\d{2}))?\\b',
    '\\b(?:spring|summer|autumn|winter)\\s+\\d{4}\\b',
    '\\b(?:fy\\s*)?20\\d{2}\\s*/\\s*\\d{2}\\b',
    '(?<=\\b(?:by|in|during|of|until|before)\\s+)20\\d{2}\\b',
  ].join('|'),
  'gi',
);

/**
 * The last date written inside a longer text ("Departments to publish … by March 2014"), as
 * written and as parsed; null when the text names none. For actions whose plan has no date column.
 */
export function dateInText(text: string): { text: string; date: PlanDate } | null {
  let last: string | null = null;
  for (const match of text.matchAll(DATE_IN_PHRASE)) if (parsePeriod(match[0])) last = match[0];
  return last ? { text: last, date: parsePlanDate(last) } : null;
}

/** The periods named inside a phrase, in the order written. */
function datesInPhrase(text: string): Period[] {
  const found: Period[] = [];
  for (const match of text.matchAll(DATE_IN_PHRASE)) {
    const parsed = parsePeriod(match[0]);
    if (parsed) found.push(parsed.period);
  }
  return found;
}
