/**
 * Text from plans goes into cards as data, never as markup. Plan text is placed in
 * RichTextBlock TextRuns, which Adaptive Cards render without Markdown, and is passed
 * through `plainText` so Teams cannot read part of it as a mention (`<at>…</at>`) or a
 * DATE()/TIME() function (`{{…}}`). The word joiner (U+2060) inserted to break those
 * sequences is invisible, so the reader still sees exactly what the plan says.
 */

const WORD_JOINER = '\u2060';

/** Plan text made safe for a TextRun: mention tags and `{{` functions are broken up invisibly. */
export function plainText(value: string): string {
  return value
    .replace(/<(\/?)(at)/gi, `<${WORD_JOINER}$1$2`)
    .replace(/\{\{/g, `{${WORD_JOINER}{`);
}

/** Removes the invisible characters `plainText` added (for tests and previews). */
export function visibleText(value: string): string {
  return value.split(WORD_JOINER).join('');
}

/**
 * A person's display name as it may appear inside `<at>…</at>` in a Markdown TextBlock:
 * anything but name characters is dropped (so no Markdown, tag or link survives),
 * whitespace collapsed.
 * Returns '' when nothing printable is left (the caller then shows the owner as text).
 */
export function mentionName(name: string): string {
  // Only what names are made of: letters, marks, digits, spaces and . ' ’ , -
  return name.replace(/<\/?at>/gi, ' ').replace(/[^\p{L}\p{M}\p{N} .'’,-]/gu, '').replace(/\s+/g, ' ').trim();
}

/** `yyyy-mm-dd` as an en-GB date, e.g. `31 Oct 2026`. */
export function formatDate(date: string): string {
  return DATE_FORMAT.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 day" / "3 days". */
export function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}
