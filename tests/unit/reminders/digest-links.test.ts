import { digestAppId, teamsDigestLinks } from '../../../src/reminders/digest-links';

describe('digest links', () => {
  const MANIFEST_ID = '5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60';
  const CATALOGUE_ID = '0c6f3a9e-1b2d-4e5f-8a7b-9c0d1e2f3a4b';

  it('use the organisation catalogue id when PLAN_TRACKER_TEAMS_APP_ID is set, the manifest id otherwise', () => {
    expect(digestAppId({ TEAMS_APP_ID: MANIFEST_ID, PLAN_TRACKER_TEAMS_APP_ID: CATALOGUE_ID })).toBe(CATALOGUE_ID);
    expect(digestAppId({ TEAMS_APP_ID: MANIFEST_ID, PLAN_TRACKER_TEAMS_APP_ID: '  ' })).toBe(MANIFEST_ID);
    expect(digestAppId({})).toBeUndefined();
  });

  it('put that id in every deep link', () => {
    const links = teamsDigestLinks({ appId: digestAppId({ TEAMS_APP_ID: MANIFEST_ID, PLAN_TRACKER_TEAMS_APP_ID: CATALOGUE_ID })!, overdueViewUrl: 'https://x/Overdue.aspx' });
    expect(links.tab).toBe(`https://teams.microsoft.com/l/entity/${CATALOGUE_ID}/myactions`);
    expect(links.item(7)).toBe(`https://teams.microsoft.com/l/entity/${CATALOGUE_ID}/myactions?context=${encodeURIComponent('{"subEntityId":"7"}')}`);
  });
});
