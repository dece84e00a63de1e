import '@pnp/sp/site-groups/web';
import { capabilitiesOf } from '../../../src/domain/roles';
import { PLAN_MANAGERS_GROUP } from '../../../src/domain/roles';
import { connect } from '../../../src/sharepoint/connect';
import { toClaims } from '../../../src/sharepoint/open-site';
import { ensurePlanManagersGroup } from '../../../src/sharepoint/provision-groups';
import { readAccessFacts } from '../../../src/sharepoint/user-access';
import { startTestSite, type TestSite } from '../../support/test-site';

const USERS = [
  { name: 'Site Owner', email: 'siteowner@contoso.example' },
  { name: 'Mina Manager', email: 'manager@contoso.example', group: 'members' },
  { name: 'Olu Owner', email: 'owner@contoso.example', group: 'members' },
  { name: 'Rae Reader', email: 'reader@contoso.example', group: 'visitors' },
];

describe('user access and the Plan Managers group (PnPjs over HTTP, embedded server)', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ users: USERS });
    await site.site.sp.web.siteGroups.getByName(PLAN_MANAGERS_GROUP).users.add(toClaims('manager@contoso.example'));
  });
  afterAll(() => site?.close());

  const roleOfUser = async (email: string) => capabilitiesOf(await readAccessFacts(connect(site.siteUrl, { kind: 'embedded', actAs: email }))).role;

  it('provisioning made the group once, with Contribute on the site', async () => {
    const again = await ensurePlanManagersGroup(site.site.sp);
    expect(again.created).toBe(false);
    const group = await site.site.sp.web.siteGroups.getByName(PLAN_MANAGERS_GROUP).select('Id', 'Title')();
    expect(group.Id).toBe(again.id);
  });

  it('reads each user’s role from SharePoint: owners and the group manage, members own, visitors read', async () => {
    await expect(roleOfUser('siteowner@contoso.example')).resolves.toBe('manager');
    await expect(roleOfUser('manager@contoso.example')).resolves.toBe('manager');
    await expect(roleOfUser('owner@contoso.example')).resolves.toBe('owner');
    await expect(roleOfUser('reader@contoso.example')).resolves.toBe('reader');
  });
});
