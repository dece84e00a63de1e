/** The result object the adaptivecards renderer hands its markdown hook. */
export type MarkdownResult = { didProcess: boolean; outputHtml?: unknown };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Markdown as Teams shows it in a digest's TextBlocks: bold, italics and `<at>Name</at>`
 * mentions, nothing else. Everything is escaped first, so no link, image or tag from a
 * card's text becomes markup except the few these rules produce. (Plan text itself goes
 * into RichTextBlock runs, which the renderer never treats as markdown.)
 */
export function digestMarkdownToHtml(text: string): string {
  let html = escapeHtml(text);
  html = html.replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, '<strong>@$1</strong>');
  html = html.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<em>$2</em>');
  return `<p>${html}</p>`;
}

/** The renderer's markdown hook, using `digestMarkdownToHtml`. */
export function processCardMarkdown(text: string, result: MarkdownResult): void {
  result.outputHtml = digestMarkdownToHtml(text);
  result.didProcess = true;
}
