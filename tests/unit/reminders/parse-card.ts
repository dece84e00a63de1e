/**
 * Parses a card with the `adaptivecards` library, as a host would, and returns every
 * problem it reports. Its `lib/` entry does not load in Node; the `dist/` bundle does.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- reason: the dist bundle has no ES entry that loads in Node.
const AC = require('adaptivecards/dist/adaptivecards.js');

export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_4;
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents ?? []) problems.push(event.message);
  return problems;
}

/** Every object in a JSON tree, depth first. */
export function allNodes(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => allNodes(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    Object.values(node).forEach((v) => allNodes(v, out));
  }
  return out;
}
