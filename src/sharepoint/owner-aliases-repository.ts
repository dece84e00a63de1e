import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { ownerKey, type OwnerAlias, type SiteUser } from '../domain/owner-matching';
import { runBatched } from './batch';
import { LIST } from './list-names';

type Row = Record<string, unknown>;

/**
 * The Owner Aliases list: owner text as plans write it → a person, or "keep as text".
 * Aliases are few (one per distinct owner text across all plans), so one request reads them all.
 */
export class SharePointOwnerAliases {
  constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LIST.ownerAliases).items;
  }

  /** Every alias, by owner key (see `ownerKey`). */
  async all(): Promise<Map<string, OwnerAlias & { id: number }>> {
    const rows = (await this.items.select('ID', 'Title', 'PersonId', 'KeepAsText').top(5000)()) as Row[];
    return new Map(rows.map((r) => [ownerKey(String(r.Title ?? '')), {
      id: Number(r.ID ?? r.Id),
      text: String(r.Title ?? ''),
      personId: typeof r.PersonId === 'number' ? r.PersonId : null,
      keepAsText: r.KeepAsText === true,
    }]));
  }

  /** Remembers confirmed decisions: adds new owner texts, changes ones already remembered. */
  async save(aliases: OwnerAlias[]): Promise<void> {
    if (!aliases.length) return;
    const existing = await this.all();
    const latest = new Map(aliases.map((a) => [ownerKey(a.text), a]));
    await runBatched(this.sp, [...latest.entries()].map(([key, alias]) => {
      const fields = { PersonId: alias.keepAsText ? null : alias.personId, KeepAsText: alias.keepAsText };
      const stored = existing.get(key);
      return {
        describe: `remember owner "${alias.text.slice(0, 40)}"`,
        run: async (b: SPFI) => {
          const list = b.web.lists.getByTitle(LIST.ownerAliases).items;
          if (stored) await list.getById(stored.id).update(fields);
          else await list.add({ Title: alias.text.trim().slice(0, 255), ...fields });
        },
      };
    }));
  }

  /** The site's people an owner text may name (groups and system accounts left out). */
  async siteUsers(): Promise<SiteUser[]> {
    const users = (await this.sp.web.siteUsers.select('Id', 'Title', 'Email', 'PrincipalType')()) as Row[];
    const people = users.filter((u) => (u.PrincipalType === undefined || u.PrincipalType === 1) && String(u.Title ?? '').trim() !== '');
    const jobTitles = await this.jobTitles();
    return people.map((u) => ({ id: Number(u.Id), title: String(u.Title), email: (u.Email as string) || null, jobTitle: jobTitles.get(Number(u.Id)) }));
  }

  /** Job titles from the site's User Information List, where the site keeps them. */
  private async jobTitles(): Promise<Map<number, string>> {
    try {
      const rows = (await this.sp.web.siteUserInfoList.items.select('ID', 'JobTitle').top(5000)()) as Row[];
      return new Map(rows.filter((r) => typeof r.JobTitle === 'string' && r.JobTitle).map((r) => [Number(r.ID ?? r.Id), String(r.JobTitle)]));
    } catch {
      // Not every site (nor the embedded server) exposes it; names still match.
      return new Map();
    }
  }
}
