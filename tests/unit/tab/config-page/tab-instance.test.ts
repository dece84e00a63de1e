import { tabInstanceFor } from '../../../../src/tab/config-page/tab-instance';

describe('tabInstanceFor', () => {
  it('opens the Plan page on the chosen site scoped to the chosen plan', () => {
    const instance = tabInstanceFor({ siteUrl: 'https://contoso.sharepoint.com/sites/plans/', plan: ' Equality & Diversity Plan ' }, 'https://tab.contoso.example/tab/?page=config#x');
    const url = new URL(instance.contentUrl);
    expect(`${url.origin}${url.pathname}${url.hash}`).toBe('https://tab.contoso.example/tab/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: 'plan', site: 'https://contoso.sharepoint.com/sites/plans', plan: 'Equality & Diversity Plan' });
    expect(instance).toMatchObject({ entityId: 'plan-equality-diversity-plan', suggestedDisplayName: 'Equality & Diversity Plan', websiteUrl: instance.contentUrl });
  });

  it('keeps the entity id within 64 characters', () => {
    expect(tabInstanceFor({ siteUrl: 'https://contoso.sharepoint.com/sites/p', plan: 'x'.repeat(100) }, 'https://t.example/tab/').entityId).toHaveLength(64);
  });
});
