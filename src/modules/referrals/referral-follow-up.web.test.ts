// Issue 12, through the real HTTP app: nobody sees her own action as new (list, menu, page); the
// actions offered follow the state machine, and the use case and the API refuse the others; after
// "not helped" either side refers the person elsewhere, carrying only what may be carried, and the
// two referrals are linked on both timelines; a quartier on the form says its commune.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inDays,
  type Member,
  referralForm,
  sendReferral,
  useReferralWorld,
} from '../../../test/helpers/referrals.ts';
import { geoReference } from '../geo/index.ts';

const world = useReferralWorld({
  sender: { in: 'orgA', roles: ['referrer'], locale: 'en', name: 'Sara' },
  receiver: { in: 'orgB', roles: ['referrer'], locale: 'fr', name: 'Karim' },
});
/** A service with B's theme in a third organisation, where the person is referred next. */
let elsewhere: { service: string; org: string };
let thirdReceiver: Member;

beforeAll(async () => {
  const [row] = await world.sql(
    `select s.id as service, s.organisation_id as org from services s
       join service_themes st on st.service_id = s.id join taxonomy_terms tt on tt.id = st.term_id
     where (tt.code = $1 or tt.parent_code = $1) and s.status = 'active'
       and s.organisation_id not in ($2, $3)
     order by s.provenance_id limit 1`,
    [world.themeB, world.orgA, world.orgB],
  );
  elsewhere = row;
  thirdReceiver = await world.memberOf(elsewhere.org, ['referrer'], { locale: 'en', name: 'Ines' });
});

const newBadge = (html: string, id: string) =>
  new RegExp(`/referrals/${id}">[^<]*</a><span class="badge new">`).test(html);
/** The count in the menu, 0 when it shows none. */
const menuCount = (html: string) => Number(/class="badge new">(\d+) n/.exec(html)?.[1] ?? 0);
const row = async (id: string) => (await world.sql('select * from referrals where id = $1', [id]))[0];
const kinds = async (id: string) =>
  (await world.sql('select kind::text from referral_events where referral_id = $1 order by seq', [id])).map(
    (r) => r.kind,
  );
const referralCount = async () => (await world.sql('select count(*)::int n from referrals'))[0].n as number;

/** The form that refers the person of the referral `first` on to the service elsewhere. */
const onwardForm = (first: string, overrides: Record<string, string> = {}) =>
  referralForm(world, {
    service: elsewhere.service,
    organisation: elsewhere.org,
    follows: first,
    ...overrides,
  });

/** Sent by A, accepted, started and completed by B with this outcome. */
async function completed(outcome: string): Promise<string> {
  const id = await sendReferral(world.sender, world);
  await world.receiver.get(`/fr/referrals/${id}`);
  await world.receiver.post(`/fr/referrals/${id}/accept`, {});
  await world.receiver.post(`/fr/referrals/${id}/start`, {});
  const done = await world.receiver.post(`/fr/referrals/${id}/complete`, { outcome });
  expect(done.statusCode).toBe(303);
  return id;
}

describe('what is new', () => {
  it('never shows the sender her own referral as new: not in her list, her menu or on its page', async () => {
    const id = await sendReferral(world.sender, world);
    const sent = (await world.sender.get('/en/referrals?view=sent')).body;
    expect(newBadge(sent, id)).toBe(false);
    expect(menuCount(sent)).toBe(0);
    const page = (await world.sender.get(`/en/referrals/${id}`)).body;
    expect(menuCount(page)).toBe(0);
    expect(page).not.toContain('class="is-new"');

    // The receiver sees it as new until she opens it; the page she opens no longer counts it.
    expect(newBadge((await world.receiver.get('/fr/referrals')).body, id)).toBe(true);
    expect(menuCount((await world.receiver.get('/fr/account')).body)).toBe(1);
    expect(menuCount((await world.receiver.get(`/fr/referrals/${id}`)).body)).toBe(0);

    // Her answer is not new to her, but it is to the sender.
    await world.receiver.post(`/fr/referrals/${id}/accept`, {});
    expect(newBadge((await world.receiver.get('/fr/referrals')).body, id)).toBe(false);
    expect(menuCount((await world.receiver.get('/fr/account')).body)).toBe(0);
    expect(newBadge((await world.sender.get('/en/referrals?view=sent')).body, id)).toBe(true);
    expect(menuCount((await world.sender.get('/en/account')).body)).toBe(1);
    await world.sender.get(`/en/referrals/${id}`);

    // Nor is her own message.
    await world.sender.post(`/en/referrals/${id}/messages`, { message: 'She can come on Monday.' });
    expect(newBadge((await world.sender.get('/en/referrals?view=sent')).body, id)).toBe(false);
    expect(newBadge((await world.receiver.get('/fr/referrals')).body, id)).toBe(true);
  });
});

describe('actions and the state machine', () => {
  it('no longer offers or accepts "decline" once the work has started, with a translated reason', async () => {
    const id = await sendReferral(world.sender, world);
    await world.receiver.get(`/fr/referrals/${id}`);
    expect((await world.receiver.get(`/fr/referrals/${id}`)).body).toContain(`/fr/referrals/${id}/decline`);
    await world.receiver.post(`/fr/referrals/${id}/accept`, {});
    await world.receiver.post(`/fr/referrals/${id}/start`, {});
    const page = (await world.receiver.get(`/fr/referrals/${id}`)).body;
    expect(page).not.toContain(`/fr/referrals/${id}/decline`);
    expect(page).toContain(`/fr/referrals/${id}/complete`);

    const before = await kinds(id);
    const refused = await world.receiver.post(`/fr/referrals/${id}/decline`, { reason: 'no_capacity' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('cette orientation ne peut plus être refusée');
    expect((await row(id)).status).toBe('in_progress');
    expect((await row(id)).decline_reason).toBeNull();
    expect(await kinds(id)).toEqual(before);

    // The API refuses it the same way.
    const admin = await world.memberOf(world.orgB, ['admin']);
    await admin.get(`/en/manage/organisations/${world.orgB}/api-tokens`);
    const created = await admin.post(`/en/manage/organisations/${world.orgB}/api-tokens`, { name: 'Files' });
    const token = /<code class="token">(psl_[A-Za-z0-9_-]+)<\/code>/.exec(created.body)![1]!;
    const api = await world.t.app.inject({
      method: 'POST',
      url: `/api/v1/referrals/${id}/actions/decline`,
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      payload: { reason: 'no_capacity' },
    });
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({ error: 'REFERRAL_STARTED' });
    expect(api.json().message).toContain('can no longer be declined');
    expect((await row(id)).status).toBe('in_progress');
    expect(await kinds(id)).toEqual(before);
  });
});

describe('referring the person elsewhere', () => {
  it('is offered after "not helped", carries what may be carried, and links both referrals', async () => {
    const first = await completed('not_helped');
    const page = (await world.sender.get(`/en/referrals/${first}`)).body;
    expect(page).toContain(`/en/referrals/new?follows=${first}`);

    // Step one: where to. The first referral's two organisations are not offered.
    const chooser = await world.sender.get(`/en/referrals/new?follows=${first}`);
    expect(chooser.statusCode).toBe(200);
    const offered = [...chooser.body.matchAll(/service=([0-9a-f-]{36})&(?:amp;)?follows=/g)].map((m) => m[1]);
    expect(offered.length).toBeGreaterThan(0);
    const owners = await world.sql(
      'select distinct organisation_id as org from services where id = any($1)',
      [offered],
    );
    expect(owners.map((o) => o.org)).not.toContain(world.orgA);
    expect(owners.map((o) => o.org)).not.toContain(world.orgB);

    // Step two: the form, with the need and the anonymous facts, without name, contact or consent.
    const form = (await world.sender.get(`/en/referrals/new?service=${elsewhere.service}&follows=${first}`))
      .body;
    expect(form).toContain('Zoekt dringend voedselhulp voor een gezin met drie kinderen.');
    expect(form).toContain(`<option value="21001" selected>`);
    expect(form).toContain(`name="follows" value="${first}"`);
    expect(form).not.toContain('Fatima');
    expect(form).not.toContain('0470 12 34 56');
    expect(form).not.toContain('Gegevens doorgeven zodat de dienst contact opneemt.');
    expect(form).toContain('The name, the contact details and the consent are not copied');

    const res = await world.sender.post(
      '/en/referrals/new',
      onwardForm(first, { person_name: 'F.B.', consent_purpose: 'Passer à un autre service.' }),
    );
    expect(res.statusCode).toBe(303);
    const second = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    expect((await row(second)).follows_referral_id).toBe(first);
    expect((await row(second)).to_organisation_id).toBe(elsewhere.org);
    expect(await kinds(first)).toContain('referred_elsewhere');
    expect(await kinds(second)).toEqual(['created', 'send', 'follows']);

    // The sender, party to both, follows the link either way; the first one is not new to her.
    const firstPage = (await world.sender.get(`/en/referrals/${first}`)).body;
    expect(firstPage).toContain(`href="/en/referrals/${second}"`);
    expect((await world.sender.get(`/en/referrals/${second}`)).body).toContain(
      `href="/en/referrals/${first}"`,
    );
    expect(newBadge((await world.sender.get('/en/referrals?view=sent&status=all')).body, first)).toBe(false);
    // B learns the person was referred elsewhere, not where; C that it follows an earlier one.
    const bPage = (await world.receiver.get(`/fr/referrals/${first}`)).body;
    expect(bPage).toContain('Orientée ailleurs');
    expect(bPage).not.toContain(`/fr/referrals/${second}`);
    const cPage = (await thirdReceiver.get(`/en/referrals/${second}`)).body;
    expect(cPage).toContain('Follows an earlier referral');
    expect(cPage).not.toContain(`/en/referrals/${first}"`);
    const audit = await world.sql(`select event from audit_log where subject_id = $1`, [first]);
    expect(audit.map((a) => a.event)).toContain('referral.referred_elsewhere');
  });

  it('lets the receiver refer elsewhere too, from her own organisation', async () => {
    const first = await completed('came_back');
    await world.receiver.get(`/fr/referrals/new?service=${elsewhere.service}&follows=${first}`);
    const res = await world.receiver.post(
      '/fr/referrals/new',
      onwardForm(first, { from_organisation: world.orgB }),
    );
    expect(res.statusCode).toBe(303);
    const second = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    expect(await row(second)).toMatchObject({ from_organisation_id: world.orgB, follows_referral_id: first });
  });

  it('works through the API too, with the link and the quartier in its answers', async () => {
    const first = await completed('not_helped');
    const admin = await world.memberOf(world.orgA, ['admin']);
    await admin.get(`/en/manage/organisations/${world.orgA}/api-tokens`);
    const created = await admin.post(`/en/manage/organisations/${world.orgA}/api-tokens`, { name: 'Files' });
    const token = /<code class="token">(psl_[A-Za-z0-9_-]+)<\/code>/.exec(created.body)![1]!;
    const quartier = geoReference().quartiers.find((q) => q.communeNis === '21015')!;
    const res = await world.t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        service_id: elsewhere.service,
        follows_referral_id: first,
        person: {
          name: 'F.',
          languages: ['fr'],
          contact_channel: 'through_sender',
          quartier: String(quartier.code),
        },
        theme: world.themeB,
        need: 'Toujours sans aide alimentaire.',
        urgency: 'this_week',
        consent: { method: 'spoken', purpose: 'Passer à un autre service.', until: inDays(30) },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      follows_referral_id: first,
      commune: '21015',
      quartier: quartier.code,
    });
    const second = res.json().id as string;
    const firstDetail = await world.t.app.inject({
      url: `/api/v1/referrals/${first}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(firstDetail.json().timeline).toContainEqual(
      expect.objectContaining({ kind: 'referred_elsewhere', linked_referral_id: second }),
    );
    // The new receiver is not told which referral came before: it was not hers.
    const otherAdmin = await world.memberOf(elsewhere.org, ['admin']);
    await otherAdmin.get(`/en/manage/organisations/${elsewhere.org}/api-tokens`);
    const otherCreated = await otherAdmin.post(`/en/manage/organisations/${elsewhere.org}/api-tokens`, {
      name: 'Files',
    });
    const otherToken = /<code class="token">(psl_[A-Za-z0-9_-]+)<\/code>/.exec(otherCreated.body)![1]!;
    const received = await world.t.app.inject({
      url: `/api/v1/referrals/${second}`,
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(received.statusCode).toBe(200);
    expect(received.json().follows_referral_id).toBeNull();
  });

  it('refuses bad follow-ups with a clear message and creates nothing', async () => {
    const helped = await completed('helped');
    expect((await world.sender.get(`/en/referrals/${helped}`)).body).not.toContain('follows=');
    const before = await referralCount();
    const eventsBefore = await kinds(helped);

    // After "helped": nothing to follow up.
    await world.sender.get(`/en/referrals/new?service=${elsewhere.service}`);
    const notUnhelped = await world.sender.post('/en/referrals/new', onwardForm(helped));
    expect(notUnhelped.statusCode).toBe(409);
    expect(notUnhelped.body).toContain('only after a referral that ended with “Not helped”');

    // To one of the first referral's own organisations.
    const first = await completed('not_helped');
    const same = await world.sender.post('/en/referrals/new', referralForm(world, { follows: first }));
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Choose another organisation than the two of the first referral.');
    expect(same.body).toContain(`name="follows" value="${first}"`);

    // By someone of neither organisation: not found.
    const outsider = await world.memberOf(world.orgC, ['referrer']);
    await outsider.get(`/en/referrals/new?service=${elsewhere.service}`);
    const foreign = await outsider.post(
      '/en/referrals/new',
      onwardForm(first, { from_organisation: world.orgC }),
    );
    expect(foreign.statusCode).toBe(404);
    expect((await outsider.get(`/en/referrals/new?follows=${first}`)).statusCode).toBe(404);

    expect(await referralCount()).toBe(before + 1); // only `first`
    expect(await kinds(helped)).toEqual(eventsBefore);
    expect(await kinds(first)).not.toContain('referred_elsewhere');
  });

  it('says "referred elsewhere" on the first referral only once the draft is sent', async () => {
    const first = await completed('not_helped');
    await world.sender.get(`/en/referrals/new?service=${elsewhere.service}&follows=${first}`);
    const draftForm = onwardForm(first, { intent: 'draft' });
    const newToReceiver = menuCount((await world.receiver.get('/fr/referrals')).body);
    const res = await world.sender.post('/en/referrals/new', draftForm);
    expect(res.statusCode).toBe(303);
    const draft = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    expect(await kinds(draft)).toEqual(['created', 'follows']);
    expect(await kinds(first)).not.toContain('referred_elsewhere');
    expect(menuCount((await world.receiver.get('/fr/referrals')).body)).toBe(newToReceiver);

    await world.sender.post(`/en/referrals/${draft}/send`, {});
    expect((await row(draft)).status).toBe('sent');
    expect(await kinds(first)).toContain('referred_elsewhere');
    expect(menuCount((await world.receiver.get('/fr/referrals')).body)).toBe(newToReceiver + 1);
  });

  it('tells the first organisation nothing once the person withdrew consent there', async () => {
    const first = await completed('not_helped');
    await world.sender.get(`/en/referrals/new?service=${elsewhere.service}&follows=${first}`);
    const res = await world.sender.post('/en/referrals/new', onwardForm(first, { intent: 'draft' }));
    const draft = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    expect(
      (await world.sender.post(`/en/referrals/${first}/withdraw-consent`, { confirm: 'yes' })).statusCode,
    ).toBe(303);
    const eventsBefore = await kinds(first);

    await world.sender.post(`/en/referrals/${draft}/send`, {});
    expect((await row(draft)).status).toBe('sent');
    expect(await kinds(first)).toEqual(eventsBefore);
  });
});

describe('the quartier', () => {
  const geo = geoReference();
  const matonge = geo.quartiers.find((q) => q.communeNis === '21009')!;

  it('gives the commune when only the quartier is chosen', async () => {
    const id = await sendReferral(world.sender, world, { commune: '', quartier: String(matonge.code) });
    expect(await row(id)).toMatchObject({ commune_nis: '21009', quartier_code: matonge.code });
  });

  it('refuses a quartier outside the chosen commune, or unknown, and stores nothing', async () => {
    const before = await referralCount();
    const wrong = await world.sender.post(
      '/en/referrals/new',
      referralForm(world, { commune: '21001', quartier: String(matonge.code) }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('This quartier is not in the chosen commune.');
    const unknown = await world.sender.post('/en/referrals/new', referralForm(world, { quartier: '99999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose a quartier from the list.');
    expect(await referralCount()).toBe(before);
  });
});
