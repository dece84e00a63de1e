import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import type { Person } from '../domain/plan-item';
import type { PlanRepository } from '../domain/ports';
import { statusOf } from './batch';
import { connect, type ConnectionAuth } from './connect';
import { LIST } from './list-names';
import { SharePointPlanRepository } from './plan-repository';

/** An opened, provisioned site: the PnPjs root, the plan repository and the people in it. */
export type SiteSession = {
  sp: SPFI;
  siteUrl: string;
  plans: PlanRepository;
  /** Resolves an email (or `i:0#.f|membership|…` claims) to a site user, adding them if needed. */
  ensureUser(emailOrClaims: string): Promise<Person>;
  /** The user the connection acts as. */
  currentUser(): Promise<Person>;
};

type SpUser = { Id: number; Title: string; Email?: string; EMail?: string };
const toPerson = (u: SpUser): Person => ({ id: u.Id, title: u.Title, email: u.Email || u.EMail || null });

/** The claims form SharePoint Online expects for an Entra ID user. */
export function toClaims(emailOrClaims: string): string {
  return emailOrClaims.includes('|') ? emailOrClaims : `i:0#.f|membership|${emailOrClaims.trim()}`;
}

/**
 * Connects to a site and checks the Plan Items list is there, so a wrong URL or a
 * site that was never provisioned fails with a message saying what to do.
 */
export async function openSite(siteUrl: string, auth: ConnectionAuth, options: { check?: boolean } = {}): Promise<SiteSession> {
  const sp = connect(siteUrl, auth);
  if (options.check !== false) {
    try {
      await sp.web.lists.getByTitle(LIST.planItems).select('Id')();
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new Error(`List '${LIST.planItems}' not found on ${siteUrl} — run \`plan-tracker provision --site ${siteUrl}\` first.`);
      }
      if (statusOf(error) === undefined) {
        throw new Error(`Cannot reach ${siteUrl}: ${(error as Error).message}. Is the site URL right, and is the server running (\`npm start\` for the local one)?`);
      }
      throw error;
    }
  }
  return {
    sp,
    siteUrl,
    plans: new SharePointPlanRepository(sp),
    async ensureUser(emailOrClaims) {
      const result = await sp.web.ensureUser(toClaims(emailOrClaims));
      return toPerson(result as unknown as SpUser);
    },
    async currentUser() {
      return toPerson(await sp.web.currentUser.select('Id', 'Title', 'Email')());
    },
  };
}
