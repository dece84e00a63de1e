import type { TabInstanceConfig } from '../host/config-host';

/** What the config page asks for. */
export type ConfigChoice = { siteUrl: string; plan: string; steeringGroup: string };

/** Why a choice cannot be saved, field by field (empty when it can). */
export type ConfigProblems = Partial<Record<keyof ConfigChoice, string>>;

/**
 * Checks a choice. The site must be an https address (or the tab's own origin, for the
 * local server) of a site collection (`/sites/…` or `/teams/…`); the plan is required.
 */
export function checkChoice(choice: ConfigChoice, tabOrigin: string): ConfigProblems {
  const problems: ConfigProblems = {};
  let url: URL | null = null;
  try {
    url = new URL(choice.siteUrl.trim());
  } catch {
    problems.siteUrl = 'Enter the site’s full address, such as https://contoso.sharepoint.com/sites/plans.';
  }
  if (url) {
    if (url.protocol !== 'https:' && url.origin !== tabOrigin) problems.siteUrl = 'The site address must start with https://.';
    else if (!/^\/(sites|teams)\/[^/]+\/?$/i.test(url.pathname)) problems.siteUrl = 'Use the site’s own address, ending in /sites/<name> or /teams/<name>.';
  }
  if (!choice.plan.trim()) problems.plan = 'Choose the plan this tab shows.';
  return problems;
}

/**
 * The configuration Teams saves: the content URL opens the plan view with the site, the
 * plan and the steering group in its query, so every channel or chat tab carries its own.
 */
export function tabInstanceFor(choice: ConfigChoice, tabBase: string): TabInstanceConfig {
  const content = new URL(tabBase);
  content.search = '';
  content.searchParams.set('page', 'plan');
  content.searchParams.set('site', choice.siteUrl.trim().replace(/\/+$/, ''));
  content.searchParams.set('plan', choice.plan.trim());
  if (choice.steeringGroup.trim()) content.searchParams.set('steeringGroup', choice.steeringGroup.trim());
  const slug = `${choice.plan}-${choice.steeringGroup}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    entityId: `plan-${slug}`.slice(0, 64),
    contentUrl: content.href,
    websiteUrl: content.href,
    suggestedDisplayName: choice.steeringGroup.trim() ? `${choice.plan.trim()} — ${choice.steeringGroup.trim()}` : choice.plan.trim(),
  };
}
