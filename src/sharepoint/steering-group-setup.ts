import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { DEFAULT_STEERING_GROUP } from '../domain/plan-item';
import { odataString } from '../domain/to-odata';
import { LIST } from './list-names';

/** Adds a row to Steering Groups unless one with that name exists (names are unique). */
export async function ensureSteeringGroup(sp: SPFI, group: { name: string; schedule?: string; dueSoonDays?: number; updateCadenceDays?: number; escalationDays?: number }): Promise<void> {
  const list = sp.web.lists.getByTitle(LIST.steeringGroups);
  const existing = await list.items.select('ID').filter(`Title eq ${odataString(group.name)}`).top(1)();
  if ((existing as unknown[]).length > 0) return;
  await list.items.add({
    Title: group.name,
    Schedule: group.schedule ?? DEFAULT_STEERING_GROUP.schedule,
    TimeZone: DEFAULT_STEERING_GROUP.timeZone,
    DueSoonDays: group.dueSoonDays ?? DEFAULT_STEERING_GROUP.dueSoonDays,
    UpdateCadenceDays: group.updateCadenceDays ?? DEFAULT_STEERING_GROUP.updateCadenceDays,
    EscalationDays: group.escalationDays ?? DEFAULT_STEERING_GROUP.escalationDays,
  });
}
