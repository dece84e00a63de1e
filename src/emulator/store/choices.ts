/** The Choices of a choice field as sent on create: an array or verbose `{ results }`. */
export function choicesOf(props: Record<string, unknown>): string[] {
  const raw = props.Choices as unknown;
  if (Array.isArray(raw)) return raw.map(String);
  const results = (raw as { results?: unknown } | undefined)?.results;
  return Array.isArray(results) ? results.map(String) : [];
}
