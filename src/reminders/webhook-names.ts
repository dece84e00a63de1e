/** Which group a webhook is for: its stable key (the Steering Groups `GroupKey`) and its name, for messages. */
export type WebhookTarget = { key: string; name: string };

/** Finds a steering group's webhook URL by the group's key; null when none is configured. */
export type WebhookResolver = (group: WebhookTarget) => string | null;

/** The prefix of the environment variables holding webhook URLs. */
export const WEBHOOK_ENV_PREFIX = 'PLAN_TRACKER_WEBHOOK_';

/** The ignored file (dotenv format, matching `.env.*.user`) that may hold webhook URLs beside the environment. */
export const WEBHOOK_FILE = '.env.webhooks.user';

/** The longest group key: short enough to type, long enough to tell groups apart. */
export const MAX_GROUP_KEY_LENGTH = 40;

/**
 * A key as the environment variable spells it: `equality-board` → `EQUALITY_BOARD`.
 * Keys typed into the list by hand are read through this, so case and punctuation never
 * make two spellings of one key.
 */
export function canonicalKey(key: string): string {
  return key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, MAX_GROUP_KEY_LENGTH);
}

/** `Corporate Board` → `CORPORATE_BOARD`: the Latin letters and digits of a name, '' when it has none. */
export function groupSlug(groupName: string): string {
  return canonicalKey(groupName.replace(/['’]/g, ''));
}

/**
 * A new group's key: the slug of its name; a name with letters the slug cannot spell
 * (Arabic, Chinese, Greek…) also gets a short hash of the whole name, so "Board" and
 * "Board 委员会" — or two wholly non-Latin names — never share a key. Unique among `taken`
 * (canonical keys) by a `_2`, `_3`… suffix.
 */
export function newGroupKey(groupName: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map(canonicalKey));
  const slug = groupSlug(groupName);
  const lostLetters = /[\p{L}\p{N}]/u.test(groupName.normalize('NFKD').replace(/[\p{Script=Latin}\p{N}\p{M}]/gu, ''));
  const base = !slug ? `G_${shortHash(groupName.trim())}` : lostLetters ? `${slug.slice(0, MAX_GROUP_KEY_LENGTH - 7)}_${shortHash(groupName.trim())}` : slug;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_GROUP_KEY_LENGTH - String(n).length - 1)}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The environment variable a group's webhook URL is read from: `PLAN_TRACKER_WEBHOOK_<KEY>`. */
export function webhookEnvName(groupKey: string): string {
  return `${WEBHOOK_ENV_PREFIX}${canonicalKey(groupKey)}`;
}

/** Six base-36 characters of FNV-1a over the UTF-16 text: stable across runs and machines. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).toUpperCase().padStart(6, '0').slice(-6);
}

/** Something wrong with the webhook settings, for `doctor` and the reminder job to report. */
export type WebhookSettingProblem =
  /** A setting names a key no group has: a typo, or a group renamed or removed. */
  | { kind: 'unmatched'; setting: string; message: string }
  /** Two groups resolve to one key, so one setting would send both groups' digests to one chat. */
  | { kind: 'ambiguous'; setting: string; groups: string[]; message: string }
  /** A group has no webhook: its digests cannot be sent. */
  | { kind: 'missing'; setting: string; group: string; message: string };

/**
 * Checks webhook settings against the groups: settings (names beginning
 * `PLAN_TRACKER_WEBHOOK_`, from the environment and `.env.webhooks.user`) that match no
 * group's key, keys two groups share, and groups with no setting. Pure: `doctor` and
 * the reminder job both call it. Values (URLs) are never read into a message.
 */
export function checkWebhookSettings(groups: WebhookTarget[], settingNames: Iterable<string>): WebhookSettingProblem[] {
  const problems: WebhookSettingProblem[] = [];
  const byKey = new Map<string, string[]>();
  for (const group of groups) {
    const key = canonicalKey(group.key);
    byKey.set(key, [...(byKey.get(key) ?? []), group.name]);
  }
  const settings = new Set([...settingNames].filter((name) => name.startsWith(WEBHOOK_ENV_PREFIX)));
  for (const setting of [...settings].sort()) {
    const key = setting.slice(WEBHOOK_ENV_PREFIX.length);
    if (key !== canonicalKey(key) || !byKey.has(key)) {
      const known = [...byKey.keys()].sort().join(', ') || 'none';
      problems.push({ kind: 'unmatched', setting, message: `${setting} matches no steering group's key (keys: ${known}). Rename it to PLAN_TRACKER_WEBHOOK_<GroupKey> of the group it is for, or remove it.` });
    }
  }
  for (const [key, names] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const setting = webhookEnvName(key);
    if (names.length > 1) {
      problems.push({ kind: 'ambiguous', setting, groups: names, message: `${names.map((n) => `"${n}"`).join(' and ')} share the key ${key}, so ${setting} cannot tell them apart; nothing is sent to them until each has its own GroupKey in the Steering Groups list.` });
    } else if (!settings.has(setting)) {
      problems.push({ kind: 'missing', setting, group: names[0], message: `"${names[0]}" has no webhook: set ${setting} in the environment or in ${WEBHOOK_FILE} where the reminder job runs.` });
    }
  }
  return problems;
}
