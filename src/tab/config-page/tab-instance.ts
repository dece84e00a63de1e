import type { TabInstanceConfig } from '../host/config-host';

/** What the config page pins: a site the user can reach and a plan from its Plans list. */
export type ConfigChoice = { siteUrl: string; plan: string };

/**
 * The configuration Teams saves. The content URL opens the Plan page on that site, scoped
 * to that plan (`?page=plan&site=…&plan=…`, read by pages/plan and site-choice.ts), so each
 * channel or chat tab carries its own plan.
 */
export function tabInstanceFor(choice: ConfigChoice, tabBase: string): TabInstanceConfig {
  const content = new URL(tabBase);
  content.search = '';
  content.hash = '';
  content.searchParams.set('page', 'plan');
  content.searchParams.set('site', choice.siteUrl.trim().replace(/\/+$/, ''));
  content.searchParams.set('plan', choice.plan.trim());
  const slug = choice.plan.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    entityId: `plan-${slug}`.slice(0, 64),
    contentUrl: content.href,
    websiteUrl: content.href,
    suggestedDisplayName: choice.plan.trim(),
  };
}
