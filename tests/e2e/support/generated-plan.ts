import { RAGS, STATUSES, type NewPlanItem, type Person } from '../../../src/domain/plan-item';
import type { SiteSession } from '../../../src/sharepoint/open-site';
import { daysFromToday, newAction, TEST_USERS } from './seed';

/** Sections of a generated plan (the plan's themes). */
export const GENERATED_SECTIONS = Array.from({ length: 10 }, (_, i) => `Theme ${i + 1}: ${['Leadership', 'Workforce', 'Services', 'Data', 'Community', 'Procurement', 'Housing', 'Health', 'Education', 'Digital'][i]}`);

/** Steering groups of a generated plan. */
export const GENERATED_GROUPS = ['Equality Board', 'Digital Board', 'Workforce Board'];

const WORDS = ['review', 'publish', 'consult on', 'train staff in', 'monitor', 'report on', 'commission', 'evaluate'];
const TOPICS = ['the equality strategy', 'recruitment data', 'accessible services', "O'Brien review findings", 'pay gap figures', 'community grants'];

/** A small deterministic generator, so a failing test can be re-run on the same plan. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `size` actions with every value the filter bar offers spread across them: 12 owners
 * (one in ten actions has an owner nobody resolved), ten sections, every status and RAG
 * (and some with none), due dates from ~10 months ago to ~10 months ahead (some none).
 */
export function generatePlan(size: number, owners: readonly Person[], options: { plan?: string; seed?: number } = {}): NewPlanItem[] {
  const random = seeded(options.seed ?? 7);
  const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: size }, (_, i) => {
    const n = i + 1;
    const owner = random() < 0.1 ? null : pick(owners);
    const status = pick(STATUSES);
    const rag = random() < 0.05 ? null : status === 'Completed' ? 'Blue' : pick(RAGS.slice(0, 3));
    const dueDate = random() < 0.05 ? null : daysFromToday(Math.floor(random() * 600) - 300);
    return newAction({
      title: `Action ${n}: ${pick(WORDS)} ${pick(TOPICS)}`,
      plan: options.plan ?? 'Generated plan',
      section: GENERATED_SECTIONS[Math.floor(random() * GENERATED_SECTIONS.length)],
      actionRef: `G-${String(n).padStart(5, '0')}`,
      actionDetails: `Generated action ${n}.`,
      ownerId: owner?.id ?? null,
      ownerText: owner?.title ?? 'Partner agency',
      dueDate,
      dueText: dueDate ? '' : 'Ongoing',
      ongoing: dueDate === null,
      steeringGroup: pick(GENERATED_GROUPS),
      status,
      rag,
      percentComplete: status === 'Completed' ? 100 : Math.floor(random() * 10) * 10,
    });
  });
}

/** The generated plan's owners as site users (the TEST_USERS owners). */
export async function ensureOwners(site: SiteSession): Promise<Person[]> {
  const owners: Person[] = [];
  for (const user of TEST_USERS.slice(1)) owners.push(await site.ensureUser(user.email));
  return owners;
}

/** Writes a generated plan through the repository (`$batch`es of 100) and returns its owners. */
export async function seedGeneratedPlan(site: SiteSession, size: number, options: { plan?: string; seed?: number } = {}): Promise<Person[]> {
  const owners = await ensureOwners(site);
  await site.plans.saveMany(generatePlan(size, owners, options), []);
  return owners;
}
