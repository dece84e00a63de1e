import fs from 'node:fs';
import dotenv from 'dotenv';
import path from 'node:path';
import { WEBHOOK_FILE, webhookEnvName, type WebhookResolver } from './webhook-names';

export { WEBHOOK_FILE, webhookEnvName, groupSlug, type WebhookResolver } from './webhook-names';

/** Reads a dotenv file's text (`KEY=value` lines, comments, quotes) with the `dotenv` library. */
export function parseDotenv(text: string): Record<string, string> {
  return dotenv.parse(text);
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
