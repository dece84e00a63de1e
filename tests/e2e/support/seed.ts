import type { IsoDate, NewPlanItem, PlanItem } from '../../../src/domain/plan-item';
import type { SiteSession } from '../../../src/sharepoint/open-site';

/** People every tab test site has; each test owns actions through its own person. */
export const TEST_USERS = [
  { name: 'Plan Admin', email: 'admin@contoso.example' },
  ...Array.from({ length: 12 }, (_, i) => ({ name: `Owner ${String.fromCharCode(65 + i)}`, email: `owner${i + 1}@contoso.example` })),
];

/** A calendar date `days` from today (the browser's today is the machine's). */
export function daysFromToday(days: number): IsoDate {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A new action with plain defaults; override what the test is about. */
export function newAction(overrides: Partial<NewPlanItem> = {}): NewPlanItem {
  return {
    title: 'Publish the annual accessibility statement',
    plan: 'Test plan',
    section: 'Theme 1: Digital services',
    actionRef: `T-${Math.random().toString(36).slice(2, 8)}`,
    actionDetails: 'Review and publish the statement on the council website.',
    ownerText: 'Head of Digital',
    resource: 'Existing resources',
    startDate: null,
    dueDate: daysFromToday(30),
    dueText: '',
    ongoing: false,
    measure: '',
    steeringGroup: 'Digital Board',
    status: 'In progress',
    rag: 'Green',
    percentComplete: 20,
    ...overrides,
  };
}

/** Adds actions owned by `ownerEmail` and returns them as read back. */
export async function seedActions(site: SiteSession, ownerEmail: string, actions: Partial<NewPlanItem>[]): Promise<PlanItem[]> {
  const owner = await site.ensureUser(ownerEmail);
  const { addedIds } = await site.plans.saveMany(actions.map((a) => newAction({ ownerId: owner.id, ...a })), []);
  return Promise.all(addedIds.map((id) => site.plans.getById(id)));
}

type Row = Record<string, unknown>;

/** Reads an item straight from the REST API (not through the repository under test). */
export async function restItem(siteUrl: string, id: number): Promise<Row> {
  const response = await fetch(`${siteUrl}/_api/web/lists/getByTitle('Plan%20Items')/items(${id})`, { headers: { Accept: 'application/json;odata=nometadata' } });
  if (!response.ok) throw new Error(`GET item ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Row;
}

/** An item's Progress Updates rows straight from the REST API, newest first. */
export async function restHistory(siteUrl: string, id: number): Promise<Row[]> {
  const url = `${siteUrl}/_api/web/lists/getByTitle('Progress%20Updates')/items?$filter=PlanItemId%20eq%20${id}&$orderby=ID%20desc`;
  const response = await fetch(url, { headers: { Accept: 'application/json;odata=nometadata' } });
  if (!response.ok) throw new Error(`GET history of ${id}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: Row[] }).value;
}
