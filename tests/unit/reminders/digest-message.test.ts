import { selectDigest } from '../../../src/domain/digest';
import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import { buildDigestMessage, MAX_MESSAGE_BYTES, messageBytes } from '../../../src/reminders/digest-message';
import { aPerson, aPlanItem } from '../../support/builders';
import { allNodes, cardProblems } from './parse-card';

const TODAY = '2026-11-24';
const board: SteeringGroup = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP };
const links = localDigestLinks({ origin: 'http://127.0.0.1:4321', overdueViewUrl: 'http://127.0.0.1:4321/sites/plans/Lists/PlanItems/Overdue.aspx' });

/** `n` overdue actions with long titles and named owners, due on days spread over two years. */
function manyOverdue(n: number) {
  return Array.from({ length: n }, (_, i) => aPlanItem({
    id: i + 1,
    title: `Review and publish the workforce equality data for directorate ${i + 1}, with an action plan agreed by the corporate leadership team`,
    steeringGroup: 'Equality Board',
    dueDate: new Date(Date.UTC(2025, 0, 1) + (i % 680) * 86_400_000).toISOString().slice(0, 10),
    lastUpdated: '2026-11-20T09:00:00Z',
    owner: aPerson({ id: 100 + (i % 40), title: `Officer ${i % 40}`, email: `officer${i % 40}@council.example` }),
  }));
}

describe('buildDigestMessage', () => {
  it('wraps the card as a Workflows message', () => {
    const message = buildDigestMessage(selectDigest(manyOverdue(3), [], board, TODAY), { links });
    expect(message.group).toBe('Equality Board');
    expect(message.kind).toBe('digest');
    expect(message.itemIds.sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect(message.payload.type).toBe('message');
    expect(message.payload.attachments).toHaveLength(1);
    expect(message.payload.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('keeps a group with 2,000 overdue actions under 28 KB, worst first, with "and N more"', () => {
    const digest = selectDigest(manyOverdue(2000), [], board, TODAY);
    const message = buildDigestMessage(digest, { links });
    const bytes = messageBytes(message.payload);
    expect(bytes).toBeLessThanOrEqual(28 * 1024);
    expect(bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    // It uses the room it has rather than stopping at a handful of actions.
    expect(bytes).toBeGreaterThan(0.9 * MAX_MESSAGE_BYTES);
    const card = message.payload.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);

    const shownIds = allNodes(card).filter((n) => n.type === 'Action.OpenUrl' && String(n.url).includes('?item=')).map((n) => Number(new URL(String(n.url)).searchParams.get('item')));
    expect(shownIds.length).toBeGreaterThan(5);
    // The shown ones are the most overdue of all.
    const worst = digest.escalated.slice(0, shownIds.length).map((e) => e.item.id);
    expect(shownIds).toEqual(worst);

    const more = allNodes(card).find((n) => n.type === 'Action.OpenUrl' && /^and \d+ more$/.test(String(n.title)));
    expect(more).toBeDefined();
    expect(Number(/\d+/.exec(String(more!.title))![0])).toBe(digest.escalated.length - shownIds.length);
    expect(more!.url).toBe(links.overdueView);
    // The log still records every action the digest is about.
    expect(message.itemIds).toHaveLength(2000);
  });

  it('shows everything when it fits', () => {
    const digest = selectDigest(manyOverdue(5), [], board, TODAY);
    const card = buildDigestMessage(digest, { links }).payload.attachments[0].content;
    expect(allNodes(card).filter((n) => n.type === 'Action.OpenUrl' && String(n.url).includes('?item='))).toHaveLength(5);
    expect(JSON.stringify(card)).not.toMatch(/and \d+ more/);
  });

  it('fits a smaller budget by listing fewer actions', () => {
    const digest = selectDigest(manyOverdue(50), [], board, TODAY);
    const message = buildDigestMessage(digest, { links, maxBytes: 8000 });
    expect(messageBytes(message.payload)).toBeLessThanOrEqual(8000);
    expect(JSON.stringify(message.payload)).toMatch(/and \d+ more/);
  });

  it('explains when even an empty card is over the budget', () => {
    const digest = selectDigest(manyOverdue(1), [], board, TODAY);
    expect(() => buildDigestMessage(digest, { links, maxBytes: 500 })).toThrow(/over Teams' limit of 500.*manifest\/cards\/digest\.json/);
  });
});
