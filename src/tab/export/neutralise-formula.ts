/**
 * Spreadsheet formula injection: a cell whose text starts with `=`, `+`, `-` or `@` (even
 * after spaces or line breaks), or with a tab or carriage return, is run as a formula (or
 * DDE command) by Excel and its kin when a CSV is opened or a cell is edited. Such text
 * from SharePoint gets a leading `'`, which spreadsheets show as text and never run.
 */
const DANGEROUS_START = /^[ \n]*[=+\-@]|^[\t\r]/;

/** Whether a line of text would start a formula in a spreadsheet. */
export function startsFormula(text: string): boolean {
  return DANGEROUS_START.test(text);
}

/**
 * The text made safe: the cell is prefixed when it starts a formula, and so is every line
 * inside it that would (tools that split a file on line breaks read those as cells too).
 */
export function neutraliseFormula(text: string): string {
  const lines = text.split('\n').map((line, index) => (index > 0 && startsFormula(line) ? `'${line}` : line));
  const joined = lines.join('\n');
  return startsFormula(joined) ? `'${joined}` : joined;
}
