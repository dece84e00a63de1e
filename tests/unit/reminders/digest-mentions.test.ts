import { selectDigest } from '../../../src/domain/digest';
import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import { renderDigestCard } from '../../../src/reminders/digest-card';
import { teamsDigestLinks } from '../../../src/reminders/digest-links';
import { upnOfLoginName } from '../../../src/sharepoint/plan-item-mapping';
import { aPerson, aPlanItem } from '../../support/builders';

const TODAY = '2026-11-24';
const board: SteeringGroup = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP };
const links = teamsDigestLinks({ appId: '7c1e1d4e-0000-4000-8000-000000000001', overdueViewUrl: 'https://contoso.sharepoint.com/sites/plans/Lists/PlanItems/Overdue.aspx' });

type Mention = { type: string; text: string; mentioned: { id: string; name: string } };
const mentionsOf = (owner: ReturnType<typeof aPerson>) => {
  const items = [aPlanItem({ id: 1, title: 'Publish the objectives', steeringGroup: 'Equality Board', status: 'In progress', dueDate: '2026-09-01', owner })];
  const card = renderDigestCard(selectDigest(items, [], board, TODAY), { links });
  return (card.msteams as { entities: Mention[] }).entities;
};

describe('digest mentions', () => {
  it('mention an owner by the UPN SharePoint holds for them, not their e-mail', () => {
    const owner = { ...aPerson({ id: 11, title: 'Jane Smith', email: 'jane.smith@council.gov.uk' }), upn: 'jsmith@council.onmicrosoft.com' };
    expect(mentionsOf(owner)).toEqual([{ type: 'mention', text: '<at>Jane Smith</at>', mentioned: { id: 'jsmith@council.onmicrosoft.com', name: 'Jane Smith' } }]);
  });

  it('fall back to the e-mail for an owner read without a login name', () => {
    const owner = { ...aPerson({ id: 12, title: 'Raj Patel', email: 'raj.patel@council.gov.uk' }), upn: null };
    expect(mentionsOf(owner)[0].mentioned.id).toBe('raj.patel@council.gov.uk');
  });

  it('read the UPN from SharePoint\'s claims login name, and nothing from other claims', () => {
    expect(upnOfLoginName('i:0#.f|membership|jsmith@council.onmicrosoft.com')).toBe('jsmith@council.onmicrosoft.com');
    expect(upnOfLoginName('c:0o.c|federateddirectoryclaimprovider|0c6f3a9e-1b2d-4e5f-8a7b-9c0d1e2f3a4b')).toBeNull();
    expect(upnOfLoginName('SHAREPOINT\\system')).toBeNull();
  });
});
