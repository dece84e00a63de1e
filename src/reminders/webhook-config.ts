import fs from 'node:fs';
import path from 'node:path';
import { WEBHOOK_FILE, webhookEnvName, type WebhookResolver } from './webhook-names';

export { WEBHOOK_FILE, webhookEnvName, groupSlug, type WebhookResolver } from './webhook-names';

/** Reads `KEY=value` lines (dotenv): comments and blank lines skipped, surrounding quotes removed. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][\w]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    out[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/**
 * Webhook URLs from the environment, then from `.env.webhooks.user` in the working
 * directory (the environment wins). URLs are secrets: this module never prints them.
 */
export function webhooksFromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): WebhookResolver {
  const file = path.resolve(cwd, WEBHOOK_FILE);
  const fromFile = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file, 'utf8')) : {};
  return (groupName) => env[webhookEnvName(groupName)] || fromFile[webhookEnvName(groupName)] || null;
}

/** Every group's webhook is the embedded server's sink (`<origin>/_sink/webhooks/<group>`), for local mode. */
export function webhooksToSink(origin: string): WebhookResolver {
  return (groupName) => `${origin.replace(/\/+$/, '')}/_sink/webhooks/${encodeURIComponent(groupName)}`;
}
