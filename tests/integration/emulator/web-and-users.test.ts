import { againstRealSite, failure, openSpTarget, type SpTarget } from './sp-target';

const PEOPLE = [
  { name: 'Sharon Godman', email: 'sharon.godman@contoso.example' },
  { name: 'Ali Littlewood', email: 'ali.littlewood@contoso.example' },
];

describe('embedded SharePoint: web, users and context info', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget({ users: PEOPLE });
  });
  afterAll(() => target.close());

  it('answers _api/web with the site URL and server-relative URL', async () => {
    const web = await target.sp.web.select('Title', 'Url', 'ServerRelativeUrl', 'Id')();
    expect(web.Url).toBe(target.siteUrl);
    expect(web.ServerRelativeUrl).toBe(new URL(target.siteUrl).pathname);
    expect(web.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('issues a form digest from _api/contextinfo', async () => {
    const response = await fetch(`${target.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
    const info = (await response.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number; WebFullUrl: string };
    expect(response.status).toBe(200);
    expect(info.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
    expect(info.FormDigestTimeoutSeconds).toBeGreaterThan(0);
    expect(info.WebFullUrl).toBe(target.siteUrl);
  });

  if (!againstRealSite) {
    it('makes the first seeded user the current user when no act-as header is sent', async () => {
      const me = await target.sp.web.currentUser();
      expect(me).toMatchObject({ Title: 'Sharon Godman', Email: 'sharon.godman@contoso.example', LoginName: 'i:0#.f|membership|sharon.godman@contoso.example' });
    });

    it('acts as the user named in X-PlanTracker-As, case-insensitively, creating an unknown one', async () => {
      const ali = await target.spAs('ALI.LITTLEWOOD@contoso.example').web.currentUser();
      expect(ali.Title).toBe('Ali Littlewood');
      const stranger = await target.spAs('jo.o-neill@contoso.example').web.currentUser();
      expect(stranger).toMatchObject({ Title: 'Jo O Neill', Email: 'jo.o-neill@contoso.example' });
      const users = await target.sp.web.siteUsers();
      expect(users.map((u: { Email: string }) => u.Email)).toContain('jo.o-neill@contoso.example');
    });
  }

  it('lists site users and finds one by id and by e-mail', async () => {
    const users = (await target.sp.web.siteUsers()) as { Id: number; Email: string }[];
    const sharon = users.find((u) => u.Email === 'sharon.godman@contoso.example')!;
    expect(sharon).toBeDefined();
    const byId = await target.sp.web.siteUsers.getById(sharon.Id)();
    expect(byId.Email).toBe('sharon.godman@contoso.example');
    const byEmail = await target.sp.web.siteUsers.getByEmail('sharon.godman@contoso.example')();
    expect(byEmail.Id).toBe(sharon.Id);
  });

  it('answers 404 for a user id that does not exist', async () => {
    const { status } = await failure(target.sp.web.siteUsers.getById(999_999)());
    expect(status).toBe(404);
  });

  it('ensureuser resolves a claims login or a plain e-mail to the same new site user', async () => {
    const byClaims = await target.sp.web.ensureUser('i:0#.f|membership|new.person@contoso.example');
    expect(byClaims).toMatchObject({ Title: 'New Person', Email: 'new.person@contoso.example', LoginName: 'i:0#.f|membership|new.person@contoso.example' });
    const byEmail = await target.sp.web.ensureUser('new.person@contoso.example');
    expect(byEmail.Id).toBe(byClaims.Id);
  });

  it('ensureuser refuses a logon name that is not a person', async () => {
    const { status, body } = await failure(target.sp.web.ensureUser('not a person'));
    expect(status).toBe(500);
    expect(body).toContain('could not be found');
  });
});
