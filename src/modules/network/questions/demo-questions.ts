// Demo questions, so that the questions of a demo start are not empty: made up, asked and answered
// for demo organisations (organisations.is_demo), marked as demo (questions.is_demo; their answers
// belong to them). No person is named: the author is left empty and the pages say "a demo member".
// They show what the module does: a question in one language answered in another, an accepted
// answer, answers pointing to services of the directory, a question for members only. Loaded once,
// with the demo directory, into a database without questions.
import { count } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { listOrganisationRows, listServices } from '../../directory/index.ts';
import { questions } from '../network.schema.ts';
import type { PostLanguage, QuestionVisibility } from '../network.vocabulary.ts';
import { refreshQuestionTerms } from './question-terms.ts';
import { insertAnswer, insertQuestion, setAcceptedAnswer } from './questions.repo.ts';

interface DemoAnswer {
  language: PostLanguage;
  body: string;
  /** Links to the first demo service of this theme, if there is one. */
  serviceTheme?: string;
  accepted?: boolean;
}

interface DemoQuestion {
  language: PostLanguage;
  title: string;
  body: string;
  themes: string[];
  communeNis: string | null;
  visibility: QuestionVisibility;
  /** How long ago it was asked; its answers follow a few hours apart. */
  daysAgo: number;
  answers: DemoAnswer[];
}

const demoQuestions: DemoQuestion[] = [
  {
    language: 'nl',
    title: 'Waar kan iemand zonder verblijfspapieren terecht voor dringende medische hulp?',
    body: 'Een bezoeker van onze koffietafel heeft al een week pijn aan een tand en heeft geen papieren. Naar welke dienst in Schaarbeek of omgeving kunnen we hem sturen, en wat moet hij meebrengen?',
    themes: ['health.urgent-medical-aid', 'residence.undocumented-support'],
    communeNis: '21015',
    visibility: 'everyone',
    daysAgo: 9,
    answers: [
      {
        language: 'fr',
        body: 'L’aide médicale urgente passe par le CPAS de la commune où la personne vit. En attendant, une consultation sans rendez-vous peut la recevoir : voir la fiche ci-dessous. Qu’elle prenne une preuve d’adresse si elle en a une, même une attestation d’hébergement.',
        serviceTheme: 'health',
        accepted: true,
      },
      {
        language: 'en',
        body: 'Dental care is often the hardest part: ask the CPAS/OCMW social worker explicitly for it when the urgent medical aid card is made.',
      },
    ],
  },
  {
    language: 'fr',
    title: 'Quels documents pour demander le revenu d’intégration au CPAS ?',
    body: 'Une dame que nous accompagnons veut demander le revenu d’intégration. Elle a peur d’être renvoyée parce qu’il manque un papier. Qu’est-ce que le CPAS demande en général au premier rendez-vous ?',
    themes: ['income.social-assistance'],
    communeNis: null,
    visibility: 'everyone',
    daysAgo: 6,
    answers: [
      {
        language: 'nl',
        body: 'Voor het leefloon vraagt het OCMW meestal: identiteitskaart, bankrekeningnummer, bewijs van inkomsten van de laatste maanden en het huurcontract. Ontbreekt er iets, dan moet het OCMW de aanvraag toch registreren en zelf de ontbrekende gegevens opvragen. Een dienst die meegaat naar het eerste gesprek helpt vaak.',
        serviceTheme: 'income',
        accepted: true,
      },
    ],
  },
  {
    language: 'fr',
    title: 'Une salle gratuite pour un groupe de parole de femmes le samedi ?',
    body: 'Notre association de femmes cherche une salle pour douze personnes, un samedi sur deux l’après-midi, à Molenbeek ou à Anderlecht. Nous n’avons pas de budget pour la location.',
    themes: ['encounter.women-groups'],
    communeNis: '21012',
    visibility: 'everyone',
    daysAgo: 3,
    answers: [
      {
        language: 'nl',
        body: 'Kijk bij de zalen op dit platform: sommige buurthuizen lenen hun zaal gratis uit aan vrijwilligersgroepen. Ons buurthuis is op zaterdag open, vraag het gerust aan.',
        serviceTheme: 'encounter',
      },
    ],
  },
  {
    language: 'en',
    title: 'A family is to be evicted next month: where do we start?',
    body: 'We support a family with three children who received an eviction judgment. They speak Arabic and some French. What can still be done in a month, and who should we call first?',
    themes: ['housing.tenant-rights', 'family'],
    communeNis: null,
    visibility: 'members',
    daysAgo: 1,
    answers: [
      {
        language: 'fr',
        body: 'Contactez tout de suite un service d’aide juridique de première ligne : un délai peut parfois être demandé au juge de paix. Le CPAS doit aussi être prévenu pour un relogement d’urgence.',
        serviceTheme: 'housing',
      },
    ],
  },
];

export async function loadDemoQuestions(db: Database, now: Date): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(questions);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo,
  );
  if (organisations.length < 2) return 0;
  const serviceOf = new Map<string, string>();
  for (const theme of new Set(demoQuestions.flatMap((q) => q.answers.flatMap((a) => a.serviceTheme ?? [])))) {
    const services = await listServices(db, { theme }, { page: 1, perPage: 20 });
    const demo = services.items.find((s) => s.organisation.isDemo);
    if (demo) serviceOf.set(theme, demo.id);
  }
  const hour = 3_600_000;
  let writer = 0;
  const nextOrganisation = () => organisations[writer++ % organisations.length]!.id;
  await db.transaction(async (tx) => {
    for (const q of demoQuestions) {
      const asked = new Date(now.getTime() - q.daysAgo * 24 * hour);
      const id = await insertQuestion(tx, {
        authorId: null,
        organisationId: nextOrganisation(),
        title: q.title,
        body: q.body,
        language: q.language,
        themes: q.themes,
        communeNis: q.communeNis,
        visibility: q.visibility,
        isDemo: true,
        now: asked,
      });
      for (const [i, a] of q.answers.entries()) {
        const service = a.serviceTheme ? serviceOf.get(a.serviceTheme) : undefined;
        const answerId = await insertAnswer(tx, {
          questionId: id,
          authorId: null,
          organisationId: nextOrganisation(),
          body: a.body,
          language: a.language,
          serviceIds: service ? [service] : [],
          organisationIds: [],
          now: new Date(asked.getTime() + (i + 2) * hour),
        });
        if (a.accepted) await setAcceptedAnswer(tx, id, answerId, asked);
      }
      await refreshQuestionTerms(tx, { id, ...q }, false);
    }
  });
  return demoQuestions.length;
}
