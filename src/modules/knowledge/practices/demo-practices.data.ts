// The demo good practices' texts (demo-practices.ts loads them). Made up, after the practices the
// field reports tell of (a language café's buddies, a welcome desk at a self-organisation, a
// referral handed over in person, a room shared with groups that have none, a network day across
// the communities): the organisations are the demo directory's (by their demo key), the contact is
// a role, and nobody is named.
import type { I18nText } from '../../../shared/i18n-text.ts';

const t = (nl: string, fr: string, en: string): I18nText => ({ nl, fr, en });

export interface DemoPractice {
  /** Its fixed address: how a later start finds it already loaded. */
  slug: string;
  /** The demo keys (organisations.provenance_id) of the owner and the other organisations involved. */
  owner: string;
  involved: string[];
  status: 'draft' | 'published';
  featured?: boolean;
  /** How long ago it was written (and published). */
  daysAgo: number;
  title: I18nText;
  summary: I18nText;
  story: I18nText;
  themes: string[];
  communes: string[];
  /** A role, never a person's name. */
  contactRole: string;
  /** Codes of the seeded worksheet items. */
  obstacles: string[];
  levers: string[];
  tools: string[];
}

export const demoPractices: DemoPractice[] = [
  {
    slug: 'demo-language-buddies',
    owner: 'g-taalcafe-artisjok',
    involved: ['f-zandloper', 'c-gc-de-wissel'],
    status: 'published',
    featured: true,
    daysAgo: 40,
    title: t(
      'Taalmaatjes: cursisten oefenen buiten de les met een vrijwilliger',
      'Binômes linguistiques : les apprenants pratiquent hors du cours avec un bénévole',
      'Language buddies: learners practise outside class with a volunteer',
    ),
    summary: t(
      'Het taalhuis verwijst cursisten Nederlands naar ons taalcafé. Daar vormen ze een duo met een vrijwilliger en spreken ze twee keer per maand af: op de markt, in de bibliotheek, bij een koffie.',
      'La maison des langues oriente ses apprenants de néerlandais vers notre café des langues. Ils y forment un binôme avec un bénévole et se voient deux fois par mois : au marché, à la bibliothèque, autour d’un café.',
      'The Dutch learning centre refers its learners to our language café. There they pair up with a volunteer and meet twice a month: at the market, in the library, over a coffee.',
    ),
    story: t(
      'Cursisten van de avondlessen zeiden dat ze buiten de klas bijna nooit Nederlands spraken. Het taalhuis kende ons taalcafé niet, wij kenden hun cursisten niet. Na een gesprek verwijst het taalhuis nu wie wil oefenen naar ons, met een kort fiche met het niveau en de talen die de cursist spreekt. Wij zoeken een vrijwilliger die past, het gemeenschapscentrum leent een tafel voor de eerste ontmoeting.\n\nDe vrijwilligers krijgen één avond vorming: durven spreken, traag en eenvoudig praten, en weten naar waar ze iemand doorverwijzen als er een vraag over papieren of huisvesting komt. Moeilijk blijft dat vrijwilligers na enkele maanden stoppen; daarom koppelen we nu telkens twee duo’s aan elkaar.',
      'Les apprenants des cours du soir disaient ne presque jamais parler néerlandais hors de la classe. La maison des langues ne connaissait pas notre café, nous ne connaissions pas ses apprenants. Après une rencontre, elle oriente vers nous ceux qui veulent pratiquer, avec une courte fiche : niveau et langues parlées. Nous cherchons un bénévole qui convient ; le centre communautaire prête une table pour la première rencontre.\n\nLes bénévoles suivent une soirée de formation : oser parler, parler lentement et simplement, et savoir vers qui orienter quand une question arrive sur les papiers ou le logement. La difficulté reste que des bénévoles arrêtent après quelques mois ; nous relions donc chaque fois deux binômes entre eux.',
      'Learners in the evening classes said they hardly ever spoke Dutch outside the classroom. The learning centre did not know our café, and we did not know its learners. After a meeting, the centre now refers those who want to practise to us, with a short sheet giving their level and the languages they speak. We look for a volunteer who fits; the community centre lends a table for the first meeting.\n\nThe volunteers get one evening of training: daring to speak, speaking slowly and simply, and knowing where to refer someone when a question about papers or housing comes up. What stays hard is that volunteers stop after a few months, so we now link every two pairs together.',
    ),
    themes: ['education.conversation', 'education.dutch-lessons'],
    communes: ['21014', '21006', '21005'],
    contactRole: 'Coördinatie taalcafé / coordination du café des langues',
    obstacles: ['language_barrier', 'not_knowing_offer'],
    levers: ['complementary_offer', 'multilingual_staff'],
    tools: ['dare_to_speak', 'translation_tools'],
  },
  {
    slug: 'demo-neighbourhood-welcome-desk',
    owner: 'g-femmes-rif-atlas',
    involved: ['f-linden', 'c-dar-yasmina'],
    status: 'published',
    daysAgo: 28,
    title: t(
      'Een onthaalpunt in de buurt, in de ruimte van een zelforganisatie',
      'Un accueil de quartier dans le local d’une auto-organisation',
      'A neighbourhood welcome desk in a self-organisation’s room',
    ),
    summary: t(
      'Eén zondagnamiddag per maand zit een maatschappelijk werker van het welzijnscentrum bij onze vrouwengroep. Zonder afspraak en zonder dossier: wie een brief of een vraag heeft, komt langs.',
      'Un dimanche après-midi par mois, une assistante sociale du centre d’action sociale rejoint notre groupe de femmes. Sans rendez-vous ni dossier : celles qui ont une lettre ou une question passent.',
      'One Sunday afternoon a month, a social worker from the welfare centre joins our women’s group. No appointment, no file: whoever has a letter or a question drops by.',
    ),
    story: t(
      'Veel vrouwen van onze groep kenden het welzijnscentrum niet, of durfden er niet heen: schrik om weggestuurd te worden omdat een papier ontbreekt. Zij vertrouwen wel onze vereniging. Daarom komt het centrum nu naar ons. Een vrijwilligster tolkt in het Arabisch of het Tamazight, de maatschappelijk werker luistert en legt uit.\n\nWat niet ter plaatse kan, krijgt een afspraak in het centrum; de eerste keer gaat een vrijwilligster mee. De vereniging in de straat ernaast brengt de ouders van haar huiswerkklas mee. Om de drie maanden bespreken we samen, zonder namen, welke vragen terugkomen. Zo leerde het centrum welke noden er leven, en wij welke hulp er bestaat.',
      'Beaucoup de femmes de notre groupe ne connaissaient pas le centre d’action sociale, ou n’osaient pas y aller : peur d’être renvoyées parce qu’il manque un papier. Elles font confiance à notre association. Le centre vient donc chez nous. Une bénévole traduit en arabe ou en tamazight, l’assistante sociale écoute et explique.\n\nCe qui ne se règle pas sur place reçoit un rendez-vous au centre ; la première fois, une bénévole accompagne. L’association de la rue voisine y associe les parents de son école de devoirs. Tous les trois mois, nous parlons ensemble, sans noms, des questions qui reviennent. Le centre a appris quels besoins existent, et nous quelle aide existe.',
      'Many women in our group did not know the welfare centre, or did not dare to go: afraid of being sent away because a paper was missing. They do trust our association. So the centre now comes to us. A volunteer interprets in Arabic or Tamazight; the social worker listens and explains.\n\nWhat cannot be solved on the spot gets an appointment at the centre; the first time, a volunteer goes along. The association in the next street brings the parents of its homework club. Every three months we talk together, without names, about the questions that come back. The centre learnt which needs there are, and we learnt which help exists.',
    ),
    themes: ['social-support.orientation', 'social-support.administrative-help'],
    communes: ['21012'],
    contactRole: 'Bestuur / comité de l’association',
    obstacles: ['not_knowing_offer', 'papers_threshold', 'language_barrier'],
    levers: ['trust_of_self_organisations', 'bridge_person'],
    tools: ['meet_at_the_other', 'case_discussion'],
  },
  {
    slug: 'demo-warm-handover',
    owner: 'f-linden',
    involved: ['f-horizon', 'f-balance'],
    status: 'published',
    daysAgo: 21,
    title: t(
      'Doorverwijzen met een warme overdracht',
      'Orienter avec un passage de relais en personne',
      'Referring with a warm handover',
    ),
    summary: t(
      'In plaats van een adres mee te geven, bellen we met de persoon erbij de collega van de andere dienst, spreken we een moment af en geven we een korte nota mee die de persoon zelf gelezen heeft.',
      'Au lieu de donner une adresse, nous appelons avec la personne le collègue de l’autre service, fixons un moment et remettons une courte note que la personne a lue elle-même.',
      'Instead of handing over an address, we call the colleague at the other service with the person present, agree on a time and give a short note the person has read themselves.',
    ),
    story: t(
      'Mensen die we doorverwezen, kwamen vaak nooit aan: het adres klopte niet meer, de permanentie was net voorbij, of ze moesten hun verhaal opnieuw vertellen in een taal die ze slecht spreken. Met het sociaal antennepunt en het juridisch loket spraken we af dat elke dienst één vaste contactfunctie heeft voor doorverwijzingen.\n\nMet de toestemming van de persoon bellen we die collega meteen, en de persoon krijgt een nota mee met wat al gezegd is. Een week later vragen we: ben je er geraakt? Twee keer per jaar nemen we deel aan elkaars teamvergadering, en elke maand bespreken we samen één casus vanuit de noden van de persoon. Minder mensen raken zo verloren tussen twee diensten.',
      'Les personnes que nous orientions n’arrivaient souvent jamais : l’adresse avait changé, la permanence venait de finir, ou elles devaient raconter à nouveau leur histoire dans une langue qu’elles parlent mal. Avec l’antenne sociale et la permanence juridique, nous avons convenu que chaque service a une fonction de contact fixe pour les orientations.\n\nAvec l’accord de la personne, nous appelons ce collègue tout de suite, et la personne reçoit une note de ce qui a déjà été dit. Une semaine après, nous demandons : êtes-vous arrivée ? Deux fois par an, nous participons à la réunion d’équipe de l’autre, et chaque mois nous discutons ensemble d’une situation à partir des besoins de la personne. Moins de gens se perdent ainsi entre deux services.',
      'People we referred often never arrived: the address had changed, the walk-in hours had just ended, or they had to tell their story again in a language they speak poorly. With the social welfare office and the legal advice desk we agreed that each service has one fixed contact role for referrals.\n\nWith the person’s consent we call that colleague straight away, and the person takes along a note of what has already been said. A week later we ask: did you get there? Twice a year we join each other’s team meeting, and every month we discuss one situation together, starting from the person’s needs. Fewer people get lost between two services.',
    ),
    themes: ['social-support.orientation', 'legal.first-line', 'income.social-assistance'],
    communes: ['21004', '21015', '21001'],
    contactRole: 'Onthaalverantwoordelijke / responsable de l’accueil',
    obstacles: ['hard_to_find', 'not_knowing_offer', 'unhelpful_rules'],
    levers: ['shared_client', 'complementary_offer'],
    tools: ['case_discussion', 'join_team_meetings'],
  },
  {
    slug: 'demo-shared-room-calendar',
    owner: 'c-ldc-de-zitbank',
    involved: ['g-bons-voisins-globe', 'c-sangha-pont-de-bois'],
    status: 'published',
    daysAgo: 14,
    title: t(
      'Onze zaal delen met groepen zonder ruimte, met één gedeelde kalender',
      'Partager notre salle avec des groupes sans local, avec un seul calendrier commun',
      'Sharing our room with groups that have none, with one shared calendar',
    ),
    summary: t(
      'Ons dienstencentrum leent zijn zaal ’s avonds en in het weekend gratis uit aan buurtgroepen. Eén voorwaarde: onze bezoekers mogen meedoen. Een gedeelde kalender toont wanneer de zaal vrij is.',
      'Notre centre de services prête gratuitement sa salle le soir et le week-end à des groupes du quartier. Une condition : nos visiteurs peuvent participer. Un calendrier commun montre quand la salle est libre.',
      'Our local service centre lends its room free of charge in the evenings and at weekends to neighbourhood groups. One condition: our visitors may join in. A shared calendar shows when the room is free.',
    ),
    story: t(
      'Een burgerinitiatief tegen eenzaamheid en een meditatiegroep zochten een plek; onze zaal stond ’s avonds leeg. Nu staat elke reservatie op één kalender die de groepen zelf kunnen inkijken, op dit platform en op papier aan de ingang. De huisregels passen op één blad, in drie talen.\n\nDoor de ruimte te delen ontmoeten onze oudere bezoekers mensen die ze anders nooit zouden zien, en omgekeerd. Wat we leerden: schrijf op wat inbegrepen is (sleutel, koffie, kopies) en wat niet, anders groeit de vraag ongemerkt. Eén vaste contactpersoon per groep voor de sleutel maakt veel eenvoudiger.',
      'Une initiative citoyenne contre l’isolement et un groupe de méditation cherchaient un lieu ; notre salle était vide le soir. Chaque réservation figure désormais sur un seul calendrier que les groupes peuvent consulter eux-mêmes, sur cette plateforme et sur papier à l’entrée. Le règlement tient sur une page, en trois langues.\n\nEn partageant le lieu, nos visiteurs âgés rencontrent des gens qu’ils ne verraient jamais autrement, et inversement. Ce que nous avons appris : écrire ce qui est compris (clé, café, copies) et ce qui ne l’est pas, sinon la demande grandit sans qu’on s’en aperçoive. Une personne de contact fixe par groupe pour la clé simplifie beaucoup.',
      'A citizens’ initiative against loneliness and a meditation group were looking for a place; our room stood empty in the evenings. Every booking is now on one calendar the groups can look at themselves, on this platform and on paper at the entrance. The house rules fit on one page, in three languages.\n\nBy sharing the room, our older visitors meet people they would otherwise never see, and the other way round. What we learnt: write down what is included (key, coffee, copies) and what is not, or the demand quietly grows. One fixed contact per group for the key makes things much simpler.',
    ),
    themes: ['encounter.community-centre', 'seniors.isolation'],
    communes: ['21017', '21016', '21002'],
    contactRole: 'Centrumverantwoordelijke / responsable du centre',
    obstacles: ['no_room', 'too_little_time'],
    levers: ['shared_room', 'shared_client'],
    tools: ['meet_at_the_other'],
  },
  {
    slug: 'demo-culture-sensitive-care',
    owner: 'f-passeroses',
    involved: ['g-cinar-schaerbeek'],
    status: 'published',
    daysAgo: 60,
    title: t(
      'Een begeleidingsdienst en een gezinsvereniging leren elkaar kennen',
      'Un service d’accompagnement et une association de familles apprennent à se connaître',
      'A disability support service and a family association get to know each other',
    ),
    summary: t(
      'Gezinnen die zorgen voor een kind met een beperking vonden de weg niet naar onze dienst. Via de theenamiddagen van een gezinsvereniging leerden we elkaar kennen, eerst op hun plek.',
      'Des familles qui s’occupent d’un enfant handicapé ne trouvaient pas le chemin de notre service. Par les après-midis thé d’une association de familles, nous avons appris à nous connaître, d’abord chez elle.',
      'Families caring for a child with a disability did not find their way to our service. Through a family association’s tea afternoons we got to know each other, on their ground first.',
    ),
    story: t(
      '“Handicap” wordt in sommige gezinnen niet graag benoemd, en onze dienst was voor hen een onbekende instelling. De vereniging heeft het vertrouwen van de gezinnen. Met een tijdelijke projectsubsidie organiseerden we uitwisselingen: onze begeleiders gingen mee naar de theenamiddagen, medewerkers van de vereniging liepen een dag mee bij ons.\n\nDe gezinnen leerden de dienst kennen in een omgeving waar ze zich veilig voelen; wij leerden anders kijken naar wat zorg betekent in een gezin. Het project liep af na twee jaar. We hielden één gezamenlijke activiteit per seizoen over, zonder subsidie, omdat de band er nu is.',
      'Le mot « handicap » n’est pas volontiers prononcé dans certaines familles, et notre service était pour elles une institution inconnue. L’association a la confiance des familles. Avec un subside de projet temporaire, nous avons organisé des échanges : nos accompagnateurs sont venus aux après-midis thé, des membres de l’association ont passé une journée chez nous.\n\nLes familles ont découvert le service dans un cadre où elles se sentent en sécurité ; nous avons appris à voir autrement ce que veut dire prendre soin dans une famille. Le projet s’est terminé après deux ans. Nous avons gardé une activité commune par saison, sans subside, parce que le lien existe maintenant.',
      'Some families do not like to name “disability”, and our service was an unknown institution to them. The association has the families’ trust. With a temporary project grant we organised exchanges: our support workers came to the tea afternoons, and members of the association spent a day with us.\n\nThe families got to know the service in a setting where they feel safe; we learnt to look differently at what care means within a family. The project ended after two years. We kept one joint activity per season, without a grant, because the tie is there now.',
    ),
    themes: ['disability.family-support', 'disability.day-care'],
    communes: ['21018', '21015'],
    contactRole: 'Teamverantwoordelijke / responsable d’équipe',
    obstacles: ['other_frameworks', 'short_project_funding'],
    levers: ['trust_of_self_organisations', 'project_funding'],
    tools: ['job_shadowing', 'meet_at_the_other'],
  },
  {
    slug: 'demo-network-day',
    owner: 'f-rose-des-vents',
    involved: ['c-gc-de-wissel', 'g-mahber-selam', 'c-dar-yasmina'],
    status: 'published',
    daysAgo: 90,
    title: t(
      'Een netwerkdag over de gemeenschappen heen',
      'Une journée de réseau entre les communautés',
      'A network day across the communities',
    ),
    summary: t(
      'Eén keer per jaar komen Nederlandstalige, Franstalige en bicommunautaire diensten en zelforganisaties van de buurt een voormiddag samen: tafels per thema, een fiche per organisatie, samen lunchen.',
      'Une fois par an, des services néerlandophones, francophones et bicommunautaires et des auto-organisations du quartier se retrouvent une matinée : des tables par thème, une fiche par organisation, un repas ensemble.',
      'Once a year, Dutch-speaking, French-speaking and bicommunity services and the neighbourhood’s self-organisations meet for a morning: tables by theme, one sheet per organisation, lunch together.',
    ),
    story: t(
      'Nieuwe medewerkers kenden Brussel weinig en wisten niet wie wat doet aan de andere kant van de taalgrens. Binnen het lokaal sociaal overleg kregen we het mandaat om een netwerkdag te organiseren. Elke organisatie brengt een fiche van één blad mee: wat we doen, voor wie, in welke talen, hoe je doorverwijst.\n\nDe dag verloopt in twee talen, met vrijwillige tolken van een zelforganisatie voor wie dat nodig heeft; de regel is: durf spreken in je eigen of de andere taal. Na afloop delen we de lijst van contactfuncties. Wie het meest zou winnen, had vaak geen tijd op een weekdag: de tweede editie viel op een zaterdag, en er kwamen twee keer zoveel zelforganisaties.',
      'Les nouveaux collègues connaissaient peu Bruxelles et ne savaient pas qui fait quoi de l’autre côté de la frontière linguistique. Dans la concertation sociale locale, nous avons reçu le mandat d’organiser une journée de réseau. Chaque organisation apporte une fiche d’une page : ce que nous faisons, pour qui, dans quelles langues, comment orienter.\n\nLa journée se déroule en deux langues, avec des interprètes bénévoles d’une auto-organisation pour qui en a besoin ; la règle : oser parler dans sa langue ou dans celle de l’autre. Ensuite, nous partageons la liste des fonctions de contact. Ceux qui y gagneraient le plus n’avaient souvent pas le temps en semaine : la deuxième édition a eu lieu un samedi, et deux fois plus d’auto-organisations sont venues.',
      'New staff knew Brussels little and did not know who does what on the other side of the language border. Within the local social consultation we got the mandate to organise a network day. Each organisation brings a one-page sheet: what we do, for whom, in which languages, how to refer.\n\nThe day runs in two languages, with volunteer interpreters from a self-organisation for whoever needs them; the rule is: dare to speak in your own or the other language. Afterwards we share the list of contact roles. Those who would gain most often had no time on a weekday: the second edition was on a Saturday, and twice as many self-organisations came.',
    ),
    themes: ['social-support.orientation', 'education.civic-integration'],
    communes: ['21015', '21014', '21005'],
    contactRole: 'Netwerkcoördinatie / coordination du réseau',
    obstacles: ['hard_to_find', 'little_brussels_knowledge', 'language_barrier'],
    levers: ['mandate', 'complementary_offer'],
    tools: ['network_day', 'local_consultation', 'dare_to_speak'],
  },
  {
    slug: 'demo-estate-digital-help',
    owner: 'g-klikclub-peterbos',
    involved: ['f-horizon', 'c-epn-le-fil'],
    status: 'published',
    daysAgo: 7,
    title: t(
      'Digitale hulp in de wijk, met een vaste lijn naar het sociaal antennepunt',
      'De l’aide numérique dans le quartier, avec une ligne directe vers l’antenne sociale',
      'Digital help on the estate, with a direct line to the social welfare office',
    ),
    summary: t(
      'Vrijwilligers van onze klikclub helpen bewoners met itsme en online formulieren. Voor vragen over een dossier hebben ze één contactfunctie bij het sociaal antennepunt; een digitale openbare ruimte vormt hen.',
      'Les bénévoles de notre club clic aident les habitants avec itsme et les formulaires en ligne. Pour les questions sur un dossier, ils ont une fonction de contact à l’antenne sociale ; un espace public numérique les forme.',
      'Volunteers of our click club help residents with itsme and online forms. For questions about a case they have one contact role at the social welfare office; a public digital space trains them.',
    ),
    story: t(
      'Steeds meer aanvragen gaan alleen nog online, en wie geen smartphone of geen goede leesvaardigheid heeft, blijft achter. Bewoners kwamen bij ons met vragen waar we geen antwoord op hadden, en bij het antennepunt vonden ze niemand die tijd had om het scherm samen te bekijken.\n\nNu zit de klikclub twee voormiddagen per week in de buurtzaal. De digitale openbare ruimte gaf onze vrijwilligers een korte vorming. Het antennepunt gaf ons één contactfunctie voor vragen over een dossier en komt één keer per maand langs. Onze regel: de bewoner typt zelf, wij bewaren nooit wachtwoorden of codes.',
      'De plus en plus de demandes ne se font qu’en ligne, et qui n’a pas de smartphone ou lit difficilement reste à la traîne. Des habitants venaient chez nous avec des questions auxquelles nous ne savions pas répondre, et à l’antenne ils ne trouvaient personne qui avait le temps de regarder l’écran avec eux.\n\nLe club clic tient maintenant deux matinées par semaine dans la salle du quartier. L’espace public numérique a donné une courte formation à nos bénévoles. L’antenne nous a donné une fonction de contact pour les questions sur un dossier et passe une fois par mois. Notre règle : l’habitant tape lui-même, nous ne gardons jamais de mots de passe ni de codes.',
      'More and more applications are online only, and whoever has no smartphone or reads with difficulty is left behind. Residents came to us with questions we could not answer, and at the welfare office they found nobody with time to look at the screen with them.\n\nThe click club now sits in the neighbourhood room two mornings a week. The public digital space gave our volunteers a short training. The welfare office gave us one contact role for questions about a case and comes by once a month. Our rule: the resident types, we never keep passwords or codes.',
    ),
    themes: ['digital.e-administration', 'social-support.administrative-help'],
    communes: ['21001', '21014'],
    contactRole: 'Vrijwilligersverantwoordelijke / responsable des bénévoles',
    obstacles: ['papers_threshold', 'no_counterpart'],
    levers: ['bridge_person', 'shared_client'],
    tools: ['local_consultation', 'translation_tools'],
  },
  {
    slug: 'demo-homework-club-partnership',
    owner: 'g-woensdagblokkers',
    involved: ['f-marelle'],
    status: 'draft',
    daysAgo: 3,
    title: t(
      'Huiswerkbegeleiding samen met een jeugdhulpdienst',
      'L’aide aux devoirs avec un service d’aide à la jeunesse',
      'Homework help together with a youth support service',
    ),
    summary: t(
      'Onze vrijwilligers merken als eersten wanneer een jongere afhaakt op school. Met de jeugdhulpdienst zoeken we hoe we samen, met de jongere en de ouders, kunnen reageren.',
      'Nos bénévoles voient les premiers quand un jeune décroche de l’école. Avec le service d’aide à la jeunesse, nous cherchons comment réagir ensemble, avec le jeune et ses parents.',
      'Our volunteers are the first to notice when a young person drops out of school. With the youth support service we look for ways to respond together, with the young person and the parents.',
    ),
    story: t(
      'Nog in opbouw. We spraken af om elk trimester samen een situatie te bespreken, zonder namen tenzij de jongere en de ouders akkoord gaan. We zoeken nog een subsidielijn die vrijwilligerswerking en jeugdhulp samen kan dragen.',
      'Encore en construction. Nous avons convenu de discuter ensemble d’une situation chaque trimestre, sans noms sauf si le jeune et ses parents sont d’accord. Nous cherchons encore une ligne de subsides qui puisse porter ensemble le bénévolat et l’aide à la jeunesse.',
      'Still being built. We agreed to discuss one situation together each term, without names unless the young person and the parents agree. We are still looking for a funding line that can carry volunteer work and youth support together.',
    ),
    themes: ['youth.homework', 'youth.school-dropout'],
    communes: ['21012', '21010'],
    contactRole: 'Coördinatie huiswerkklas / coordination',
    obstacles: ['too_little_time', 'unhelpful_rules'],
    levers: ['complementary_offer', 'shared_client'],
    tools: ['case_discussion', 'joint_funding'],
  },
];
