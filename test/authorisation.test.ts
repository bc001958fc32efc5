// Who may read or change what, for every page and form that reveals or changes non-public data,
// for each kind of person. "denied" is a 403 or a 404 (objects of others are "not found"); a
// visitor is sent to the log-in page (GET) or refused (POST). After a refused change, nothing
// changed: each row checks the database too where a change would show.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedPerson, FormClient, newAddress } from './helpers/form-client.ts';
import { memberOf, type ReferralWorld, referralForm, sendReferral } from './helpers/referrals.ts';
import { createTestApp, type TestApp, testConfig } from './helpers/test-app.ts';
import { organisationFeedPath } from '../src/modules/spaces/calendar/feed-token.ts';
import { surveyForm } from './helpers/surveys.ts';
import { createTestEvent } from './helpers/network-events.ts';
import { newToken } from '../src/shared/tokens.ts';
import { unsubscribeToken } from '../src/modules/network/follows/unsubscribe-token.ts';
import { tableCards } from './helpers/learning.ts';
import { flushChoiceCounts } from '../src/modules/learning/learner/choice-tally.ts';
import { followsFeedPath } from '../src/modules/exchange/calls/follows-feed-token.ts';

const roles = [
  'visitor',
  'otherOrgAdmin',
  'referrer',
  'editor',
  'admin',
  'moderator',
  'platformAdmin',
] as const;
type Role = (typeof roles)[number];
type Outcome = 'ok' | 'denied' | 'login';

let t: TestApp;
let org: string;
let service: string;
/** An organisation without an admin, where nobody in the table belongs: the moderators decide its claims. */
let adminlessOrg: string;
/** An organisation without an admin that the moderator and the platform admin belong to (as editors). */
let moderatorsOwnOrg: string;
const clients = {} as Record<Role, FormClient & { email?: string }>;
const ids = {} as Record<Role, string>;

async function sql(text: string, values: unknown[] = []) {
  return (await t.database.pool.query(text, values)).rows;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  [{ org, service }] = await sql(
    `select o.id as org, s.id as service from organisations o join services s on s.organisation_id = o.id order by o.provenance_id, s.provenance_id limit 1`,
  );
  const [{ id: otherOrg }] = await sql(
    `select id from organisations where id <> $1 order by provenance_id limit 1`,
    [org],
  );
  for (const role of roles) {
    if (role === 'visitor') {
      clients[role] = new FormClient(t.app);
      continue;
    }
    const client = await confirmedPerson(t.app, t.database, { email: newAddress(role.toLowerCase()) });
    clients[role] = client;
    const [{ id }] = await sql('select id from users where email = $1', [client.email]);
    ids[role] = id;
    const platformRole = { moderator: 'moderator', platformAdmin: 'admin' }[role as string] ?? 'member';
    await sql('update users set platform_role = $2 where id = $1', [id, platformRole]);
    const orgRoles = { referrer: '{referrer}', editor: '{editor}', admin: '{admin}' }[role as string];
    if (orgRoles)
      await sql('insert into memberships (user_id, organisation_id, roles) values ($1, $2, $3)', [
        id,
        org,
        orgRoles,
      ]);
    if (role === 'otherOrgAdmin')
      await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{admin}')`, [
        id,
        otherOrg,
      ]);
  }
  const spare = await sql(
    `select id from organisations where id not in ($1, $2) and not exists
       (select 1 from memberships m where m.organisation_id = organisations.id)
     order by provenance_id desc limit 2`,
    [org, otherOrg],
  );
  adminlessOrg = spare[0].id;
  moderatorsOwnOrg = spare[1].id;
  for (const role of staff)
    await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{editor}')`, [
      ids[role],
      moderatorsOwnOrg,
    ]);
  // The member whose roles the admins change and whom they remove: someone with no part in the table.
  await confirmedPerson(t.app, t.database, { email: newAddress('target') });
  await confirmedPerson(t.app, t.database, { email: newAddress('claimant') });
  // Referrals come to `org` from a third organisation, whose referrer sends them.
  const [third] = await sql(
    `select s.organisation_id as org, s.id as service from services s
     where s.organisation_id not in ($1, $2) order by s.provenance_id limit 1`,
    [org, otherOrg],
  );
  const [{ code: theme }] = await sql(`select code from taxonomy_terms where parent_code is null limit 1`);
  toOrg = { orgA: third.org, orgB: org, orgC: otherOrg, serviceB: service, themeB: theme };
  fromOrg = { orgA: org, orgB: third.org, orgC: otherOrg, serviceB: third.service, themeB: theme };
  thirdSender = await memberOf(t, third.org, ['referrer']);
}, 60_000);
afterAll(() => t.close());

interface Case {
  name: string;
  method: 'GET' | 'POST';
  /** Prepares what the request acts on, and returns its path. */
  path: () => Promise<string>;
  body?: () => Record<string, string | string[]>;
  /** A file sent with the body, as a multipart upload form sends it. */
  upload?: { field: string; name: string; type: string; data: Buffer };
  allowed: Role[];
  /** What a visitor gets when not allowed, if not the log-in page (a thing that does not exist for them). */
  visitor?: Outcome;
  /** Evidence in the database that the change happened (for POST). */
  changed?: () => Promise<boolean>;
}

const member = async () => {
  // A member the admins may change or remove, present again for each request.
  const [{ id }] = await sql('select id from users where email like $1 limit 1', ['target%']);
  await sql(
    `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{referrer}')
     on conflict (user_id, organisation_id) do update set roles = '{referrer}'`,
    [id, org],
  );
  return id as string;
};

let toOrg: ReferralWorld;
let fromOrg: ReferralWorld;
let thirdSender: FormClient;
let referralId = '';
let countBefore = 0;
let signalsBefore = 0;
let signalId = '';
let surveysBefore = 0;
let surveyResponsesBefore = 0;
let surveyChangedAt = '';
let surveyVersion = '';
/** A survey of `org` that people answer, and one that nobody answers (its owners change all of it). */
const surveySlugs = { answered: '', fresh: '' };
async function orgSurvey(which: keyof typeof surveySlugs): Promise<string> {
  if (!surveySlugs[which]) {
    const slug = `authorisation-${which}-survey`;
    const question = {
      id: 'question0',
      kind: 'single',
      prompt: { en: 'Yes?' },
      options: [{ en: 'Yes' }, { en: 'No' }],
      required: true,
    };
    await sql(
      `insert into surveys (slug, organisation_id, title, intro, questions, opens_at, closes_at, results_visibility)
       values ($1, $2, '{"en":"A survey"}', '{}', $3, now() - interval '1 day', now() + interval '30 days', 'while_open')`,
      [slug, org, JSON.stringify([question])],
    );
    surveySlugs[which] = slug;
  }
  return surveySlugs[which];
}
const surveyMembers: Role[] = ['referrer', 'editor', 'admin'];
/** A new referral to `org` for each request, so one answer does not stand in the next one's way. */
const freshReferral = async () => (referralId = await sendReferral(thirdSender, toOrg));
const count = async (query: string, values: unknown[] = []) => (await sql(query, values))[0].n as number;
/** A fresh referral to `org` that ended "not helped": the person may be referred elsewhere from it. */
const notHelpedReferral = async () => {
  const id = await freshReferral();
  await sql(
    `update referrals set status = 'completed', outcome = 'not_helped', closed_at = now() where id = $1`,
    [id],
  );
  if (!elsewhere)
    [elsewhere] = await sql(
      `select s.id as service, s.organisation_id as org from services s
       where s.organisation_id not in ($1, $2, $3) and s.status = 'active' order by s.provenance_id desc limit 1`,
      [org, toOrg.orgC, toOrg.orgA],
    );
  return id;
};
let elsewhere: { service: string; org: string };

/** A question to the network, asked by nobody in the table (hidden when asked). */
let followsQuestion = '';
const freshQuestion = async (hidden = false) => {
  [{ id: followsQuestion }] = await sql(
    `insert into questions (title, body, language, themes, hidden_at, search_terms)
     values ('Who lends a van for a move?', 'Body', 'en', '{housing}', case when $1 then now() end, ''::tsvector) returning id`,
    [hidden],
  );
  return followsQuestion;
};

/** A room of `org` that asks for approval, open 08:00–22:00 every day, made once. */
let spacesRoom = '';
let orgLocation = '';
/** A room form with the place of `org`. */
const roomBody = (fields: Record<string, string>) => ({
  'name.en': 'Authorisation room',
  location: orgLocation,
  capacity: '20',
  min_minutes: '30',
  max_minutes: '240',
  notice_hours: '0',
  confirmation: 'approval',
  // Open every day, as the room was made: saving the form replaces its weekly hours.
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
      [`d${d}w1o`, '08:00'],
      [`d${d}w1c`, '22:00'],
    ]),
  ),
  ...fields,
});
async function orgRoom(): Promise<string> {
  if (!spacesRoom) {
    [{ id: orgLocation }] = await sql('select id from locations where organisation_id = $1 limit 1', [org]);
    [{ id: spacesRoom }] = await sql(
      `insert into rooms (organisation_id, location_id, name, capacity, min_minutes, max_minutes, notice_hours, confirmation)
       values ($1, $2, '{"en":"Authorisation room"}', 20, 30, 240, 0, 'approval') returning id`,
      [org, orgLocation],
    );
    await sql(
      `insert into room_availability (room_id, kind, rule, minutes) values ($1, 'open', E'DTSTART:20260105T080000\\nRRULE:FREQ=DAILY', 840)`,
      [spacesRoom],
    );
  }
  return spacesRoom;
}
/** A 1×1 PNG, as a room's photo. */
const onePixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** `org`'s room with only these photos (inserted as stored ones are), their ids in order. */
async function roomWithPhotos(count: number): Promise<string[]> {
  const room = await orgRoom();
  await sql('delete from room_photos where room_id = $1', [room]);
  const ids: string[] = [];
  for (let position = 0; position < count; position++)
    ids.push(
      (
        await sql(
          `insert into room_photos (room_id, content_type, data, small_data, width, height, position)
           values ($1, 'image/png', $2, $2, 1, 1, $3) returning id`,
          [room, onePixel, position],
        )
      )[0].id,
    );
  return ids;
}
let photoIds: string[] = [];
/** A fresh request for `org`'s room from another organisation, an hour of its own, so decisions never collide. */
let spacesBooking = '';
let closureId = '';
let removableRoom = '';
let spacesHour = 0;
async function freshBookingRequest(): Promise<string> {
  const room = await orgRoom();
  const start = new Date(Date.UTC(2027, 1, 1) + spacesHour++ * 2 * 3_600_000);
  [{ id: spacesBooking }] = await sql(
    `insert into bookings (room_id, organisation_id, period, attendees, status) values ($1, $2, tstzrange($3, $4), 3, 'requested') returning id`,
    [room, toOrg.orgA, start.toISOString(), new Date(start.getTime() + 3_600_000).toISOString()],
  );
  return spacesBooking;
}
const bookingStatus = async () =>
  (await sql('select status from bookings where id = $1', [spacesBooking]))[0]?.status;
/** A slot of next week for the request form, another each time. */
let spacesAsk = 0;
function nextWeekDate(): string {
  const d = new Date(Date.now() + 7 * 86_400_000 + (spacesAsk % 5) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** An event of `org` with one date a month ahead, made once; and a fresh one for each cancel. */
let orgEventId = '';
const eventDay = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
async function freshOrgEvent(title = 'Authorisation event'): Promise<string> {
  const start = new Date(`${eventDay()}T09:00:00Z`);
  const [{ id }] = await sql(
    `insert into events (organisation_id, kind, title, place_kind, address, commune_nis, starts_at, ends_at)
     values ($1, 'network_day', $2, 'address', 'Rue de l’Exemple 1', '21004', $3, $4) returning id`,
    [org, JSON.stringify({ en: title }), start, new Date(start.getTime() + 3 * 3_600_000)],
  );
  await sql(`insert into event_occurrences (event_id, starts_at, ends_at) values ($1, $2, $3)`, [
    id,
    start,
    new Date(start.getTime() + 3 * 3_600_000),
  ]);
  return id;
}
async function orgEvent(): Promise<string> {
  if (!orgEventId) orgEventId = await freshOrgEvent();
  return orgEventId;
}
let cancellableEvent = '';
/** The event form with another address, as an editor fills it in. */
const eventBody = (fields: Record<string, string>) => ({
  kind: 'network_day',
  'title.en': 'Authorisation event',
  place_kind: 'address',
  address: 'Rue de l’Exemple 1',
  commune: '21004',
  start_date: eventDay(),
  start_time: '10:00',
  end_time: '13:00',
  repeat: 'none',
  who_may_register: 'everyone',
  ...fields,
});

let claimId = '';
/** A pending claim on the organisation by someone outside the table (approved, it makes them an admin). */
const freshClaim = async (organisationId: string) => {
  const [{ id: claimant }] = await sql(`select id from users where email like 'claimant%' limit 1`);
  await sql(`delete from claims where organisation_id = $1`, [organisationId]);
  await sql(`delete from memberships where organisation_id = $1 and user_id = $2`, [
    organisationId,
    claimant,
  ]);
  [{ id: claimId }] = await sql(
    `insert into claims (organisation_id, user_id, message) values ($1, $2, 'me') returning id`,
    [organisationId, claimant],
  );
  return claimId;
};
const claimApproved = async () =>
  (await sql(`select 1 from claims where id = $1 and status = 'approved'`, [claimId])).length > 0;
let reportId = '';
let versionId = 0;
/** An event of `org` with one date next week, made for each request (network registrations). */
let networkEvent: { id: string; dates: string[] } | undefined;
const freshNetworkEvent = async () => (networkEvent = await createTestEvent(t, { organisationId: org }));
/** A registration of someone else for a fresh date, and the secret of its link. */
async function networkRegistrationLink(status: 'unconfirmed' | 'confirmed'): Promise<string> {
  const event = await freshNetworkEvent();
  const { token, hash } = newToken();
  await sql(
    `insert into event_registrations (occurrence_id, name, email, locale, status, token_hash, placed_at)
     values ($1, 'Someone', $2, 'en', $3, decode($4, 'hex'), case when $3 = 'confirmed' then now() end)`,
    [event.dates[0], newAddress('registered'), status, hash],
  );
  if (status === 'confirmed')
    await sql('update event_occurrences set confirmed = 1 where id = $1', [event.dates[0]]);
  return token;
}
const registrationsOfNetworkEvent = async () =>
  (
    await sql('select status from event_registrations where occurrence_id = $1', [networkEvent!.dates[0]])
  ).map((r) => r.status as string);

const staff = ['moderator', 'platformAdmin'] as Role[];

/** The glossary rows: a new word per try, and the concept changed as it was before the try. */
let glossaryTries = 0;
let newConceptWord = '';
let gastgezin = { version: 0, preferred: {} as Record<string, string> };

/** A question to the network by the editor of `org`, written straight into the table. */
async function networkQuestion(options: { visibility?: string; hidden?: boolean } = {}): Promise<string> {
  const [{ id }] = await sql(
    `insert into questions (author_id, organisation_id, title, body, language, visibility, hidden_at, search_terms)
     values ($1, $2, 'Who knows a good debt counsellor nearby?', 'A family needs help.', 'en', $3, $4, ''::tsvector)
     returning id`,
    [ids.editor, org, options.visibility ?? 'everyone', options.hidden ? new Date() : null],
  );
  return id;
}
/** An answer by the admin of `org` to a question, and the question made to accept none. */
async function networkAnswer(questionId: string): Promise<string> {
  await sql('update questions set accepted_answer_id = null where id = $1', [questionId]);
  const [{ id }] = await sql(
    `insert into answers (question_id, author_id, organisation_id, body, language) values ($1, $2, $3, 'Try the CPAS.', 'en') returning id`,
    [questionId, ids.admin, org],
  );
  return id;
}

/**
 * A learning path of `org` (allowed to compose: its admins and editors do), or of the moderators,
 * written straight into the table; its version read back for the forms that carry it.
 */
let learningPathSlugs = 0;
let learningPathId = '';
let learningVersion = 1;
async function learningPath(options: { status?: string; organisation?: string | null } = {}) {
  await sql('insert into learning_composers (organisation_id) values ($1) on conflict do nothing', [org]);
  const slug = `table-path-${++learningPathSlugs}`;
  const [{ id }] = await sql(
    `insert into learning_paths (slug, title, status, organisation_id, cards, published_at)
     values ($1, '{"nl":"Pad","fr":"Parcours","en":"Path"}', $2, $3, $4, now()) returning id`,
    [
      slug,
      options.status ?? 'published',
      options.organisation === undefined ? org : options.organisation,
      JSON.stringify(tableCards()),
    ],
  );
  learningPathId = id;
  learningVersion = 1;
  return { id: id as string, slug };
}
const learningRow = async () =>
  (await sql('select * from learning_paths where id = $1', [learningPathId]))[0];
const learningChoices = async () => {
  // The choices are written in batches: this process's batch now.
  await flushChoiceCounts();
  return count(`select coalesce(sum(count), 0)::int as n from learning_choice_counts where path_id = $1`, [
    learningPathId,
  ]);
};
let learningSpareOrg = '';
const spareLearningOrg = async () => {
  [{ id: learningSpareOrg }] = await sql(
    `select id from organisations where id not in ($1, $2, $3) order by provenance_id desc limit 1 offset 3`,
    [org, adminlessOrg, moderatorsOwnOrg],
  );
  return learningSpareOrg;
};
const learningComposers = ['editor', 'admin', ...staff] as Role[];
const learningCard = (more: Record<string, string> = {}) => ({
  kind: 'text',
  'text.nl': 'Tekst',
  'text.fr': 'Texte',
  'text.en': 'Text',
  next: '',
  version: String(learningVersion),
  ...more,
});
let networkQuestionId = '';
let networkAnswerId = '';
let networkCountBefore = 0;
const networkQuestionBody = () => ({
  title: 'Where can a family find debt counselling?',
  body: 'Asked for the authorisation table.',
  language: 'en',
  visibility: 'everyone',
});

/** A practice of `org` written straight into the table, in this state; its address. */
let practiceSlug = '';
let practicesBefore = 0;
let practiceMade = 0;
async function orgPractice(status = 'draft', featured = false): Promise<string> {
  practiceSlug = `authorisation-practice-${++practiceMade}`;
  await sql(
    `insert into practices (slug, organisation_id, author_id, status, featured, title, published_at, search_terms)
     values ($1, $2, $3, $4, $5, '{"en":"Sharing a room across communities"}',
       case when $4 <> 'draft' then now() end, ''::tsvector)`,
    [practiceSlug, org, ids.referrer, status, featured],
  );
  return practiceSlug;
}
const practiceState = async () =>
  (await sql('select status, featured, edited_at from practices where slug = $1', [practiceSlug]))[0];
const practiceBody = () => ({ 'title.en': 'Sharing a room across communities, changed' });
/** An item of the shared worksheet lists typed by an organisation, in one language; its id. */
let worksheetItem = '';
let worksheetItemsMade = 0;
let mergeTarget = '';
async function orgWorksheetItem(): Promise<string> {
  const label = `Authorisation waiting list ${++worksheetItemsMade}`;
  [{ id: worksheetItem }] = await sql(
    `insert into worksheet_items (kind, labels, folded) values ('obstacle', $1, $2) returning id`,
    [{ en: label }, [label.toLowerCase()]],
  );
  return worksheetItem;
}
const worksheetItemLabels = async () =>
  (await sql('select labels from worksheet_items where id = $1', [worksheetItem]))[0]?.labels;
/** A PDF of one page, as an attachment of a practice. */
const onePagePdf = await (async () => {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
})();
/** An attachment of a new practice of `org` in this state, written straight into the table; its id. */
let attachmentId = '';
async function practiceAttachment(status = 'draft'): Promise<string> {
  const slug = await orgPractice(status);
  [{ id: attachmentId }] = await sql(
    `insert into practice_attachments (practice_id, file_name, content_type, data, size, sha256, page_count)
     select id, 'sheet.pdf', 'application/pdf', $2, $3, 'not-checked', 1 from practices where slug = $1
     returning id`,
    [slug, onePagePdf, onePagePdf.length],
  );
  return attachmentId;
}
const practiceAttachments = async () =>
  (
    await sql(
      `select count(*)::int as n from practice_attachments a join practices p on p.id = a.practice_id
       where p.slug = $1`,
      [practiceSlug],
    )
  )[0].n as number;

/** An offer of `org` written straight into the table, in this state; its id. */
let exchangePostId = '';
let exchangePostsBefore = 0;
async function orgExchangePost(status = 'open'): Promise<string> {
  const [{ id }] = await sql(
    `insert into exchange_posts (organisation_id, author_id, direction, kind, title, all_brussels, until, status,
       fulfilled_at, search_terms)
     values ($1, $2, 'offer', 'room_or_material', '{"en":"A meeting room on Tuesdays"}', true,
       current_date + 30, $3, case when $3 = 'fulfilled' then now() end, ''::tsvector)
     returning id`,
    [org, ids.referrer, status],
  );
  exchangePostId = id;
  return id;
}
/** A thread about an open request of `org`, answered by `otherOrgAdmin`'s organisation; its id. */
let exchangeThreadId = '';
let exchangeMessagesBefore = 0;
async function orgExchangeThread(): Promise<string> {
  const post = await orgExchangePost('open');
  const [{ id }] = await sql(
    `insert into exchange_threads (post_id, organisation_id, started_by, created_at, last_message_at)
     select $1, organisation_id, $2, now(), now() from memberships where user_id = $2 limit 1
     returning id`,
    [post, ids.otherOrgAdmin],
  );
  await sql(
    `insert into exchange_messages (thread_id, author_id, side, body, created_at)
     values ($1, $2, 'responder', 'We have a room free on Tuesdays.', now())`,
    [id, ids.otherOrgAdmin],
  );
  exchangeThreadId = id;
  exchangeMessagesBefore = await exchangeMessageCount();
  return id;
}
const exchangeMessageCount = async () => count('select count(*)::int as n from exchange_messages');
const exchangePostState = async () =>
  (await sql('select status, version from exchange_posts where id = $1', [exchangePostId]))[0];
const exchangePostBody = () => ({
  direction: 'offer',
  kind: 'room_or_material',
  'title.en': 'A meeting room on Tuesday evenings',
  all_brussels: '1',
  until: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  informal: 'yes',
});

/** A funding call of `org` written straight into the table, in this state; its id. */
let exchangeCallId = '';
let exchangeCallsBefore = 0;
let orgVerifications: { id: string; verification: string }[] = [];
async function orgExchangeCall(status = 'published'): Promise<string> {
  const [{ id }] = await sql(
    `insert into exchange_calls (publisher_id, author_id, funder, title, opens_at, closes_at, link, status,
       withdrawn_at, search_terms)
     values ($1, $2, 'vgc', '{"en":"Neighbourhood projects 2027"}', now() - interval '1 day',
       now() + interval '30 days', 'https://www.vgc.be/call', $3, case when $3 = 'withdrawn' then now() end,
       ''::tsvector)
     returning id`,
    [org, ids.editor, status],
  );
  exchangeCallId = id;
  return id;
}
const exchangeCallState = async () =>
  (await sql('select status, version from exchange_calls where id = $1', [exchangeCallId]))[0];
const exchangeCallBody = () => ({
  funder: 'cocof',
  'title.en': 'Social cohesion call 2027',
  informal: 'yes',
  all_brussels: '1',
  opens_at: new Date(Date.now() - 86_400_000).toISOString().slice(0, 16),
  closes_at: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 16),
  time_zone: 'Europe/Brussels',
  link: 'https://cocof.brussels/call',
});
const followsOfOrg = async () =>
  (
    await sql(
      'select count(*)::int as n from exchange_call_follows where call_id = $1 and organisation_id = $2',
      [exchangeCallId, org],
    )
  )[0].n as number;

const cases: Case[] = [
  {
    name: 'members page',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/members`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'invite a member',
    method: 'POST',
    path: async () => `/en/manage/organisations/${org}/invitations`,
    body: () => ({ email: newAddress('invited'), roles: 'editor' }),
    allowed: ['admin'],
  },
  {
    name: 'change roles',
    method: 'POST',
    path: async () => `/en/manage/organisations/${org}/members/${await member()}/roles`,
    body: () => ({ roles: ['referrer', 'editor'] }),
    allowed: ['admin'],
    changed: async () =>
      (
        await sql(
          `select 1 from memberships where organisation_id = $1 and roles @> '{editor,referrer}'::organisation_role[] and user_id in (select id from users where email like 'target%')`,
          [org],
        )
      ).length > 0,
  },
  {
    name: 'remove a member',
    method: 'POST',
    path: async () => `/en/manage/organisations/${org}/members/${await member()}/remove`,
    allowed: ['admin'],
    changed: async () =>
      (
        await sql(
          `select 1 from memberships where organisation_id = $1 and user_id in (select id from users where email like 'target%')`,
          [org],
        )
      ).length === 0,
  },
  {
    name: 'profile form',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/profile`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'save the profile',
    method: 'POST',
    path: async () => {
      await sql(`update organisations set alternate_name = null, name = '{"en":"Before"}' where id = $1`, [
        org,
      ]);
      return `/en/manage/organisations/${org}/profile`;
    },
    body: () => ({ 'name.en': 'After', kind: 'citizen_initiative' }),
    allowed: ['editor', 'admin', ...staff],
    changed: async () =>
      (await sql(`select 1 from organisations where id = $1 and name->>'en' = 'After'`, [org])).length > 0,
  },
  {
    name: 'services list',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/services`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'service form',
    method: 'GET',
    path: async () => `/en/manage/services/${service}`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'save a service',
    method: 'POST',
    path: async () => {
      await sql(`update services set name = '{"en":"Before"}' where id = $1`, [service]);
      return `/en/manage/services/${service}`;
    },
    body: () => ({ 'name.en': 'After', status: 'active' }),
    allowed: ['editor', 'admin', ...staff],
    changed: async () =>
      (await sql(`select 1 from services where id = $1 and name->>'en' = 'After'`, [service])).length > 0,
  },
  {
    name: 'places page',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/locations`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'add a place',
    method: 'POST',
    path: async () => {
      await sql(`delete from locations where organisation_id = $1 and address = 'Rue Belliard 99'`, [org]);
      return `/en/manage/organisations/${org}/locations`;
    },
    body: () => ({ 'new-address': 'Rue Belliard 99', 'new-postcode': '1040' }),
    allowed: ['editor', 'admin', ...staff],
    changed: async () =>
      (await sql(`select 1 from locations where organisation_id = $1 and address = 'Rue Belliard 99'`, [org]))
        .length > 0,
  },
  {
    name: 'opening hours form',
    method: 'GET',
    path: async () => `/en/manage/services/${service}/hours`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'contact persons page',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/contacts`,
    allowed: ['editor', 'admin', ...staff],
  },
  {
    name: 'add a contact person',
    method: 'POST',
    path: async () => {
      await sql(`delete from contacts where organisation_id = $1 and name = 'Authorised'`, [org]);
      return `/en/manage/organisations/${org}/contacts`;
    },
    body: () => ({ 'new-contact_name': 'Authorised' }),
    allowed: ['editor', 'admin', ...staff],
    changed: async () =>
      (await sql(`select 1 from contacts where organisation_id = $1 and name = 'Authorised'`, [org])).length >
      0,
  },
  {
    name: 'history',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/history`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'roll back a change',
    method: 'POST',
    path: async () => {
      await sql(`update services set name = '{"en":"Vandalised"}' where id = $1`, [service]);
      [{ id: versionId }] = await sql(
        `insert into listing_versions (record_type, record_id, organisation_id, action, changes)
         values ('service', $1, $2, 'update', '{"name":{"before":{"en":"Restored"},"after":{"en":"Vandalised"}}}') returning id`,
        [service, org],
      );
      return `/en/manage/versions/${versionId}/rollback`;
    },
    allowed: staff,
    changed: async () =>
      (await sql(`select 1 from services where id = $1 and name->>'en' = 'Restored'`, [service])).length > 0,
  },
  {
    name: 'approve a claim',
    method: 'POST',
    path: async () => `/en/claims/${await freshClaim(org)}/approve`,
    // The organisation has admins: they decide, not the moderators.
    allowed: ['admin'],
    changed: claimApproved,
  },
  {
    name: 'approve a claim on a listing without admins',
    method: 'POST',
    path: async () => `/en/claims/${await freshClaim(adminlessOrg)}/approve`,
    allowed: staff,
    changed: claimApproved,
  },
  {
    name: 'approve a claim on a listing without admins that the moderators belong to',
    method: 'POST',
    path: async () => `/en/claims/${await freshClaim(moderatorsOwnOrg)}/approve`,
    allowed: [],
    changed: claimApproved,
  },
  { name: 'moderators’ queue', method: 'GET', path: async () => '/en/moderation', allowed: staff },
  { name: 'claims queue', method: 'GET', path: async () => '/en/moderation/claims', allowed: staff },
  {
    name: 'verify a listing',
    method: 'POST',
    path: async () => {
      await sql(`update organisations set verification = 'unverified' where id = $1`, [org]);
      return `/en/moderation/organisations/${org}/verify`;
    },
    body: () => ({ verified: '1' }),
    allowed: staff,
    changed: async () =>
      (await sql(`select 1 from organisations where id = $1 and verification = 'verified'`, [org])).length >
      0,
  },
  {
    name: 'verify a listing the moderators belong to',
    method: 'POST',
    path: async () => {
      await sql(`update organisations set verification = 'unverified' where id = $1`, [moderatorsOwnOrg]);
      return `/en/moderation/organisations/${moderatorsOwnOrg}/verify`;
    },
    body: () => ({ verified: '1' }),
    allowed: [],
    changed: async () =>
      (
        await sql(`select 1 from organisations where id = $1 and verification = 'verified'`, [
          moderatorsOwnOrg,
        ])
      ).length > 0,
  },
  {
    name: 'resolve a report',
    method: 'POST',
    path: async () => {
      [{ id: reportId }] = await sql(
        `insert into reports (organisation_id, reason) values ($1, 'other') returning id`,
        [org],
      );
      return `/en/moderation/reports/${reportId}/resolve`;
    },
    allowed: staff,
    changed: async () =>
      (await sql(`select 1 from reports where id = $1 and resolved_at is not null`, [reportId])).length > 0,
  },
  { name: 'audit log', method: 'GET', path: async () => '/en/admin/audit', allowed: ['platformAdmin'] },
  {
    name: 'a referral',
    method: 'GET',
    path: async () => `/en/referrals/${await freshReferral()}`,
    allowed: ['referrer', 'admin'],
  },
  {
    name: 'message on a referral',
    method: 'POST',
    path: async () => `/en/referrals/${await freshReferral()}/messages`,
    body: () => ({ message: 'Heeft de persoon al een afspraak?' }),
    allowed: ['referrer', 'admin'],
    changed: async () =>
      (await count(
        `select count(*)::int n from referral_events where referral_id = $1 and kind = 'message'`,
        [referralId],
      )) > 0,
  },
  {
    name: 'accept a referral',
    method: 'POST',
    path: async () => `/en/referrals/${await freshReferral()}/accept`,
    allowed: ['referrer', 'admin'],
    changed: async () =>
      (await count(`select count(*)::int n from referrals where id = $1 and status = 'accepted'`, [
        referralId,
      ])) > 0,
  },
  {
    name: 'withdraw consent on a referral',
    method: 'POST',
    path: async () => `/en/referrals/${await freshReferral()}/withdraw-consent`,
    body: () => ({ confirm: 'yes' }),
    allowed: ['referrer', 'admin'],
    changed: async () =>
      (await count(`select count(*)::int n from referrals where id = $1 and purged_at is not null`, [
        referralId,
      ])) > 0,
  },
  {
    name: 'referral form',
    method: 'GET',
    path: async () => `/en/referrals/new?service=${fromOrg.serviceB}`,
    allowed: ['referrer', 'admin', 'otherOrgAdmin'],
  },
  {
    name: 'send a referral',
    method: 'POST',
    path: async () => {
      countBefore = await count('select count(*)::int n from referrals where to_organisation_id = $1', [
        fromOrg.orgB,
      ]);
      return '/en/referrals/new';
    },
    // Without "from_organisation": each person here refers for their only organisation.
    body: () => {
      const { from_organisation: _, ...form } = referralForm(fromOrg);
      return form;
    },
    allowed: ['referrer', 'admin', 'otherOrgAdmin'],
    changed: async () =>
      (await count('select count(*)::int n from referrals where to_organisation_id = $1', [fromOrg.orgB])) >
      countBefore,
  },
  {
    name: 'referral figures',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/referrals`,
    allowed: ['referrer', 'admin'],
  },
  {
    name: 'API tokens',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/api-tokens`,
    allowed: ['admin'],
  },
  {
    name: 'create an API token',
    method: 'POST',
    path: async () => {
      countBefore = await count('select count(*)::int n from api_tokens where organisation_id = $1', [org]);
      return `/en/manage/organisations/${org}/api-tokens`;
    },
    body: () => ({ name: 'Dossiers' }),
    allowed: ['admin'],
    changed: async () =>
      (await count('select count(*)::int n from api_tokens where organisation_id = $1', [org])) > countBefore,
  },
  {
    name: 'referral analysis',
    method: 'GET',
    path: async () => '/en/analysis/referrals',
    allowed: ['platformAdmin'],
  },
  {
    name: 'referral analysis as CSV',
    method: 'GET',
    path: async () => '/en/analysis/referrals.csv',
    allowed: ['platformAdmin'],
  },
  {
    name: 'refer a person elsewhere: where to',
    method: 'GET',
    path: async () => `/en/referrals/new?follows=${await notHelpedReferral()}`,
    allowed: ['referrer', 'admin'],
  },
  {
    name: 'refer a person elsewhere',
    method: 'POST',
    path: async () => {
      await notHelpedReferral();
      return '/en/referrals/new';
    },
    // From `org`, which received the first referral, to a service of an organisation outside the table.
    body: () => {
      const { from_organisation: _, ...form } = referralForm(fromOrg, {
        service: elsewhere.service,
        organisation: elsewhere.org,
        follows: referralId,
      });
      return form;
    },
    allowed: ['referrer', 'admin'],
    changed: async () =>
      (await count('select count(*)::int n from referrals where follows_referral_id = $1', [referralId])) > 0,
  },
  {
    // Public: a visitor's signal waits for the moderators.
    name: 'signal form',
    method: 'GET',
    path: async () => '/en/signals/new',
    allowed: [...roles],
  },
  {
    // For the organisation one belongs to, or as a visitor; never for another's.
    name: 'signal a need',
    method: 'POST',
    path: async () => {
      signalsBefore = await count('select count(*)::int n from need_signals');
      return '/en/signals/new';
    },
    body: () => ({
      organisation: org,
      themes: 'housing',
      commune: '21004',
      target_group: 'families',
      people: '2_5',
      seen_on: '2026-11-02',
    }),
    allowed: ['visitor', 'referrer', 'editor', 'admin'],
    changed: async () => (await count('select count(*)::int n from need_signals')) > signalsBefore,
  },
  {
    name: 'visitors’ signals queue',
    method: 'GET',
    path: async () => '/en/moderation/signals',
    allowed: staff,
  },
  {
    name: 'publish a visitor’s signal',
    method: 'POST',
    path: async () => {
      [{ id: signalId }] = await sql(
        `insert into need_signals (origin, status, theme_codes, commune_nis, target_group, people_band, seen_on)
         values ('visitor', 'pending', '{housing}', '21004', 'families', '2_5', '2026-11-02') returning id`,
      );
      return `/en/moderation/signals/${signalId}/publish`;
    },
    allowed: staff,
    changed: async () =>
      (await count(`select count(*)::int n from need_signals where id = $1 and status = 'published'`, [
        signalId,
      ])) > 0,
  },
  {
    name: 'an organisation’s surveys',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/surveys`,
    allowed: surveyMembers,
  },
  {
    name: 'survey builder for an organisation',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/surveys/new`,
    allowed: surveyMembers,
  },
  {
    name: 'build a survey for an organisation',
    method: 'POST',
    path: async () => {
      surveysBefore = await count('select count(*)::int n from surveys');
      return `/en/manage/organisations/${org}/surveys/new`;
    },
    body: () => surveyForm(),
    allowed: surveyMembers,
    changed: async () => (await count('select count(*)::int n from surveys')) > surveysBefore,
  },
  {
    name: 'the network’s surveys',
    method: 'GET',
    path: async () => '/en/moderation/surveys',
    allowed: staff,
  },
  {
    name: 'survey builder for the network',
    method: 'GET',
    path: async () => '/en/moderation/surveys/new',
    allowed: staff,
  },
  {
    name: 'build a survey for the network',
    method: 'POST',
    path: async () => {
      surveysBefore = await count('select count(*)::int n from surveys');
      return '/en/moderation/surveys/new';
    },
    body: () => surveyForm(),
    allowed: staff,
    changed: async () => (await count('select count(*)::int n from surveys')) > surveysBefore,
  },
  {
    // Public: anyone with the link answers, once per browser.
    name: 'survey answer page',
    method: 'GET',
    path: async () => `/en/surveys/${await orgSurvey('answered')}`,
    allowed: [...roles],
  },
  {
    name: 'answer a survey',
    method: 'POST',
    path: async () => {
      const slug = await orgSurvey('answered');
      surveyResponsesBefore = await count('select count(*)::int n from survey_responses');
      // The survey's version, as its answer form carries it.
      [{ v: surveyVersion }] = await sql(
        `select floor(extract(epoch from updated_at) * 1000)::bigint::text v from surveys where slug = $1`,
        [slug],
      );
      return `/en/surveys/${slug}`;
    },
    body: () => ({ 'a-question0': '0', version: surveyVersion }),
    allowed: [...roles],
    changed: async () =>
      (await count('select count(*)::int n from survey_responses')) > surveyResponsesBefore,
  },
  {
    // Public, as its owners chose; the written answers only for them (survey-results.web.test.ts).
    name: 'survey results',
    method: 'GET',
    path: async () => `/en/surveys/${await orgSurvey('answered')}/results`,
    allowed: [...roles],
  },
  {
    name: 'survey link and QR code to print',
    method: 'GET',
    path: async () => `/en/surveys/${await orgSurvey('answered')}/share`,
    allowed: [...roles],
  },
  {
    name: 'change a survey: the form',
    method: 'GET',
    path: async () => `/en/surveys/${await orgSurvey('fresh')}/edit`,
    allowed: surveyMembers,
  },
  {
    name: 'change a survey',
    method: 'POST',
    path: async () => {
      const slug = await orgSurvey('fresh');
      [{ at: surveyChangedAt }] = await sql(`select updated_at::text at from surveys where slug = $1`, [
        slug,
      ]);
      return `/en/surveys/${slug}/edit`;
    },
    body: () => surveyForm(),
    allowed: surveyMembers,
    changed: async () =>
      (await count(`select count(*)::int n from surveys where slug = $1 and updated_at::text <> $2`, [
        surveySlugs.fresh,
        surveyChangedAt,
      ])) > 0,
  },
  {
    name: 'survey answers as CSV',
    method: 'GET',
    path: async () => `/en/surveys/${await orgSurvey('answered')}/answers.csv`,
    allowed: surveyMembers,
  },
  {
    // Public: every number on it is a cell of the protected cube (no count under 5), the same for all.
    name: 'evidence map',
    method: 'GET',
    path: async () => '/en/evidence?theme=housing&measure=rate',
    allowed: [...roles],
  },
  {
    name: 'the evidence map’s outlines',
    method: 'GET',
    path: async () => '/evidence/places.svg',
    allowed: [...roles],
  },
  {
    name: 'evidence map as CSV (API)',
    method: 'GET',
    path: async () => '/api/v1/evidence?format=csv&commune=21004',
    allowed: [...roles],
  },
  {
    name: 'an organisation’s rooms and the requests to them',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/rooms`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'room form for a new room',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/rooms/new`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'publish a room',
    method: 'POST',
    path: async () => {
      await orgRoom();
      await sql(`delete from rooms where name->>'en' = 'Published in the table'`);
      return `/en/manage/organisations/${org}/rooms`;
    },
    body: () => roomBody({ 'name.en': 'Published in the table' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from rooms where name->>'en' = 'Published in the table'`)).length > 0,
  },
  {
    name: 'room form of a room',
    method: 'GET',
    path: async () => `/en/manage/rooms/${await orgRoom()}`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'change a room',
    method: 'POST',
    path: async () => {
      await sql(`update rooms set capacity = 20 where id = $1`, [await orgRoom()]);
      return `/en/manage/rooms/${await orgRoom()}`;
    },
    body: () => roomBody({ capacity: '25' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from rooms where id = $1 and capacity <> 20`, [spacesRoom])).length > 0,
  },
  {
    name: 'close a room on some days',
    method: 'POST',
    path: async () => {
      await sql(`delete from room_availability where room_id = $1 and kind = 'closed'`, [await orgRoom()]);
      return `/en/manage/rooms/${spacesRoom}/closures`;
    },
    body: () => ({ 'closure-closed_from': '2027-05-01' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from room_availability where room_id = $1 and kind = 'closed'`, [spacesRoom]))
        .length > 0,
  },
  {
    name: 'remove a closure of a room',
    method: 'POST',
    path: async () => {
      const room = await orgRoom();
      const [{ id }] = await sql(
        `insert into room_availability (room_id, kind, rule, minutes) values ($1, 'closed', E'DTSTART:20270601T000000\\nRRULE:FREQ=DAILY;COUNT=1', 1440) returning id`,
        [room],
      );
      closureId = id;
      return `/en/manage/rooms/${room}/closures/${id}/delete`;
    },
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from room_availability where id = $1`, [closureId])).length === 0,
  },
  {
    name: 'add a photo to a room',
    method: 'POST',
    path: async () => {
      await roomWithPhotos(0);
      return `/en/manage/rooms/${spacesRoom}/photos`;
    },
    body: () => ({ 'caption.en': 'Added in the table' }),
    upload: { field: 'photo', name: 'room.png', type: 'image/png', data: onePixel },
    allowed: ['editor', 'admin'],
    changed: async () => (await sql(`select 1 from room_photos where room_id = $1`, [spacesRoom])).length > 0,
  },
  {
    name: 'show a photo of a room first',
    method: 'POST',
    path: async () => {
      photoIds = await roomWithPhotos(2);
      return `/en/manage/rooms/${spacesRoom}/photos/${photoIds[1]}/first`;
    },
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from room_photos where id = $1 and position = 0`, [photoIds[1]])).length > 0,
  },
  {
    name: 'remove a photo of a room',
    method: 'POST',
    path: async () => {
      photoIds = await roomWithPhotos(1);
      return `/en/manage/rooms/${spacesRoom}/photos/${photoIds[0]}/delete`;
    },
    allowed: ['editor', 'admin'],
    changed: async () => (await sql(`select 1 from room_photos where id = $1`, [photoIds[0]])).length === 0,
  },
  {
    // Public, like the room's page that shows it.
    name: 'a photo of a room',
    method: 'GET',
    path: async () => `/room-photos/${(await roomWithPhotos(1))[0]}`,
    allowed: [...roles],
  },
  {
    name: 'a room’s public page',
    method: 'GET',
    path: async () => `/en/rooms/${await orgRoom()}`,
    allowed: [...roles],
  },
  {
    // Public: rooms and when they are free are; who booked them is not shown.
    name: 'find a room',
    method: 'GET',
    path: async () => `/en/rooms?people=4&date=${nextWeekDate()}&from=10:00&until=12:00`,
    allowed: [...roles],
  },
  {
    name: 'ask for a weekly slot of a room (the dates to confirm)',
    method: 'POST',
    path: async () => `/en/rooms/${await orgRoom()}/bookings`,
    body: () => ({
      organisation: org,
      date: nextWeekDate(),
      start: '08:00',
      end: '09:00',
      attendees: '4',
      repeat: 'weekly',
      until: nextWeekDate(),
    }),
    allowed: ['referrer', 'editor', 'admin'],
  },
  {
    name: 'ask for a slot of a room for the organisation',
    method: 'POST',
    path: async () => `/en/rooms/${await orgRoom()}/bookings`,
    body: () => ({
      organisation: org,
      date: nextWeekDate(),
      start: `${10 + (spacesAsk++ % 8)}:00`,
      end: `${11 + ((spacesAsk - 1) % 8)}:00`,
      attendees: '4',
    }),
    allowed: ['referrer', 'editor', 'admin'],
  },
  {
    // Public: only when the room is booked, no names.
    name: 'a room’s calendar feed',
    method: 'GET',
    path: async () => `/rooms/${await orgRoom()}/calendar.ics`,
    allowed: [...roles],
  },
  {
    // The address is the key (calendar applications do not log in): whoever has it reads it.
    name: 'an organisation’s calendar feed at its secret address',
    method: 'GET',
    path: async () => organisationFeedPath(testConfig().encryptionKeys!, org, 'en', 0),
    allowed: [...roles],
  },
  {
    name: 'a booking’s calendar file',
    method: 'GET',
    path: async () => `/en/bookings/${await freshBookingRequest()}/calendar.ics`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'approve a request for a room',
    method: 'POST',
    path: async () => `/en/manage/bookings/${await freshBookingRequest()}/approve`,
    allowed: ['editor', 'admin'],
    changed: async () => (await bookingStatus()) === 'confirmed',
  },
  {
    name: 'decline a request for a room',
    method: 'POST',
    path: async () => `/en/manage/bookings/${await freshBookingRequest()}/decline`,
    body: () => ({ reason: 'Not that day.' }),
    allowed: ['editor', 'admin'],
    changed: async () => (await bookingStatus()) === 'declined',
  },
  {
    name: 'cancel a booking of a room',
    method: 'POST',
    path: async () => `/en/manage/bookings/${await freshBookingRequest()}/cancel`,
    allowed: ['editor', 'admin'],
    changed: async () => (await bookingStatus()) === 'cancelled',
  },
  {
    name: 'approve every date of a weekly request for a room',
    method: 'POST',
    path: async () => {
      const first = await freshBookingRequest();
      await freshBookingRequest();
      await sql(`update bookings set series_id = $1 where id in ($1, $2)`, [first, spacesBooking]);
      return `/en/manage/bookings/${first}/approve-series`;
    },
    allowed: ['editor', 'admin'],
    changed: async () => (await bookingStatus()) === 'confirmed',
  },
  {
    name: 'a new address for an organisation’s calendar feed',
    method: 'POST',
    path: async () => {
      await sql(`delete from room_feed_keys where organisation_id = $1`, [org]);
      return `/en/manage/organisations/${org}/rooms/calendar/renew`;
    },
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from room_feed_keys where organisation_id = $1`, [org])).length > 0,
  },
  {
    name: 'remove a room',
    method: 'POST',
    path: async () => {
      await orgRoom();
      [{ id: removableRoom }] = await sql(
        `insert into rooms (organisation_id, location_id, name, capacity) values ($1, $2, '{"en":"To remove"}', 10) returning id`,
        [org, orgLocation],
      );
      return `/en/manage/rooms/${removableRoom}/remove`;
    },
    allowed: ['editor', 'admin'],
    changed: async () => (await sql(`select 1 from rooms where id = $1`, [removableRoom])).length === 0,
  },
  {
    name: 'an organisation’s bookings of others’ rooms',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/bookings`,
    allowed: ['referrer', 'editor', 'admin'],
  },
  {
    // The owners' form: every booking of their room in these dates. A member who does not manage
    // the rooms may not cancel other groups' bookings of them.
    name: 'cancel the bookings of a room between two dates',
    method: 'POST',
    path: async () => {
      await freshBookingRequest();
      return `/en/manage/organisations/${org}/bookings/cancel`;
    },
    body: () => ({ room: spacesRoom, from: '2027-01-31', to: '2027-03-31', reason: 'Works in the hall.' }),
    allowed: ['editor', 'admin'],
    changed: async () => (await bookingStatus()) === 'cancelled',
  },
  {
    // Never public: names and addresses of who comes. Moderators and platform admins neither.
    name: 'an event’s registrations, for its organisers',
    method: 'GET',
    path: async () => `/en/manage/events/${(await freshNetworkEvent()).id}/registrations`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'an event’s registrations as CSV',
    method: 'GET',
    path: async () => `/en/manage/events/${(await freshNetworkEvent()).id}/registrations.csv`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'the form to register for a date of an event',
    method: 'GET',
    path: async () => {
      const event = await freshNetworkEvent();
      return `/en/events/${event.id}/dates/${event.dates[0]}/register`;
    },
    allowed: [...roles],
  },
  {
    // Anyone may register (with or without an account) for an event open to everyone.
    name: 'register for a date of an event',
    method: 'POST',
    path: async () => {
      const event = await freshNetworkEvent();
      return `/en/events/${event.id}/dates/${event.dates[0]}/register`;
    },
    body: () => ({ name: 'Table Person', email: newAddress('register') }),
    allowed: [...roles],
    changed: async () => (await registrationsOfNetworkEvent()).length === 1,
  },
  {
    // The link is the key: whoever has it sees the registration, confirms or cancels it.
    name: 'a registration at its link',
    method: 'GET',
    path: async () => `/en/registrations/${await networkRegistrationLink('confirmed')}`,
    allowed: [...roles],
  },
  {
    name: 'a registration’s calendar file at its link',
    method: 'GET',
    path: async () => `/en/registrations/${await networkRegistrationLink('confirmed')}.ics`,
    allowed: [...roles],
  },
  {
    name: 'confirm a registration at its link',
    method: 'POST',
    path: async () => `/en/registrations/${await networkRegistrationLink('unconfirmed')}/confirm`,
    allowed: [...roles],
    changed: async () => (await registrationsOfNetworkEvent())[0] === 'confirmed',
  },
  {
    name: 'cancel a registration at its link',
    method: 'POST',
    path: async () => `/en/registrations/${await networkRegistrationLink('confirmed')}/cancel`,
    allowed: [...roles],
    changed: async () => (await registrationsOfNetworkEvent())[0] === 'cancelled',
  },
  {
    // Only one's own registration: someone else's on that date stays.
    name: 'cancel one’s own registration from a date’s page',
    method: 'POST',
    path: async () => {
      await networkRegistrationLink('confirmed');
      return `/en/events/${networkEvent!.id}/dates/${networkEvent!.dates[0]}/register/cancel`;
    },
    allowed: [],
    changed: async () => (await registrationsOfNetworkEvent())[0] === 'cancelled',
  },
  {
    name: 'what I follow (themes, questions, the digest)',
    method: 'GET',
    path: async () => '/en/account/follows',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'follow a question',
    method: 'POST',
    path: async () => `/en/questions/${await freshQuestion()}/follow`,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () =>
      (await sql('select 1 from follows where question_id = $1', [followsQuestion])).length > 0,
  },
  {
    // Nobody follows what the moderators hid.
    name: 'follow a hidden question',
    method: 'POST',
    path: async () => `/en/questions/${await freshQuestion(true)}/follow`,
    allowed: [],
    changed: async () =>
      (await sql('select 1 from follows where question_id = $1', [followsQuestion])).length > 0,
  },
  {
    name: 'unfollow a question (one’s own follow)',
    method: 'POST',
    path: async () => {
      const question = await freshQuestion();
      for (const id of Object.values(ids))
        await sql('insert into follows (user_id, question_id) values ($1, $2)', [id, question]);
      return `/en/questions/${question}/unfollow`;
    },
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () =>
      (await sql('select 1 from follows where question_id = $1', [followsQuestion])).length <
      Object.keys(ids).length,
  },
  {
    name: 'follow a theme',
    method: 'POST',
    path: async () => {
      await sql(`delete from follows where theme_code = 'faith'`);
      return '/en/follows/themes';
    },
    body: () => ({ theme: 'faith', action: 'follow' }),
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () => (await sql(`select 1 from follows where theme_code = 'faith'`)).length > 0,
  },
  {
    // The link is the key: whoever has it (the reader, a mail scanner) sees the page that asks.
    name: 'the digest’s unsubscribe page',
    method: 'GET',
    path: async () =>
      `/en/follows/unsubscribe?token=${unsubscribeToken(testConfig().encryptionKeys!, ids.referrer)}`,
    allowed: [...roles],
  },
  {
    name: 'unsubscribe from the digest by its link, without logging in',
    method: 'POST',
    path: async () => {
      await sql(`insert into follows (user_id, theme_code) values ($1, 'mobility') on conflict do nothing`, [
        ids.referrer,
      ]);
      return `/en/follows/unsubscribe?token=${unsubscribeToken(testConfig().encryptionKeys!, ids.referrer)}`;
    },
    allowed: [...roles],
    changed: async () => (await sql('select 1 from follows where user_id = $1', [ids.referrer])).length === 0,
  },
  {
    // Opened as a link, it leads to the page that asks.
    name: 'the digest’s one-click address opened as a link',
    method: 'GET',
    path: async () =>
      `/follows/unsubscribe/one-click?token=${unsubscribeToken(testConfig().encryptionKeys!, ids.referrer)}`,
    allowed: [...roles],
  },
  {
    // RFC 8058: a mail program posts it, with no session; the token is the key.
    name: 'one-click unsubscribe from the digest (mail programs)',
    method: 'POST',
    path: async () => {
      await sql(`insert into follows (user_id, theme_code) values ($1, 'mobility') on conflict do nothing`, [
        ids.referrer,
      ]);
      return `/follows/unsubscribe/one-click?token=${unsubscribeToken(testConfig().encryptionKeys!, ids.referrer)}`;
    },
    body: () => ({ 'List-Unsubscribe': 'One-Click' }),
    allowed: [...roles],
    changed: async () => (await sql('select 1 from follows where user_id = $1', [ids.referrer])).length === 0,
  },
  {
    name: 'log-in link form',
    method: 'GET',
    path: async () => '/en/login/link',
    allowed: [...roles],
  },
  {
    // Public, like the service page it is made from.
    name: 'card of a service to hand over',
    method: 'GET',
    path: async () => `/en/services/${service}/card?lang=fr`,
    allowed: [...roles],
  },
  {
    name: 'ask for a log-in link',
    method: 'POST',
    path: async () => '/en/login/link/request',
    body: () => ({ email: newAddress('link') }),
    allowed: [...roles],
  },
  {
    name: 'a question to the network for members only',
    method: 'GET',
    path: async () => `/en/questions/${await networkQuestion({ visibility: 'members' })}`,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'the report form of a question to the network for members only',
    method: 'GET',
    path: async () => `/en/questions/${await networkQuestion({ visibility: 'members' })}/report`,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'the report form of an answer hidden by the moderators',
    method: 'GET',
    path: async () => {
      const answer = await networkAnswer(await networkQuestion());
      await sql('update answers set hidden_at = now() where id = $1', [answer]);
      return `/en/answers/${answer}/report`;
    },
    allowed: [],
    visitor: 'denied',
  },
  {
    name: 'a question to the network hidden by the moderators',
    method: 'GET',
    path: async () => `/en/questions/${await networkQuestion({ hidden: true })}`,
    allowed: [...staff],
    visitor: 'denied',
  },
  {
    name: 'ask the network a question',
    method: 'POST',
    path: async () => {
      networkCountBefore = await count('select count(*)::int as n from questions');
      return '/en/questions/new';
    },
    body: networkQuestionBody,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () => (await count('select count(*)::int as n from questions')) > networkCountBefore,
  },
  {
    name: 'answer a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      return `/en/questions/${networkQuestionId}/answers`;
    },
    body: () => ({ body: 'The CPAS of the commune can help.', language: 'en' }),
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () =>
      (await count('select count(*)::int as n from answers where question_id = $1', [networkQuestionId])) > 0,
  },
  {
    // Only the asker (the editor) accepts an answer to her question.
    name: 'accept an answer to a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      networkAnswerId = await networkAnswer(networkQuestionId);
      return `/en/questions/${networkQuestionId}/accept`;
    },
    body: () => ({ answer: networkAnswerId }),
    allowed: ['editor'],
    changed: async () =>
      (await sql('select accepted_answer_id from questions where id = $1', [networkQuestionId]))[0]
        .accepted_answer_id === networkAnswerId,
  },
  {
    // Only its author (the editor) changes a question; its answers' author (the admin) an answer.
    name: 'form to change a question to the network',
    method: 'GET',
    path: async () => `/en/questions/${await networkQuestion()}/edit`,
    allowed: ['editor'],
  },
  {
    name: 'change a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      return `/en/questions/${networkQuestionId}/edit`;
    },
    body: () => ({ ...networkQuestionBody(), title: 'Where can a family find debt counselling today?' }),
    allowed: ['editor'],
    changed: async () =>
      (await sql('select edited_at from questions where id = $1', [networkQuestionId]))[0].edited_at !== null,
  },
  {
    name: 'form to change an answer to a question to the network',
    method: 'GET',
    path: async () => `/en/answers/${await networkAnswer(await networkQuestion())}/edit`,
    allowed: ['admin'],
  },
  {
    name: 'change an answer to a question to the network',
    method: 'POST',
    path: async () => {
      networkAnswerId = await networkAnswer(await networkQuestion());
      return `/en/answers/${networkAnswerId}/edit`;
    },
    body: () => ({ body: 'Try the CPAS, and ask for the debt counsellor.', links: '', language: 'en' }),
    allowed: ['admin'],
    changed: async () =>
      (await sql('select edited_at from answers where id = $1', [networkAnswerId]))[0].edited_at !== null,
  },
  {
    name: 'report a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      return `/en/questions/${networkQuestionId}/report`;
    },
    body: () => ({ reason: 'spam' }),
    allowed: [...roles],
    changed: async () =>
      (await count('select count(*)::int as n from post_reports where question_id = $1', [
        networkQuestionId,
      ])) > 0,
  },
  {
    name: 'hide a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      return `/en/moderation/posts/questions/${networkQuestionId}/hide`;
    },
    body: () => ({ reason: 'Advertising.' }),
    allowed: [...staff],
    changed: async () =>
      (await sql('select hidden_at from questions where id = $1', [networkQuestionId]))[0].hidden_at !== null,
  },
  {
    name: 'restore a hidden answer to a question to the network',
    method: 'POST',
    path: async () => {
      networkQuestionId = await networkQuestion();
      networkAnswerId = await networkAnswer(networkQuestionId);
      await sql(`update answers set hidden_at = now(), hidden_reason = 'test' where id = $1`, [
        networkAnswerId,
      ]);
      return `/en/moderation/posts/answers/${networkAnswerId}/restore`;
    },
    allowed: [...staff],
    changed: async () =>
      (await sql('select hidden_at from answers where id = $1', [networkAnswerId]))[0].hidden_at === null,
  },
  {
    name: 'reported questions and answers of the network',
    method: 'GET',
    path: async () => '/en/moderation/posts',
    allowed: [...staff],
  },
  {
    name: 'own account',
    method: 'GET',
    path: async () => '/en/account',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'own sessions',
    method: 'GET',
    path: async () => '/en/account/sessions',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'an organisation’s events to manage',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/events`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'event form for a new event',
    method: 'GET',
    path: async () => `/en/manage/organisations/${org}/events/new`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'publish an event',
    method: 'POST',
    path: async () => {
      await sql(`delete from events where title->>'en' = 'Published event in the table'`);
      return `/en/manage/organisations/${org}/events`;
    },
    body: () => eventBody({ 'title.en': 'Published event in the table' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from events where title->>'en' = 'Published event in the table'`)).length > 0,
  },
  {
    name: 'event form of an event',
    method: 'GET',
    path: async () => `/en/manage/events/${await orgEvent()}`,
    allowed: ['editor', 'admin'],
  },
  {
    name: 'change an event',
    method: 'POST',
    path: async () => {
      await sql(`update events set capacity = null where id = $1`, [await orgEvent()]);
      return `/en/manage/events/${orgEventId}`;
    },
    body: () => eventBody({ capacity: '12' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from events where id = $1 and capacity = 12`, [orgEventId])).length > 0,
  },
  {
    name: 'cancel an event',
    method: 'POST',
    path: async () => `/en/manage/events/${(cancellableEvent = await freshOrgEvent())}/cancel`,
    body: () => ({ 'cancel-reason': 'Called off in the table' }),
    allowed: ['editor', 'admin'],
    changed: async () =>
      (await sql(`select 1 from events where id = $1 and status = 'cancelled'`, [cancellableEvent])).length >
      0,
  },
  {
    name: 'an event’s public page',
    method: 'GET',
    path: async () => `/en/events/${await orgEvent()}`,
    allowed: [...roles],
  },
  {
    name: 'the agenda',
    method: 'GET',
    path: async () => `/en/agenda?view=month`,
    allowed: [...roles],
  },
  {
    name: 'the glossary and its search',
    method: 'GET',
    path: async () => `/en/glossary?q=ocmw&page=1`,
    allowed: [...roles],
  },
  {
    name: 'a concept of the glossary',
    method: 'GET',
    path: async () => `/en/glossary/ocmw`,
    allowed: [...roles],
  },
  { name: 'the form for a new concept', method: 'GET', path: async () => '/en/glossary/new', allowed: staff },
  {
    name: 'add a concept to the glossary',
    method: 'POST',
    path: async () => {
      newConceptWord = `proefbegrip ${++glossaryTries}`;
      return '/en/glossary/new';
    },
    body: () => ({
      'preferred.nl': newConceptWord,
      'preferred.fr': `${newConceptWord} fr`,
      'preferred.en': `${newConceptWord} en`,
    }),
    allowed: staff,
    changed: async () =>
      (await sql('select 1 from glossary_labels where folded = $1', [newConceptWord])).length > 0,
  },
  {
    name: 'the form to change a concept',
    method: 'GET',
    path: async () => '/en/glossary/gastgezin/edit',
    allowed: staff,
  },
  {
    name: 'change a concept of the glossary',
    method: 'POST',
    path: async () => {
      const words = await sql(
        `select l.language, l.text, c.version from glossary_labels l join glossary_concepts c on c.id = l.concept_id
          where c.slug = 'gastgezin' and l.kind = 'preferred'`,
      );
      gastgezin = {
        version: words[0].version as number,
        preferred: Object.fromEntries(words.map((w) => [`preferred.${w.language}`, w.text as string])),
      };
      return '/en/glossary/gastgezin/edit';
    },
    body: () => ({ ...gastgezin.preferred, note: 'Asked for the authorisation table.' }),
    allowed: staff,
    changed: async () =>
      (await sql(`select version from glossary_concepts where slug = 'gastgezin'`))[0].version >
      gastgezin.version,
  },
  {
    name: 'the glossary in SKOS (Turtle)',
    method: 'GET',
    path: async () => `/glossary/skos.ttl`,
    allowed: [...roles],
  },
  {
    name: 'the glossary in SKOS (JSON-LD)',
    method: 'GET',
    path: async () => `/glossary/skos.jsonld`,
    allowed: [...roles],
  },
  {
    name: 'the glossary in CSV',
    method: 'GET',
    path: async () => `/glossary/glossary.csv`,
    allowed: [...roles],
  },
  {
    name: 'the glossary’s scheme URI',
    method: 'GET',
    path: async () => `/glossary`,
    allowed: [...roles],
  },
  {
    name: 'a concept’s URI in the glossary’s exports',
    method: 'GET',
    path: async () => `/glossary/concepts/ocmw`,
    allowed: [...roles],
  },
  {
    name: 'the library of good practices and its search',
    method: 'GET',
    path: async () => `/en/practices?q=room&commune=21004&page=1`,
    allowed: [...roles],
  },
  {
    name: 'a published good practice',
    method: 'GET',
    path: async () => `/en/practices/${await orgPractice('published')}`,
    allowed: [...roles],
  },
  {
    name: 'a draft good practice of an organisation',
    method: 'GET',
    path: async () => `/en/practices/${await orgPractice('draft')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'an unpublished good practice of an organisation',
    method: 'GET',
    path: async () => `/en/practices/${await orgPractice('unpublished')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'the form to write up a good practice',
    method: 'GET',
    path: async () => '/en/practices/new',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'the form of a good practice begun from an accepted answer to a public question',
    method: 'GET',
    path: async () => {
      const question = await networkQuestion();
      const answer = await networkAnswer(question);
      await sql('update questions set accepted_answer_id = $2 where id = $1', [question, answer]);
      return `/en/practices/new?answer=${answer}`;
    },
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'the form of a good practice begun from an answer that is not the accepted one',
    method: 'GET',
    path: async () => `/en/practices/new?answer=${await networkAnswer(await networkQuestion())}`,
    allowed: [],
  },
  {
    name: 'the practices of one’s organisations, drafts included',
    method: 'GET',
    path: async () => '/en/practices/mine',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'write up a good practice',
    method: 'POST',
    path: async () => {
      practicesBefore = await count('select count(*)::int as n from practices');
      return '/en/practices/new';
    },
    body: practiceBody,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () => (await count('select count(*)::int as n from practices')) > practicesBefore,
  },
  {
    name: 'the form to change a good practice',
    method: 'GET',
    path: async () => `/en/practices/${await orgPractice('draft')}/edit`,
    allowed: ['referrer', 'editor', 'admin'],
  },
  {
    name: 'change a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('published')}/edit`,
    body: practiceBody,
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await practiceState()).edited_at !== null,
  },
  {
    name: 'publish a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('draft')}/publish`,
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await practiceState()).status === 'published',
  },
  {
    name: 'unpublish a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('published')}/unpublish`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    changed: async () => (await practiceState()).status === 'unpublished',
  },
  {
    name: 'attach a PDF to a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('published')}/attachments`,
    body: () => ({ 'attachment_title.en': 'The worksheet' }),
    upload: { field: 'attachment', name: 'worksheet.pdf', type: 'application/pdf', data: onePagePdf },
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await practiceAttachments()) === 1,
  },
  {
    name: 'remove a PDF of a good practice',
    method: 'POST',
    path: async () => {
      const id = await practiceAttachment('published');
      return `/en/practices/${practiceSlug}/attachments/${id}/delete`;
    },
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await practiceAttachments()) === 0,
  },
  {
    name: 'a PDF of a published good practice',
    method: 'GET',
    path: async () => `/practice-attachments/${await practiceAttachment('published')}`,
    allowed: [...roles],
  },
  {
    // Like the practice's page: "not found" for those who may not read the draft.
    name: 'a PDF of a draft good practice',
    method: 'GET',
    path: async () => `/practice-attachments/${await practiceAttachment('draft')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'a PDF of an unpublished good practice',
    method: 'GET',
    path: async () => `/practice-attachments/${await practiceAttachment('unpublished')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'feature a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('published')}/feature`,
    allowed: [...staff],
    changed: async () => (await practiceState()).featured === true,
  },
  {
    name: 'stop featuring a good practice',
    method: 'POST',
    path: async () => `/en/practices/${await orgPractice('published', true)}/unfeature`,
    allowed: [...staff],
    changed: async () => (await practiceState()).featured === false,
  },
  {
    name: 'the shared worksheet lists (moderators)',
    method: 'GET',
    path: async () => '/en/practices/items?missing=any',
    allowed: [...staff],
  },
  {
    name: 'an item of the shared worksheet lists (moderators)',
    method: 'GET',
    path: async () => `/en/practices/items/${await orgWorksheetItem()}`,
    allowed: [...staff],
  },
  {
    name: 'translate an item of the shared worksheet lists',
    method: 'POST',
    path: async () => `/en/practices/items/${await orgWorksheetItem()}`,
    body: () => ({
      'labels.en': `Waiting list ${worksheetItemsMade}`,
      'labels.nl': `Wachtlijst ${worksheetItemsMade}`,
    }),
    allowed: [...staff],
    changed: async () => (await worksheetItemLabels())?.nl !== undefined,
  },
  {
    name: 'merge an item of the shared worksheet lists into another',
    method: 'POST',
    path: async () => {
      const into = await orgWorksheetItem();
      const from = await orgWorksheetItem();
      mergeTarget = into;
      return `/en/practices/items/${from}/merge`;
    },
    body: () => ({ into: mergeTarget }),
    allowed: [...staff],
    changed: async () => (await worksheetItemLabels()) === undefined,
  },
  {
    name: 'the board of offers and requests and its filters',
    method: 'GET',
    path: async () => `/en/exchange?q=room&kind=room_or_material&commune=21004&language=ti&page=1`,
    allowed: [...roles],
  },
  {
    name: 'an open offer of an organisation, with its matches',
    method: 'GET',
    path: async () => `/en/exchange/${await orgExchangePost('open')}`,
    allowed: [...roles],
  },
  {
    name: 'a fulfilled offer of an organisation',
    method: 'GET',
    path: async () => `/en/exchange/${await orgExchangePost('fulfilled')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'the form to post an offer or a request',
    method: 'GET',
    path: async () => '/en/exchange/new',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'post an offer or a request for one’s organisation',
    method: 'POST',
    path: async () => {
      exchangePostsBefore = await count('select count(*)::int as n from exchange_posts');
      return '/en/exchange/new';
    },
    body: exchangePostBody,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
    changed: async () => (await count('select count(*)::int as n from exchange_posts')) > exchangePostsBefore,
  },
  {
    name: 'the form to change an offer',
    method: 'GET',
    path: async () => `/en/exchange/${await orgExchangePost()}/edit`,
    allowed: ['referrer', 'editor', 'admin'],
  },
  {
    name: 'change an offer',
    method: 'POST',
    path: async () => `/en/exchange/${await orgExchangePost()}/edit`,
    body: () => ({ ...exchangePostBody(), version: '1' }),
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await exchangePostState()).version === 2,
  },
  {
    name: 'mark an offer fulfilled',
    method: 'POST',
    path: async () => `/en/exchange/${await orgExchangePost()}/fulfil`,
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await exchangePostState()).status === 'fulfilled',
  },
  {
    name: 'close an offer',
    method: 'POST',
    path: async () => `/en/exchange/${await orgExchangePost()}/close`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    changed: async () => (await exchangePostState()).status === 'closed',
  },
  {
    name: 'answer an offer of another organisation (I am interested)',
    method: 'POST',
    path: async () => {
      const id = await orgExchangePost('open');
      exchangeMessagesBefore = await exchangeMessageCount();
      return `/en/exchange/${id}/answer`;
    },
    body: () => ({ message: 'We would like to use the room.' }),
    // The organisation's own members may not (403); the staff answer for the organisation they belong to.
    allowed: ['otherOrgAdmin', ...staff],
    changed: async () =>
      (await count('select count(*)::int as n from exchange_threads t where t.post_id = $1', [
        exchangePostId,
      ])) > 0 && (await exchangeMessageCount()) > exchangeMessagesBefore,
  },
  {
    name: 'a thread about an offer, for its two sides only',
    method: 'GET',
    path: async () => `/en/exchange/threads/${await orgExchangeThread()}`,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin'],
  },
  {
    name: 'write in a thread about an offer',
    method: 'POST',
    path: async () => `/en/exchange/threads/${await orgExchangeThread()}`,
    body: () => ({ message: 'Tuesday at six suits us.' }),
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin'],
    changed: async () =>
      (await count('select count(*)::int as n from exchange_messages where thread_id = $1', [
        exchangeThreadId,
      ])) > 1,
  },
  {
    name: 'my conversations on the exchange',
    method: 'GET',
    path: async () => '/en/exchange/mine',
    allowed: roles.filter((r) => r !== 'visitor'),
  },
  {
    name: 'the calendar of funding calls and its filters',
    method: 'GET',
    path: async () => `/en/exchange/calls?q=projects&funder=vgc&commune=21004&open=1&informal=1&page=1`,
    allowed: [...roles],
  },
  {
    name: 'calls an organisation can apply for (ignored for others)',
    method: 'GET',
    path: async () => `/en/exchange/calls?organisation=${org}`,
    allowed: [...roles],
  },
  {
    name: 'a published funding call',
    method: 'GET',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}`,
    allowed: [...roles],
  },
  {
    name: 'a withdrawn funding call of an organisation',
    method: 'GET',
    path: async () => `/en/exchange/calls/${await orgExchangeCall('withdrawn')}`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    visitor: 'denied',
  },
  {
    name: 'the feed of the calls’ deadlines',
    method: 'GET',
    path: async () => '/en/exchange/calls.ics',
    allowed: [...roles],
  },
  {
    name: 'an organisation’s feed of the calls it follows, at its private address',
    method: 'GET',
    path: async () => followsFeedPath(testConfig().encryptionKeys!, org, 'en'),
    allowed: [...roles],
  },
  {
    name: 'an organisation’s feed of the calls it follows, without its token',
    method: 'GET',
    path: async () => `/en/exchange/calls/organisations/${org}/followed.ics?token=guessed`,
    allowed: [],
    visitor: 'denied',
  },
  {
    name: 'the form to publish a funding call',
    method: 'GET',
    path: async () => '/en/exchange/calls/new',
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'publish a funding call (moderators, and members of a verified organisation)',
    method: 'POST',
    path: async () => {
      // `org` verified, the other admin's organisation not (restored after the request).
      orgVerifications = await sql(
        `select o.id, o.verification from organisations o
         where o.id = $1 or o.id in (select organisation_id from memberships where user_id = $2)`,
        [org, ids.otherOrgAdmin],
      );
      await sql(
        `update organisations set verification = case when id = $1 then 'verified' else 'unverified' end::verification_state
         where id = any($2::uuid[])`,
        [org, orgVerifications.map((o) => o.id)],
      );
      exchangeCallsBefore = await count('select count(*)::int as n from exchange_calls');
      return '/en/exchange/calls/new';
    },
    body: exchangeCallBody,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    changed: async () => {
      const changed = (await count('select count(*)::int as n from exchange_calls')) > exchangeCallsBefore;
      for (const o of orgVerifications)
        await sql('update organisations set verification = $2 where id = $1', [o.id, o.verification]);
      return changed;
    },
  },
  {
    name: 'the form to change a funding call',
    method: 'GET',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/edit`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'change a funding call',
    method: 'POST',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/edit`,
    body: () => ({ ...exchangeCallBody(), version: '1' }),
    allowed: ['referrer', 'editor', 'admin', ...staff],
    changed: async () => (await exchangeCallState()).version === 2,
  },
  {
    name: 'withdraw a funding call',
    method: 'POST',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/withdraw`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
    changed: async () => (await exchangeCallState()).status === 'withdrawn',
  },
  {
    name: 'follow a funding call for an organisation',
    method: 'POST',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/follow`,
    body: () => ({ organisation: org }),
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await followsOfOrg()) === 1,
  },
  {
    name: 'stop following a funding call for an organisation',
    method: 'POST',
    path: async () => {
      const id = await orgExchangeCall();
      await sql('insert into exchange_call_follows (call_id, organisation_id) values ($1, $2)', [id, org]);
      return `/en/exchange/calls/${id}/unfollow`;
    },
    body: () => ({ organisation: org }),
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () => (await followsOfOrg()) === 0,
  },
  {
    name: 'the form to ask for help with a funding call',
    method: 'GET',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/help`,
    allowed: ['otherOrgAdmin', 'referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'ask for help with a funding call for an organisation (a request on the board)',
    method: 'POST',
    path: async () => `/en/exchange/calls/${await orgExchangeCall()}/help`,
    body: () => ({ organisation: org, 'title.en': 'Looking for a writer for this call' }),
    allowed: ['referrer', 'editor', 'admin'],
    changed: async () =>
      (await count(
        `select count(*)::int as n from exchange_call_help where call_id = '${exchangeCallId}'`,
      )) === 1,
  },
  {
    name: 'the agenda’s feed',
    method: 'GET',
    path: async () => `/agenda.ics?commune=21004`,
    allowed: [...roles],
  },
  {
    name: 'the learning paths',
    method: 'GET',
    path: async () => '/en/learn',
    allowed: [...roles],
  },
  {
    name: 'a published learning path',
    method: 'GET',
    path: async () => `/en/learn/${(await learningPath()).slug}`,
    allowed: [...roles],
  },
  {
    name: 'a draft learning path (a preview for those who compose it)',
    method: 'GET',
    path: async () => `/en/learn/${(await learningPath({ status: 'draft' })).slug}`,
    allowed: learningComposers,
    visitor: 'denied',
  },
  {
    name: 'start a learning path',
    method: 'POST',
    path: async () => `/en/learn/${(await learningPath()).slug}/start`,
    allowed: [...roles],
  },
  {
    name: 'a card of a learning path',
    method: 'GET',
    path: async () => `/en/learn/${(await learningPath()).slug}/k0000000001`,
    allowed: [...roles],
  },
  {
    name: 'take a choice on a card of a learning path (counted anonymously)',
    method: 'POST',
    path: async () => `/en/learn/${(await learningPath()).slug}/k0000000001`,
    body: () => ({ step: 'choose', choice: 'k00000000c2' }),
    allowed: [...roles],
    changed: async () => (await learningChoices()) === 1,
  },
  {
    name: 'the feedback of a choice in a learning path',
    method: 'GET',
    path: async () => `/en/learn/${(await learningPath()).slug}/k0000000001/feedback?choice=k00000000c1`,
    allowed: [...roles],
  },
  {
    name: 'the completion page of a learning path',
    method: 'GET',
    path: async () => `/en/learn/${(await learningPath()).slug}/done`,
    allowed: [...roles],
  },
  {
    name: 'the completion page with a name typed for the print',
    method: 'POST',
    path: async () => `/en/learn/${(await learningPath()).slug}/done`,
    body: () => ({ name: 'A learner' }),
    allowed: roles.filter((r) => r !== 'visitor'),
  },
  {
    name: 'the learning paths one composes',
    method: 'GET',
    path: async () => {
      await learningPath();
      return '/en/paths';
    },
    allowed: learningComposers,
  },
  {
    name: 'form for a new learning path',
    method: 'GET',
    path: async () => {
      await learningPath();
      return '/en/paths/new';
    },
    allowed: learningComposers,
  },
  {
    name: 'create a learning path',
    method: 'POST',
    path: async () => {
      await learningPath();
      networkCountBefore = await count('select count(*)::int as n from learning_paths');
      return '/en/paths/new';
    },
    body: () => ({
      slug: `new-table-path-${++learningPathSlugs}`,
      'title.nl': 'Nieuw',
      'title.fr': 'Nouveau',
      'title.en': 'New',
    }),
    allowed: learningComposers,
    changed: async () => (await count('select count(*)::int as n from learning_paths')) > networkCountBefore,
  },
  {
    name: 'a learning path’s page for its composers',
    method: 'GET',
    path: async () => `/en/paths/${(await learningPath()).id}`,
    allowed: learningComposers,
  },
  {
    name: 'a learning path of the moderators, for its composers',
    method: 'GET',
    path: async () => `/en/paths/${(await learningPath({ organisation: null })).id}`,
    allowed: [...staff],
  },
  {
    name: 'change a learning path’s title',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath()).id}`,
    body: () => ({
      version: String(learningVersion),
      slug: `changed-table-path-${++learningPathSlugs}`,
      'title.nl': 'Ander',
      'title.fr': 'Autre',
      'title.en': 'Other',
    }),
    allowed: learningComposers,
    changed: async () => (await learningRow()).version > 1,
  },
  {
    name: 'publish a learning path',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath({ status: 'draft' })).id}/publish`,
    allowed: learningComposers,
    changed: async () => (await learningRow()).status === 'published',
  },
  {
    name: 'take a learning path back to draft',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath()).id}/unpublish`,
    allowed: learningComposers,
    changed: async () => (await learningRow()).status === 'draft',
  },
  {
    name: 'how often the choices of a learning path were made',
    method: 'GET',
    path: async () => `/en/paths/${(await learningPath()).id}/choices`,
    allowed: ['referrer', 'editor', 'admin', ...staff],
  },
  {
    name: 'form for a new card of a learning path',
    method: 'GET',
    path: async () => `/en/paths/${(await learningPath()).id}/cards/new?kind=quiz`,
    allowed: learningComposers,
  },
  {
    name: 'add a card to a learning path',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath()).id}/cards/new`,
    body: () => learningCard(),
    allowed: learningComposers,
    changed: async () => (await learningRow()).cards.length === 3,
  },
  {
    name: 'form to change a card of a learning path',
    method: 'GET',
    path: async () => `/en/paths/${(await learningPath()).id}/cards/k0000000002`,
    allowed: learningComposers,
  },
  {
    name: 'change a card of a learning path',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath()).id}/cards/k0000000002`,
    body: () => learningCard({ 'text.en': 'Changed text' }),
    allowed: learningComposers,
    changed: async () => (await learningRow()).cards[1].text.en === 'Changed text',
  },
  {
    name: 'move a card of a learning path down',
    method: 'POST',
    path: async () => {
      const { id } = await learningPath();
      // The text first, then the situation (one choice to the end): moved down, the text follows it.
      const cards = tableCards();
      cards[0]!.choices![0]!.next = 'end';
      await sql('update learning_paths set cards = $2 where id = $1', [
        id,
        JSON.stringify([cards[1], cards[0]]),
      ]);
      return `/en/paths/${id}/cards/k0000000002/move`;
    },
    body: () => ({ version: String(learningVersion), direction: 'down' }),
    allowed: learningComposers,
    changed: async () => (await learningRow()).cards[0].key === 'k0000000001',
  },
  {
    name: 'remove a card of a learning path',
    method: 'POST',
    path: async () => `/en/paths/${(await learningPath()).id}/cards/k0000000002/remove`,
    body: () => ({ version: String(learningVersion) }),
    allowed: learningComposers,
    changed: async () => (await learningRow()).cards.length === 1,
  },
  {
    name: 'the organisations allowed to compose learning paths',
    method: 'GET',
    path: async () => '/en/paths/composers',
    allowed: [...staff],
  },
  {
    name: 'allow an organisation to compose learning paths',
    method: 'POST',
    path: async () => {
      await sql('delete from learning_composers where organisation_id = $1', [await spareLearningOrg()]);
      return '/en/paths/composers';
    },
    body: () => ({ organisation: learningSpareOrg }),
    allowed: [...staff],
    changed: async () =>
      (await count('select count(*)::int as n from learning_composers where organisation_id = $1', [
        learningSpareOrg,
      ])) === 1,
  },
  {
    name: 'withdraw an organisation from composing learning paths',
    method: 'POST',
    path: async () => {
      await sql('insert into learning_composers (organisation_id) values ($1) on conflict do nothing', [
        await spareLearningOrg(),
      ]);
      return `/en/paths/composers/${learningSpareOrg}/withdraw`;
    },
    allowed: [...staff],
    changed: async () =>
      (await count('select count(*)::int as n from learning_composers where organisation_id = $1', [
        learningSpareOrg,
      ])) === 0,
  },
  {
    name: 'an organisation’s events feed',
    method: 'GET',
    path: async () => `/organisations/${org}/events.ics`,
    allowed: [...roles],
  },
];

function outcomeOf(status: number): Outcome | `unexpected ${number}` {
  if (status === 200 || status === 303) return 'ok';
  if (status === 403 || status === 404) return 'denied';
  if (status === 401) return 'login';
  return `unexpected ${status}`;
}

describe('authorisation, every route by every role', () => {
  for (const c of cases) {
    for (const role of roles) {
      const expected: Outcome = c.allowed.includes(role)
        ? 'ok'
        : role === 'visitor'
          ? (c.visitor ?? 'login')
          : 'denied';
      it(`${c.name} — ${role} — ${expected}`, async () => {
        const client = clients[role];
        const path = await c.path();
        let status: number;
        let location: string | undefined;
        if (c.method === 'GET') {
          const res = await client.get(path);
          status = res.statusCode;
          location = res.headers.location as string | undefined;
        } else {
          // A page of the site gives the token, as a browser would have one.
          await client.get('/en/password/forgot');
          const res = c.upload
            ? await client.upload(path, (c.body?.() ?? {}) as Record<string, string>, c.upload)
            : await client.post(path, c.body?.() ?? {});
          status = res.statusCode;
          location = res.headers.location as string | undefined;
        }
        if (role === 'visitor' && c.method === 'GET' && expected === 'login') {
          expect(status).toBe(303);
          expect(location).toMatch(/^\/en\/login\?next=/);
        } else if (expected === 'ok' && status === 303) {
          expect(location).not.toMatch(/\/login/);
          expect(outcomeOf(status)).toBe('ok');
        } else {
          expect(outcomeOf(status)).toBe(expected);
        }
        if (c.changed) expect(await c.changed()).toBe(expected === 'ok');
      });
    }
  }
});

describe('the development outbox', () => {
  it('does not exist in production', async () => {
    const production = await createTestApp({ demo: false, config: { env: 'production' } });
    try {
      expect((await production.app.inject('/en/dev/outbox')).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe('moderators and the organisations of others', () => {
  it('a moderator cannot take over an organisation with admins through a claim', async () => {
    for (const role of staff) {
      const client = clients[role];
      await client.get('/en/password/forgot');
      await sql(`delete from claims where organisation_id = $1`, [org]);
      const claimed = await client.post(`/en/organisations/${org}/claim`, { message: 'I coordinate this.' });
      expect(claimed.statusCode).toBe(200);
      const [{ id }] = await sql(`select id from claims where organisation_id = $1 and user_id = $2`, [
        org,
        ids[role],
      ]);
      // The organisation's admin is asked, not the moderators.
      const [{ n: toAdmin }] = await sql(
        `select count(*)::int n from outbox where "to" = $1 and subject like 'Someone asks to manage%'`,
        [clients.admin.email],
      );
      expect(toAdmin).toBeGreaterThan(0);

      const approved = await client.post(`/en/claims/${id}/approve`, {});
      expect(outcomeOf(approved.statusCode)).toBe('denied');
      expect(await sql(`select status from claims where id = $1`, [id])).toEqual([{ status: 'pending' }]);
      expect(
        await sql(`select 1 from memberships where organisation_id = $1 and user_id = $2`, [org, ids[role]]),
      ).toEqual([]);
      // So the organisation's referrals and API tokens stay closed to them.
      expect((await client.get(`/en/referrals/${await freshReferral()}`)).statusCode).toBe(404);
      expect((await client.get(`/en/manage/organisations/${org}/api-tokens`)).statusCode).toBe(404);
      // Nor does the moderators' queue offer it.
      expect((await client.get('/en/moderation/claims')).body).not.toContain(id);
    }
  });

  it('nobody decides their own claim; the admins hear of every decision', async () => {
    await clients.moderator.get('/en/password/forgot');
    await sql(`delete from claims where organisation_id = $1`, [adminlessOrg]);
    await sql(`delete from memberships where organisation_id = $1`, [adminlessOrg]);
    await clients.moderator.post(`/en/organisations/${adminlessOrg}/claim`, { message: 'Our group.' });
    const [{ id }] = await sql(`select id from claims where organisation_id = $1 and user_id = $2`, [
      adminlessOrg,
      ids.moderator,
    ]);
    const own = await clients.moderator.post(`/en/claims/${id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(await sql(`select status from claims where id = $1`, [id])).toEqual([{ status: 'pending' }]);
    // Another moderator, who does not belong to it, decides.
    await clients.platformAdmin.get('/en/password/forgot');
    expect((await clients.platformAdmin.post(`/en/claims/${id}/approve`, {})).statusCode).toBe(303);

    // Now the moderator is its admin; a second claim is hers to decide, and the other admins hear of it.
    await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{admin}')`, [
      ids.editor,
      adminlessOrg,
    ]);
    const second = await freshClaim(adminlessOrg);
    expect((await clients.moderator.post(`/en/claims/${second}/reject`, {})).statusCode).toBe(303);
    const [mail] = await sql(`select subject from outbox where "to" = $1 order by created_at desc limit 1`, [
      clients.editor.email,
    ]);
    expect(mail.subject).toMatch(/^Request for .* rejected$/);
  });

  it('a moderator who claims a listing herself decides no other claim on it, nor sees it queued', async () => {
    await sql(`delete from claims where organisation_id = $1`, [adminlessOrg]);
    await sql(`delete from memberships where organisation_id = $1`, [adminlessOrg]);
    const other = await freshClaim(adminlessOrg);
    await clients.moderator.get('/en/password/forgot');
    await clients.moderator.post(`/en/organisations/${adminlessOrg}/claim`, { message: 'Mine too.' });
    expect((await clients.moderator.get('/en/moderation/claims')).body).not.toContain(other);
    const refused = await clients.moderator.post(`/en/claims/${other}/reject`, {});
    expect(refused.statusCode).toBe(403);
    expect(await sql(`select status from claims where id = $1`, [other])).toEqual([{ status: 'pending' }]);
    // The other moderator sees both and may decide.
    const queue = (await clients.platformAdmin.get('/en/moderation/claims')).body;
    expect(queue).toContain(other);
  });

  it('a moderator cannot verify, or vouch for, an organisation she belongs to', async () => {
    const client = clients.moderator;
    await client.get('/en/password/forgot');
    // Entered on the platform and not verified: in the moderators' queue.
    await sql(
      `update organisations set verification = 'unverified', provenance_source = 'passerelle' where id = $1`,
      [moderatorsOwnOrg],
    );
    const refused = await client.post(`/en/moderation/organisations/${moderatorsOwnOrg}/verify`, {
      verified: '1',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You belong to this organisation');
    expect(await sql(`select verification from organisations where id = $1`, [moderatorsOwnOrg])).toEqual([
      { verification: 'unverified' },
    ]);
    // The queue says why instead of offering the button.
    const queue = await client.get('/en/moderation');
    expect(queue.body).toContain('another moderator verifies it');
    expect(queue.body).not.toContain(`/moderation/organisations/${moderatorsOwnOrg}/verify`);

    // Vouching: as the admin of a verified organisation, for a group she belongs to.
    const [{ id: voucher }] = await sql(
      `select id from organisations where verification = 'verified' and id not in ($1, $2, $3) limit 1`,
      [org, adminlessOrg, moderatorsOwnOrg],
    );
    await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{admin}')`, [
      ids.moderator,
      voucher,
    ]);
    await sql(`update organisations set kind = 'citizen_initiative' where id = $1`, [moderatorsOwnOrg]);
    const vouched = await client.post(`/en/organisations/${moderatorsOwnOrg}/vouch`, { voucher });
    expect(vouched.statusCode).toBe(403);
    expect(await sql(`select 1 from vouches where organisation_id = $1`, [moderatorsOwnOrg])).toEqual([]);
  });
});
