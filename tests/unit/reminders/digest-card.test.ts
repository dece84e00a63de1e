import { selectDigest, type Digest } from '../../../src/domain/digest';
import { DEFAULT_STEERING_GROUP, type PlanItem, type SteeringGroup } from '../../../src/domain/plan-item';
import { visibleText } from '../../../src/reminders/card-text';
import { renderDigestCard } from '../../../src/reminders/digest-card';
import { teamsDigestLinks } from '../../../src/reminders/digest-links';
import digestTemplate from '../../../manifest/cards/digest.json';
import { aPerson, aPlanItem, aProgressUpdate } from '../../support/builders';
import { allNodes, cardProblems } from './parse-card';

const TODAY = '2026-11-24';
const APP_ID = '7c1e1d4e-0000-4000-8000-000000000001';
const board: SteeringGroup = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP };
const links = teamsDigestLinks({ appId: APP_ID, overdueViewUrl: 'https://contoso.sharepoint.com/sites/plans/Lists/PlanItems/Overdue.aspx' });

const jane = aPerson({ id: 11, title: 'Jane Smith', email: 'jane.smith@council.example' });
const raj = aPerson({ id: 12, title: 'Raj Patel', email: null });

function planInEveryState(): PlanItem[] {
  const item = (id: number, overrides: Partial<PlanItem>) =>
    aPlanItem({ id, title: `Action ${id}`, steeringGroup: 'Equality Board', status: 'In progress', rag: 'Amber', lastUpdated: '2026-11-20T10:00:00Z', dueDate: '2027-06-30', ...overrides });
  return [
    item(1, { dueDate: '2026-09-01', owner: jane, rag: 'Red' }),
    item(2, { dueDate: '2026-11-10', owner: raj, ownerText: 'Director of Policy' }),
    item(3, { dueDate: '2026-12-01', owner: jane }),
    item(4, { lastUpdated: null, ownerText: 'Head of HR' }),
    item(5, { status: 'Completed', rag: 'Blue', dueDate: '2026-11-01' }),
  ];
}

function digestOf(items: PlanItem[]): Digest {
  return selectDigest(items, [aProgressUpdate({ planItemId: 5, created: '2026-11-20T09:00:00Z', status: 'Completed', previousStatus: 'In progress', rag: 'Blue', previousRag: 'Amber' })], board, TODAY);
}

type Node = Record<string, unknown>;
const body = (card: Node) => card.body as Node[];
/** The sections of a card by heading, with the item ids their links point at. */
function sections(card: Node): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const node of body(card)) {
    if (node.type !== 'Container') continue;
    const heading = String((node.items as Node[])[0].text).replace(/ \(\d+\)$/, '');
    out[heading] = (node.items as Node[]).filter((n) => n.selectAction).map((n) => itemIdOf(String((n.selectAction as Node).url)));
  }
  return out;
}
/** The action id a Teams deep link carries in its subEntityId. */
function itemIdOf(url: string): number {
  const context = JSON.parse(new URL(url).searchParams.get('context')!);
  return Number(context.subEntityId);
}
const texts = (card: Node) => allNodes(card).filter((n) => typeof n.text === 'string').map((n) => ({ type: String(n.type), text: String(n.text) }));

describe('renderDigestCard', () => {
  const card = renderDigestCard(digestOf(planInEveryState()), { links, since: '2026-11-17T08:00:00Z' });

  it('is an Adaptive Card 1.4, full width, built from manifest/cards/digest.json', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.4');
    expect((card.msteams as Node).width).toBe('Full');
    expect(digestTemplate.version).toBe('1.4');
  });

  it('parses with the adaptivecards library without errors or warnings', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('puts the counts first: overdue including escalated, due soon, no update', () => {
    const counts = body(card).find((n) => n.type === 'ColumnSet') as Node;
    expect(body(card).indexOf(counts)).toBeLessThan(body(card).findIndex((n) => n.type === 'Container'));
    const columns = (counts.columns as Node[]).map((c) => (c.items as Node[]).map((i) => i.text));
    expect(columns).toEqual([['2', 'Overdue (1 escalated)'], ['1', 'Due in 14 days'], ['1', 'No update']]);
  });

  it('lists each section with exactly its actions, linked by id', () => {
    expect(sections(card)).toEqual({
      'Escalated: overdue more than 30 days': [1],
      Overdue: [2],
      'Due in the next 14 days': [3],
      'No update for 30 days': [4],
      'Changed since the last digest': [5],
    });
  });

  it('mentions owners whose email is known, with one matching entity each', () => {
    const entities = (card.msteams as Node).entities as Node[];
    expect(entities).toEqual([{ type: 'mention', text: '<at>Jane Smith</at>', mentioned: { id: 'jane.smith@council.example', name: 'Jane Smith' } }]);
    const mentionTexts = texts(card).filter((t) => t.type !== 'mention' && t.text.includes('<at>'));
    expect(mentionTexts).toEqual([
      { type: 'TextBlock', text: 'Owner: <at>Jane Smith</at>' },
      { type: 'TextBlock', text: 'Owner: <at>Jane Smith</at>' },
    ]);
    // Raj has no email: his name is plain text, no mention.
    expect(texts(card)).toContainEqual({ type: 'TextRun', text: 'Owner: Raj Patel' });
  });

  it('shows due date (en-GB), days overdue and RAG', () => {
    const all = texts(card).map((t) => t.text);
    expect(all).toContain('Due 1 Sept 2026 · 84 days overdue');
    expect(all).toContain(' · RAG Red');
  });

  it('links to the tab and to the SharePoint Overdue view', () => {
    const actions = card.actions as Node[];
    expect(actions.map((a) => a.url)).toEqual([`https://teams.microsoft.com/l/entity/${APP_ID}/myactions`, 'https://contoso.sharepoint.com/sites/plans/Lists/PlanItems/Overdue.aspx']);
    const deepLink = String(((body(card).find((n) => n.type === 'Container') as Node).items as Node[])[1].selectAction && (((body(card).find((n) => n.type === 'Container') as Node).items as Node[])[1].selectAction as Node).url);
    expect(deepLink).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/myactions?context=${encodeURIComponent('{"subEntityId":"1"}')}`);
  });

  it('says so when there is nothing to report', () => {
    const empty = renderDigestCard(selectDigest([], [], board, TODAY), { links });
    expect(texts(empty).map((t) => t.text)).toContain('Nothing is overdue, due soon or waiting for an update.');
    expect(cardProblems(empty)).toEqual([]);
  });
});

describe('renderDigestCard with hostile plan text', () => {
  const evil = '[x](https://evil.example) **bold** <at>Jane Smith</at> {{DATE(2026-01-01T00:00:00Z, SHORT)}}';
  const items = [
    aPlanItem({ id: 1, title: evil, steeringGroup: 'Equality Board', dueDate: '2026-11-01', owner: jane, ownerText: evil }),
    aPlanItem({ id: 2, title: 'Plain', steeringGroup: 'Equality Board', dueDate: '2026-11-01', owner: aPerson({ title: '<at>Boss</at> [y](https://evil.example)', email: 'x@council.example' }) }),
  ];
  const card = renderDigestCard(selectDigest(items, [], board, TODAY), { links });
  const json = JSON.stringify(card);

  it('shows the title as literal text, outside Markdown', () => {
    const run = texts(card).find((t) => visibleText(t.text) === evil);
    expect(run?.type).toBe('TextRun');
    // The only Markdown-rendered text about people is a cleaned mention: no link, emphasis or function syntax.
    const markdown = texts(card).filter((t) => t.type === 'TextBlock').map((t) => t.text);
    for (const text of markdown) expect(text).not.toMatch(/\]\(|\*\*|\{\{|https:\/\//);
  });

  it('lets no plan text become a mention or a date function', () => {
    const mentionsInText = json.match(/<at>.*?<\/at>/g) ?? [];
    const entityTexts = ((card.msteams as Node).entities as Node[]).map((e) => e.text);
    expect(new Set(mentionsInText)).toEqual(new Set(entityTexts));
    expect(entityTexts[0]).toBe('<at>Jane Smith</at>');
    for (const text of entityTexts) expect(text).toMatch(/^<at>[\p{L}\p{N} .'’,-]+<\/at>$/u);
    expect(json).not.toContain('{{DATE');
  });

  it('still parses cleanly', () => {
    expect(cardProblems(card)).toEqual([]);
  });
});
