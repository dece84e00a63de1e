const NEEDS_CLEANING = /[\n\r\t\u00a0]| {2}|^\s|\s$|\[bookmark:/i;

/** Cleans a cell: Word bookmark residue removed, spaces collapsed within lines, blank lines dropped. */
export function cleanCell(text: string): string {
  // Most cells are already clean; checking that is far cheaper than splitting them.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/\[bookmark:[^\]]*\]/gi, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** One line of text from a possibly multi-line cell. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Page numbers, "Page 3 of 10", rules of dashes: the furniture of a printed page. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return /^(page\s*)?\d{1,3}(\s*(of|\/)\s*\d{1,3})?$/i.test(t) || /^[-_=–—.\s]+$/.test(t);
}

/** Whether text starts like a sentence fragment cut from the line before. */
export function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text.trim());
}
