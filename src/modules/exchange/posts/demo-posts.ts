// Demo offers and requests, so that the board of a demo start is not empty: made up, posted for
// demo organisations (organisations.is_demo), marked as demo (exchange_posts.is_demo). No person is
// named: the author is left empty. They show what the board does: a request for interpreters in
// Tigrinya and an offer that names Tigrinya (each the other's match), a room offered to all
// Brussels, help with a subsidy file asked for, volunteers offered. Loaded once, with the demo
// directory, into a database without posts.
import { count } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { listOrganisationRows } from '../../directory/index.ts';
import { exchangePosts } from '../exchange.schema.ts';
import type { PostDirection, PostKind } from '../exchange.vocabulary.ts';
import { addDays, brusselsDay } from './dates.ts';
import { refreshPostTerms } from './post-terms.ts';
import { insertPost } from './posts.repo.ts';

interface DemoPost {
  direction: PostDirection;
  kind: PostKind;
  title: I18nText;
  body: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  /** Posted this many days ago; on the board for this many days more. */
  daysAgo: number;
  daysLeft: number;
  informalMayAnswer: boolean;
}

const demoPosts: DemoPost[] = [
  {
    direction: 'request',
    kind: 'interpreting',
    title: {
      nl: 'Tolk Tigrinya gezocht voor ouderavonden',
      fr: 'Cherchons interprète en tigrinya pour des réunions de parents',
    },
    body: {
      nl: 'Twee keer per maand, ’s avonds, in onze buurtschool. Vrijwillig of tegen een kleine vergoeding.',
      fr: 'Deux fois par mois, en soirée, dans notre école de quartier. Bénévole ou contre un petit défraiement.',
    },
    languages: ['ti'],
    themes: ['youth.homework', 'social-support.interpreting'],
    communes: ['21015'],
    daysAgo: 3,
    daysLeft: 60,
    informalMayAnswer: true,
  },
  {
    direction: 'offer',
    kind: 'interpreting',
    title: {
      fr: 'Interprètes bénévoles : tigrinya, amharique, arabe',
      en: 'Volunteer interpreters: Tigrinya, Amharic, Arabic',
    },
    body: {
      fr: 'Notre groupe compte six interprètes bénévoles. Nous accompagnons aux rendez-vous dans toute la région.',
      en: 'Our group has six volunteer interpreters. We go along to appointments anywhere in the region.',
    },
    languages: ['ti', 'am', 'ar'],
    themes: ['social-support.interpreting'],
    communes: [],
    daysAgo: 8,
    daysLeft: 90,
    informalMayAnswer: true,
  },
  {
    direction: 'offer',
    kind: 'room_or_material',
    title: {
      nl: 'Vergaderzaal gratis op dinsdagavond',
      fr: 'Salle de réunion gratuite le mardi soir',
      en: 'Meeting room free on Tuesday evenings',
    },
    body: {
      nl: 'Voor twintig personen, met beamer en koffie. Rolstoeltoegankelijk.',
      fr: 'Pour vingt personnes, avec projecteur et café. Accessible en fauteuil roulant.',
    },
    languages: [],
    themes: ['encounter.community-centre'],
    communes: ['21004'],
    daysAgo: 5,
    daysLeft: 120,
    informalMayAnswer: true,
  },
  {
    direction: 'request',
    kind: 'expertise',
    title: {
      fr: 'Aide pour un dossier de subsides COCOF',
      nl: 'Hulp gezocht bij een subsidiedossier',
    },
    body: {
      fr: 'Nous sommes une auto-organisation sans personnel. Qui peut relire notre budget et notre projet avant la date limite ?',
    },
    languages: ['fr'],
    themes: ['encounter.women-groups'],
    communes: ['21012'],
    daysAgo: 1,
    daysLeft: 25,
    informalMayAnswer: true,
  },
  {
    direction: 'offer',
    kind: 'volunteers',
    title: { en: 'Students to help with homework clubs', nl: 'Studenten voor huiswerkbegeleiding' },
    body: { en: 'A dozen students can give two hours a week until the summer.' },
    languages: ['en', 'nl', 'fr'],
    themes: ['youth.homework'],
    communes: [],
    daysAgo: 12,
    daysLeft: 150,
    informalMayAnswer: false,
  },
];

export async function loadDemoPosts(db: Database, now: Date): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(exchangePosts);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo,
  );
  if (organisations.length < 2) return 0;
  const today = brusselsDay(now);
  await db.transaction(async (tx) => {
    for (const [i, p] of demoPosts.entries()) {
      const { daysAgo, daysLeft, ...fields } = p;
      const values = { ...fields, allBrussels: p.communes.length === 0, until: addDays(today, daysLeft) };
      const id = await insertPost(tx, {
        ...values,
        organisationId: organisations[i % organisations.length]!.id,
        authorId: null,
        isDemo: true,
        now: new Date(now.getTime() - daysAgo * 86_400_000),
      });
      await refreshPostTerms(tx, { id, ...values });
    }
  });
  return demoPosts.length;
}
