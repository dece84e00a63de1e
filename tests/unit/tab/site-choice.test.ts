import { chooseSiteUrl } from '../../../src/tab/site-choice';

const BUILT = 'https://contoso.sharepoint.com/sites/plans';

describe('chooseSiteUrl', () => {
  it('uses the site the tab was built for when the URL names none', () => {
    expect(chooseSiteUrl(`${BUILT}/`, null)).toBe(BUILT);
  });

  it('takes another site of the same tenant chosen on the config page', () => {
    expect(chooseSiteUrl(BUILT, 'https://contoso.sharepoint.com/teams/equality/')).toBe('https://contoso.sharepoint.com/teams/equality');
  });

  it('refuses a site on another host, so a crafted link cannot redirect the tab', () => {
    expect(chooseSiteUrl(BUILT, 'https://evil.example/sites/plans')).toBe(BUILT);
    expect(chooseSiteUrl(BUILT, 'https://fabrikam.sharepoint.com/sites/plans')).toBe(BUILT);
  });

  it('refuses addresses that are not a site collection, or not URLs at all', () => {
    expect(chooseSiteUrl(BUILT, 'https://contoso.sharepoint.com/_layouts/15/x.aspx')).toBe(BUILT);
    expect(chooseSiteUrl(BUILT, 'javascript:alert(1)')).toBe(BUILT);
    expect(chooseSiteUrl(BUILT, 'not a url')).toBe(BUILT);
  });

  it('locally, accepts another site on the embedded server', () => {
    expect(chooseSiteUrl('http://127.0.0.1:4321/sites/plans', 'http://127.0.0.1:4321/sites/other')).toBe('http://127.0.0.1:4321/sites/other');
  });
});
