// Demo funding calls, so that the calendar of a demo start is not empty: made up, marked as demo
// (exchange_calls.is_demo, a badge and a note on their pages), published by the moderators (no
// organisation, no person), their links at example.org (a domain kept for examples). They show
// what the calendar does: a call open now, one that opens later, one informal groups may apply for,
// one that asks for a KBO number, one for a few communes. Dates are counted from the start day, at
// noon in Brussels. Loaded once, with the demo directory, into a database without calls.
import { count } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { exchangeCalls } from './calls.schema.ts';
import { insertCall } from './calls.repo.ts';
import { defaultCallZone } from './calls.vocabulary.ts';
import type { CheckedCall } from './check-call.ts';

/** A call as the checks would give it, its dates counted in days from the start day. */
type DemoCall = Omit<CheckedCall, 'allBrussels' | 'opensAt' | 'closesAt' | 'timeZone' | 'link'> & {
  /** Days from today to its opening (negative: open already) and to its deadline. */
  opensIn: number;
  closesIn: number;
};

const demoCalls: DemoCall[] = [
  {
    funder: 'vgc',
    title: {
      nl: 'Demo: projectoproep buurtwerking en ontmoeting',
      fr: 'Démo : appel à projets travail de quartier et rencontre',
      en: 'Demo: call for neighbourhood and encounter projects',
    },
    summary: {
      nl: 'Voor projecten die buren samenbrengen in een ontmoetingsruimte. Eén jaar, hernieuwbaar.',
      fr: 'Pour des projets qui rassemblent des voisins dans un lieu de rencontre. Un an, renouvelable.',
      en: 'For projects that bring neighbours together in a meeting place. One year, renewable.',
    },
    amountMin: 2_000,
    amountMax: 15_000,
    informalEligible: false,
    kboRequired: true,
    themes: ['encounter.community-centre'],
    communes: [],
    opensIn: -20,
    closesIn: 40,
  },
  {
    funder: 'cocof',
    title: {
      fr: 'Démo : soutien aux initiatives de cohésion sociale',
      nl: 'Demo: steun voor initiatieven rond sociale cohesie',
    },
    summary: {
      fr: 'Soutien ponctuel aux associations et aux groupes de fait qui organisent des activités de cohésion sociale.',
      nl: 'Eenmalige steun voor verenigingen en feitelijke verenigingen met activiteiten rond sociale cohesie.',
    },
    amountMin: 500,
    amountMax: 5_000,
    informalEligible: true,
    kboRequired: false,
    themes: [],
    communes: ['21004', '21012', '21015'],
    opensIn: -5,
    closesIn: 12,
  },
  {
    funder: 'foundation',
    title: {
      en: 'Demo: small grants for self-organisations',
      fr: 'Démo : petites bourses pour les auto-organisations',
      nl: 'Demo: kleine beurzen voor zelforganisaties',
    },
    summary: {
      en: 'Up to 3,000 euros for groups run by volunteers with a migration background: rent, copies, a phone.',
      fr: 'Jusqu’à 3 000 euros pour des groupes de bénévoles issus de la migration : loyer, copies, téléphone.',
    },
    amountMin: null,
    amountMax: 3_000,
    informalEligible: true,
    kboRequired: false,
    themes: [],
    communes: [],
    opensIn: 10,
    closesIn: 70,
  },
  {
    funder: 'crowdfunding',
    title: {
      nl: 'Demo: verdubbeling van buurtcrowdfunding',
      fr: 'Démo : doublement du crowdfunding de quartier',
      en: 'Demo: matched crowdfunding for neighbourhood projects',
    },
    summary: {
      en: 'Every euro raised from neighbours is matched, up to the amount below, for projects that reach their goal.',
      nl: 'Elke euro die buren bijeenbrengen wordt verdubbeld, tot het bedrag hieronder, voor projecten die hun doel halen.',
    },
    amountMin: null,
    amountMax: 10_000,
    informalEligible: true,
    kboRequired: false,
    themes: ['youth.homework'],
    communes: [],
    opensIn: -30,
    closesIn: 95,
  },
];

/** The day `days` from `now`'s Brussels day, at noon in Brussels. */
const noonIn = (now: Date, days: number) =>
  DateTime.fromJSDate(now, { zone: defaultCallZone })
    .startOf('day')
    .plus({ days })
    .set({ hour: 12 })
    .toJSDate();

export async function loadDemoCalls(db: Database, now: Date): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(exchangeCalls);
  if ((existing?.n ?? 0) > 0) return 0;
  await db.transaction(async (tx) => {
    for (const { opensIn, closesIn, ...fields } of demoCalls)
      await insertCall(tx, {
        ...fields,
        allBrussels: fields.communes.length === 0,
        opensAt: noonIn(now, opensIn),
        closesAt: noonIn(now, closesIn),
        timeZone: defaultCallZone,
        link: 'https://example.org/',
        publisherId: null,
        authorId: null,
        isDemo: true,
        now,
      });
  });
  return demoCalls.length;
}
