/** Finds a steering group's webhook URL; null when none is configured. */
export type WebhookResolver = (groupName: string) => string | null;

/** The prefix of the environment variables holding webhook URLs. */
export const WEBHOOK_ENV_PREFIX = 'PLAN_TRACKER_WEBHOOK_';

/** The ignored file (dotenv format, matching `.env.*.user`) that may hold webhook URLs beside the environment. */
export const WEBHOOK_FILE = '.env.webhooks.user';

/** `Corporate Board` → `CORPORATE_BOARD`: the group's part of its environment variable name. */
export function groupSlug(groupName: string): string {
  return groupName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** The environment variable a group's webhook URL is read from. */
export function webhookEnvName(groupName: string): string {
  return `${WEBHOOK_ENV_PREFIX}${groupSlug(groupName)}`;
}
