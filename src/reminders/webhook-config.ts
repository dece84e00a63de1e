import fs from 'node:fs';
import dotenv from 'dotenv';
import path from 'node:path';
import { WEBHOOK_ENV_PREFIX, WEBHOOK_FILE, webhookEnvName, type WebhookResolver, type WebhookTarget } from './webhook-names';

export {
  WEBHOOK_FILE, WEBHOOK_ENV_PREFIX, webhookEnvName, groupSlug, canonicalKey, newGroupKey, checkWebhookSettings,
  type WebhookResolver, type WebhookTarget, type WebhookSettingProblem,
} from './webhook-names';

/** Reads a dotenv file's text (`KEY=value` lines, comments, quotes) with the `dotenv` library. */
export function parseDotenv(text: string): Record<string, string> {
  return dotenv.parse(text);
}

/**
 * Every webhook setting (`PLAN_TRACKER_WEBHOOK_*`) from the environment and from
 * `.env.webhooks.user` in the working directory, the environment winning. Values are
 * secrets: pass only the keys of this map to anything that prints.
 */
export function webhookSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Map<string, string> {
  const file = path.resolve(cwd, WEBHOOK_FILE);
  const fromFile = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file, 'utf8')) : {};
  const out = new Map<string, string>();
  for (const source of [fromFile, env]) {
    for (const [name, value] of Object.entries(source)) {
      if (name.startsWith(WEBHOOK_ENV_PREFIX) && value) out.set(name, value);
    }
  }
  return out;
}

/** Webhook URLs by group key (`PLAN_TRACKER_WEBHOOK_<KEY>`), from the environment then `.env.webhooks.user`. */
export function webhooksFromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): WebhookResolver & { settingNames(): string[] } {
  const settings = webhookSettings(env, cwd);
  const resolve = (group: WebhookTarget) => settings.get(webhookEnvName(group.key)) ?? null;
  return Object.assign(resolve, { settingNames: () => [...settings.keys()] });
}

/** Every group's webhook is the embedded server's sink (`<origin>/_sink/webhooks/<group name>`), for local mode. */
export function webhooksToSink(origin: string): (group: WebhookTarget | string) => string {
  return (group) => `${origin.replace(/\/+$/, '')}/_sink/webhooks/${encodeURIComponent(typeof group === 'string' ? group : group.name)}`;
}
