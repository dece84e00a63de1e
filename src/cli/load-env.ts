import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from '../reminders/webhook-config';
import { PROJECT_ROOT } from './load-manifest';

/** Tenant settings and secrets for the CLI, kept out of git (see README, "Pointing at a real tenant"). */
export const LOCAL_ENV_FILE = path.join(PROJECT_ROOT, 'env', '.env.local.user');

/**
 * Loads `env/.env.local.user` into the environment when it exists. Variables already
 * set win, so a CI secret or a one-off `SP_SITE_URL=… plan-tracker …` is never overridden.
 */
export function loadLocalEnv(file = LOCAL_ENV_FILE, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(file)) return [];
  const loaded: string[] = [];
  for (const [key, value] of Object.entries(parseDotenv(readFileSync(file, 'utf8')))) {
    if (env[key] === undefined) {
      env[key] = value;
      loaded.push(key);
    }
  }
  return loaded;
}
