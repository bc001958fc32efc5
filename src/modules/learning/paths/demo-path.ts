// The demo path, so that the learning paths of a demo start are not empty: "Someone asks you about
// their residence papers", in nl, fr and en, marked as demo (learning_paths.is_demo) and composed by
// the moderators (no organisation, no author). It branches (what a volunteer may do when asked),
// links to words of the glossary, and says who to refer to in general terms; nobody is named.
// Loaded at every demo start when it is missing (no path at its address yet), so a demo database
// made before there were paths gets it too, and a second start adds nothing; checked as any path is.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { thesaurusConcepts } from '../../glossary/index.ts';
import { learningPaths } from '../learning.schema.ts';
import { endOfPath } from '../learning.vocabulary.ts';
import { type Card, newKey } from './cards.ts';
import { checkCards } from './check-path.ts';
import { insertPath } from './paths.repo.ts';

const t = (nl: string, fr: string, en: string): I18nText => ({ nl, fr, en });

export const demoPathSlug = 'residence-papers';

export function demoCards(): Card[] {
  const [ask, refer, why, health, quiz, remember] = [
    newKey(),
    newKey(),
    newKey(),
    newKey(),
    newKey(),
    newKey(),
  ];
  return [
    {
      key: ask,
      kind: 'situation',
      text: t(
        'Na de huiswerkklas neemt een moeder die je goed kent je apart. Ze kreeg een brief over haar verblijfskaart en vraagt wat ze moet doen. Ze is ongerust.',
        'Après l’école de devoirs, une maman que vous connaissez bien vous prend à part. Elle a reçu une lettre au sujet de sa carte de séjour et vous demande ce qu’elle doit faire. Elle est inquiète.',
        'After the homework club, a mother you know well takes you aside. She received a letter about her residence card and asks you what to do. She is worried.',
      ),
      choices: [
        {
          key: newKey(),
          label: t(
            'Je leest de brief samen met haar, kijkt naar de datum en zoekt met haar gratis juridisch advies.',
            'Vous lisez la lettre avec elle, regardez la date et cherchez avec elle un conseil juridique gratuit.',
            'You read the letter with her, look at the date, and look for free legal advice together.',
          ),
          feedback: t(
            'Goed. Samen lezen stelt gerust, en een brief over verblijf heeft vaak een termijn. Jij hoeft het dossier niet op te lossen: je wijst de weg naar wie het kan.',
            'Bien. Lire ensemble rassure, et une lettre sur le séjour a souvent un délai. Vous n’avez pas à résoudre le dossier : vous montrez le chemin vers ceux qui le peuvent.',
            'Good. Reading together reassures, and a letter about residence often has a deadline. You do not have to solve the case: you show the way to those who can.',
          ),
          next: refer,
        },
        {
          key: newKey(),
          label: t(
            'Je zegt wat zij volgens jou moet doen: bij een vriendin van je liep het ook goed af.',
            'Vous lui dites ce qu’elle devrait faire selon vous : pour une amie à vous, tout s’est bien passé.',
            'You tell her what you think she should do: it worked out for a friend of yours.',
          ),
          feedback: t(
            'Goedbedoeld, maar elk dossier is anders en het vreemdelingenrecht verandert vaak. Een verkeerde raad kan een termijn doen verstrijken.',
            'C’est bien intentionné, mais chaque dossier est différent et le droit des étrangers change souvent. Un mauvais conseil peut faire passer un délai.',
            'Well meant, but every case is different and migration law changes often. Wrong advice can make a deadline pass.',
          ),
          next: why,
        },
        {
          key: newKey(),
          label: t(
            'Je zegt dat dit niet jouw rol is en begint over iets anders.',
            'Vous dites que ce n’est pas votre rôle et changez de sujet.',
            'You say that this is not your role and change the subject.',
          ),
          feedback: t(
            'Je hoeft inderdaad geen jurist te zijn, maar ze vertrouwt je. Je kunt haar wel doorverwijzen: zo blijft ze niet alleen met haar vraag.',
            'Vous n’avez en effet pas à être juriste, mais elle vous fait confiance. Vous pouvez l’orienter : ainsi elle ne reste pas seule avec sa question.',
            'Indeed you need not be a lawyer, but she trusts you. You can still refer her: that way she is not left alone with her question.',
          ),
          next: refer,
        },
      ],
    },
    {
      key: refer,
      kind: 'text',
      text: t(
        'Naar wie verwijs je? Vragen over verblijf zijn juridische vragen. Juridisch eerstelijnsadvies is gratis en geeft een eerste uitleg. Voor een procedure kan een advocaat pro deo helpen. Gespecialiseerde diensten in vreemdelingenrecht kennen de regels van de Dienst Vreemdelingenzaken.\n\nZoek ze op de sociale kaart, in de taal van de persoon als het kan. Zeg erbij: neem de brief en alle documenten mee, en wacht niet tot de termijn bijna voorbij is.',
        'Vers qui orienter ? Les questions de séjour sont des questions juridiques. L’aide juridique de première ligne est gratuite et donne une première explication. Pour une procédure, un avocat pro deo peut aider. Des services spécialisés en droit des étrangers connaissent les règles de l’Office des étrangers.\n\nCherchez-les sur la carte sociale, si possible dans la langue de la personne. Ajoutez : prenez la lettre et tous les documents, et n’attendez pas la fin du délai.',
        'Who do you refer to? Questions about residence are legal questions. First-line legal advice is free and gives a first explanation. For a procedure, a legal aid (pro deo) lawyer can help. Services specialised in migration law know the rules of the Immigration Office.\n\nFind them on the social map, in the person’s language if you can. Add: bring the letter and all documents, and do not wait until the deadline has almost passed.',
      ),
      concepts: ['verblijfsvergunning', 'dvz', 'juridisch-advies', 'pro-deo', 'vreemdelingenrecht'],
      services: [],
      next: health,
    },
    {
      key: why,
      kind: 'text',
      text: t(
        'Waarom zelf geen raad geven? Het verblijfsrecht hangt af van de situatie van elke persoon: nationaliteit, gezin, werk, eerdere procedures. Wat voor de een goed afliep, kan voor de ander een fout zijn. Je helpt het best door te luisteren, de brief samen te lezen en door te verwijzen.',
        'Pourquoi ne pas conseiller soi-même ? Le droit au séjour dépend de la situation de chaque personne : nationalité, famille, travail, procédures passées. Ce qui a réussi pour l’une peut être une erreur pour l’autre. Vous aidez le mieux en écoutant, en lisant la lettre ensemble et en orientant.',
        'Why not give advice yourself? The right to stay depends on each person’s situation: nationality, family, work, earlier procedures. What worked for one may be a mistake for another. You help best by listening, reading the letter together and referring.',
      ),
      concepts: ['regularisatie'],
      services: [],
      next: refer,
    },
    {
      key: health,
      kind: 'situation',
      text: t(
        'Enkele weken later vertelt ze dat haar verblijfskaart niet meer geldig is. Haar kind is ziek, maar ze durft niet naar een dokter.',
        'Quelques semaines plus tard, elle vous dit que sa carte de séjour n’est plus valable. Son enfant est malade, mais elle n’ose pas aller chez un médecin.',
        'A few weeks later she tells you that her residence card is no longer valid. Her child is ill, but she does not dare to see a doctor.',
      ),
      choices: [
        {
          key: newKey(),
          label: t(
            'Je legt uit dat dringende medische hulp bestaat, ook zonder papieren, via het OCMW van de gemeente waar ze woont.',
            'Vous expliquez que l’aide médicale urgente existe, même sans papiers, via le CPAS de la commune où elle habite.',
            'You explain that urgent medical aid exists, also without papers, through the CPAS/OCMW of the commune where she lives.',
          ),
          feedback: t(
            'Juist. Zorgverleners hebben beroepsgeheim, en dringende medische hulp dekt ook gewone zorg die nodig is. Een medische dienst op de sociale kaart kan haar intussen ontvangen.',
            'Juste. Les soignants sont tenus au secret professionnel, et l’aide médicale urgente couvre aussi des soins courants nécessaires. Un service médical de la carte sociale peut la recevoir entre-temps.',
            'Right. Care workers are bound by professional secrecy, and urgent medical aid also covers ordinary care that is needed. A medical service on the social map can see her meanwhile.',
          ),
          next: quiz,
        },
        {
          key: newKey(),
          label: t(
            'Je raadt haar aan te wachten tot haar papieren in orde zijn.',
            'Vous lui conseillez d’attendre que ses papiers soient en ordre.',
            'You advise her to wait until her papers are in order.',
          ),
          feedback: t(
            'Gezondheid kan niet wachten. Ook zonder geldige verblijfskaart heeft ze recht op dringende medische hulp.',
            'La santé ne peut pas attendre. Même sans carte de séjour valable, elle a droit à l’aide médicale urgente.',
            'Health cannot wait. Even without a valid residence card, she has a right to urgent medical aid.',
          ),
          next: quiz,
        },
      ],
    },
    {
      key: quiz,
      kind: 'quiz',
      text: t(
        'Welke reflexen zijn goed als iemand je vragen stelt over verblijfspapieren?',
        'Quels réflexes sont bons quand quelqu’un vous pose des questions sur ses papiers de séjour ?',
        'Which reflexes are good when someone asks you about their residence papers?',
      ),
      options: [
        {
          key: newKey(),
          label: t(
            'Kijken naar de datum en de termijn in de brief',
            'Regarder la date et le délai dans la lettre',
            'Look at the date and the deadline in the letter',
          ),
          correct: true,
        },
        {
          key: newKey(),
          label: t(
            'Doorverwijzen naar gratis juridisch advies of een gespecialiseerde dienst',
            'Orienter vers un conseil juridique gratuit ou un service spécialisé',
            'Refer to free legal advice or a specialised service',
          ),
          correct: true,
        },
        {
          key: newKey(),
          label: t(
            'Een kopie van haar documenten voor jezelf bijhouden',
            'Garder pour vous une copie de ses documents',
            'Keep a copy of her documents for yourself',
          ),
          correct: false,
        },
        {
          key: newKey(),
          label: t(
            'Beloven dat alles goed komt',
            'Promettre que tout ira bien',
            'Promise that everything will be fine',
          ),
          correct: false,
        },
      ],
      feedback: t(
        'Een termijn bewaken en doorverwijzen helpt echt. Documenten van iemand anders bewaar je niet: dat zijn persoonsgegevens. En beloven wat je niet in handen hebt, maakt de teleurstelling later groter.',
        'Surveiller un délai et orienter aident vraiment. On ne garde pas les documents de quelqu’un d’autre : ce sont des données personnelles. Et promettre ce qui ne dépend pas de vous rend la déception plus grande ensuite.',
        'Watching a deadline and referring really help. You do not keep someone else’s documents: they are personal data. And promising what is not in your hands makes the disappointment greater later.',
      ),
      next: remember,
    },
    {
      key: remember,
      kind: 'text',
      text: t(
        'Om te onthouden: luister, lees samen, let op termijnen en verwijs door. Wat iemand je over zijn verblijf vertelt, geef je niet door zonder toestemming. Spreken jullie geen gemeenschappelijke taal, vraag dan een tolk.',
        'À retenir : écoutez, lisez ensemble, faites attention aux délais et orientez. Ce qu’une personne vous dit de son séjour, vous ne le transmettez pas sans son accord. Si vous n’avez pas de langue commune, demandez un interprète.',
        'To remember: listen, read together, mind the deadlines and refer. What someone tells you about their residence, you do not pass on without their consent. If you share no language, ask for an interpreter.',
      ),
      concepts: ['zonder-papieren', 'dringende-medische-hulp', 'ocmw', 'tolk'],
      services: [],
      next: endOfPath,
    },
  ];
}

/**
 * Loads the demo path unless a path has its address already (the demo path, or a path the
 * moderators gave that address); returns how many paths it loaded.
 */
export async function loadDemoPath(db: Database, now: Date): Promise<number> {
  const known = new Set((await thesaurusConcepts(db)).map((c) => c.id));
  // A word the glossary no longer has is left out rather than linked to nothing.
  const cards = checkCards(demoCards()).map((c) =>
    c.kind === 'text' ? { ...c, concepts: c.concepts.filter((slug) => known.has(slug)) } : c,
  );
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds it there.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('demo_learning_path'))`);
    const [there] = await tx
      .select({ id: learningPaths.id })
      .from(learningPaths)
      .where(eq(learningPaths.slug, demoPathSlug));
    if (there) return 0;
    const id = await insertPath(tx, {
      slug: demoPathSlug,
      title: t(
        'Iemand vraagt je naar zijn verblijfspapieren',
        'Quelqu’un vous interroge sur ses papiers de séjour',
        'Someone asks you about their residence papers',
      ),
      summary: t(
        'Wat doe je als iemand je vragen stelt over verblijfspapieren, en naar wie verwijs je door? Zes kaarten, een tiental minuten.',
        'Que faire quand quelqu’un vous interroge sur ses papiers de séjour, et vers qui orienter ? Six cartes, une dizaine de minutes.',
        'What do you do when someone asks you about residence papers, and who do you refer them to? Six cards, about ten minutes.',
      ),
      organisationId: null,
      createdBy: null,
      cards,
      isDemo: true,
      now,
    });
    await tx
      .update(learningPaths)
      .set({ status: 'published', publishedAt: now })
      .where(eq(learningPaths.id, id));
    return 1;
  });
}
