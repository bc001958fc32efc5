// Demo events, so that the agenda of a demo start is not empty: made up, published by demo
// organisations (organisations.is_demo) at their places, marked as demo themselves (events.is_demo),
// with dates counted from the day they are loaded. No person is named. Loaded once, with the demo
// directory, into a database without events.
import { count } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { getOrganisation, listOrganisationRows } from '../../directory/index.ts';
import { eventOccurrences, events } from '../network.schema.ts';
import type { EventKind, EventPlaceKind, WhoMayRegister } from '../network.vocabulary.ts';
import { eventTimeZone, expandDates } from './recurrence.ts';

interface DemoEvent {
  kind: EventKind;
  title: { nl: string; fr: string; en: string };
  description: { nl: string; fr: string; en: string };
  placeKind: EventPlaceKind;
  /** For another address: as written, and its commune. */
  address?: { text: string; communeNis: string };
  onlineUrl?: string;
  /** Days from today, weekday (1 = Monday) then time, and how long. */
  weeksAhead: number;
  weekday: number;
  time: string;
  minutes: number;
  rule: string | null;
  capacity: number | null;
  whoMayRegister: WhoMayRegister;
  languages: string[];
  themes: string[];
}

const demoEvents: DemoEvent[] = [
  {
    kind: 'network_day',
    title: {
      nl: 'Netwerkdag welzijn Noord-Brussel',
      fr: 'Journée réseau social Bruxelles-Nord',
      en: 'Welfare network day North Brussels',
    },
    description: {
      nl: 'Een dag om de andere organisaties van de wijk te leren kennen: korte voorstellingen, tafelgesprekken per thema en een gezamenlijke lunch. Voertalen Nederlands en Frans.',
      fr: 'Une journée pour rencontrer les autres organisations du quartier : courtes présentations, tables de discussion par thème et repas partagé. En français et en néerlandais.',
      en: 'A day to get to know the other organisations of the area: short introductions, table talks by theme and a shared lunch. In French and Dutch.',
    },
    placeKind: 'place',
    weeksAhead: 3,
    weekday: 4,
    time: '09:30',
    minutes: 390,
    rule: null,
    capacity: 60,
    whoMayRegister: 'everyone',
    languages: ['nl', 'fr'],
    themes: ['encounter', 'work'],
  },
  {
    kind: 'job_shadowing',
    title: {
      nl: 'Kijkstage aan ons onthaal',
      fr: 'Stage d’observation à notre accueil',
      en: 'Job shadowing at our front desk',
    },
    description: {
      nl: 'Loop een voormiddag mee met ons onthaalteam en zie hoe we nieuwe bezoekers ontvangen en doorverwijzen.',
      fr: 'Suivez notre équipe d’accueil pendant une matinée et voyez comment nous recevons et orientons les nouveaux visiteurs.',
      en: 'Spend a morning with our front-desk team and see how we welcome and refer new visitors.',
    },
    placeKind: 'place',
    weeksAhead: 1,
    weekday: 2,
    time: '09:00',
    minutes: 180,
    rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
    capacity: 2,
    whoMayRegister: 'members',
    languages: ['fr', 'nl', 'ar'],
    themes: ['housing'],
  },
  {
    kind: 'intervision',
    title: {
      nl: 'Intervisie eerstelijnswerkers (online)',
      fr: 'Intervision des travailleurs de première ligne (en ligne)',
      en: 'Front-line workers’ intervision (online)',
    },
    description: {
      nl: 'Maandelijks uur om moeilijke situaties uit de praktijk te bespreken, zonder namen van cliënten.',
      fr: 'Une heure par mois pour discuter de situations difficiles vécues sur le terrain, sans nommer les personnes accompagnées.',
      en: 'A monthly hour to talk through difficult situations from practice, without naming clients.',
    },
    placeKind: 'online',
    onlineUrl: 'https://meet.example.org/passerelle-demo-intervision',
    weeksAhead: 2,
    weekday: 3,
    time: '14:00',
    minutes: 60,
    // Set from the first date: the same weekday of each month.
    rule: 'monthly',
    capacity: 12,
    whoMayRegister: 'members',
    languages: ['fr', 'nl', 'en'],
    themes: ['health'],
  },
  {
    kind: 'training',
    title: {
      nl: 'Vorming: rechten van nieuwkomers',
      fr: 'Formation : les droits des primo-arrivants',
      en: 'Training: the rights of newcomers',
    },
    description: {
      nl: 'Twee dagen over verblijf, inkomen en gezondheidszorg voor nieuwkomers, met oefeningen op casussen.',
      fr: 'Deux jours sur le séjour, les revenus et les soins de santé des primo-arrivants, avec des exercices sur des cas.',
      en: 'Two days on residence, income and health care for newcomers, with exercises on cases.',
    },
    placeKind: 'address',
    address: { text: 'Rue de l’Exemple 10, 1000 Bruxelles', communeNis: '21004' },
    weeksAhead: 5,
    weekday: 1,
    time: '09:00',
    minutes: 1920,
    rule: null,
    capacity: 25,
    whoMayRegister: 'everyone',
    languages: ['fr'],
    themes: ['residence', 'income'],
  },
  {
    kind: 'open_day',
    title: {
      nl: 'Opendeurdag in ons buurthuis',
      fr: 'Journée portes ouvertes de notre maison de quartier',
      en: 'Open day at our community house',
    },
    description: {
      nl: 'Kom kijken wat we doen: rondleiding, koffie en de activiteiten van het komende seizoen.',
      fr: 'Venez voir ce que nous faisons : visite, café et activités de la saison prochaine.',
      en: 'Come and see what we do: a tour, coffee and next season’s activities.',
    },
    placeKind: 'place',
    weeksAhead: 4,
    weekday: 6,
    time: '13:00',
    minutes: 240,
    rule: null,
    capacity: null,
    whoMayRegister: 'everyone',
    languages: ['nl', 'fr', 'en', 'tr'],
    themes: ['encounter'],
  },
  {
    kind: 'local_consultation',
    title: {
      nl: 'Lokaal overleg jeugd en gezin',
      fr: 'Concertation locale jeunesse et famille',
      en: 'Local consultation on youth and families',
    },
    description: {
      nl: 'Overleg om de tweede week tussen de organisaties van de gemeente die met jongeren en gezinnen werken.',
      fr: 'Concertation toutes les deux semaines entre les organisations de la commune qui travaillent avec les jeunes et les familles.',
      en: 'A consultation every two weeks between the commune’s organisations working with young people and families.',
    },
    placeKind: 'place',
    weeksAhead: 1,
    weekday: 4,
    time: '10:00',
    minutes: 90,
    rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=8',
    capacity: 20,
    whoMayRegister: 'members',
    languages: ['nl', 'fr'],
    themes: ['youth', 'family'],
  },
];

export async function loadDemoEvents(db: Database, now: Date): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(events);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo,
  );
  const hosts: { organisationId: string; locationId: string; communeNis: string | null }[] = [];
  for (const o of organisations) {
    const place = (await getOrganisation(db, o.id)).locations.find((l) => l.communeNis);
    if (place) hosts.push({ organisationId: o.id, locationId: place.id, communeNis: place.communeNis });
    if (hosts.length === demoEvents.length) break;
  }
  if (!hosts.length) return 0;
  const monday = DateTime.fromJSDate(now, { zone: eventTimeZone }).startOf('week');
  let loaded = 0;
  await db.transaction(async (tx) => {
    for (const [i, e] of demoEvents.entries()) {
      const host = hosts[i % hosts.length]!;
      const [hour, minute] = e.time.split(':').map(Number);
      const start = monday.plus({ weeks: e.weeksAhead, days: e.weekday - 1 }).set({ hour, minute });
      const end = start.plus({ minutes: e.minutes });
      const nth = Math.ceil(start.day / 7);
      const rule =
        e.rule === 'monthly'
          ? `FREQ=MONTHLY;BYDAY=${nth === 5 ? -1 : nth}${['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][start.weekday - 1]};COUNT=6`
          : e.rule;
      const expanded = expandDates(rule, start.toJSDate(), end.toJSDate());
      if ('problem' in expanded) throw new Error(`demo event ${e.title.en}: ${expanded.problem}`);
      const [row] = await tx
        .insert(events)
        .values({
          organisationId: host.organisationId,
          kind: e.kind,
          title: e.title,
          description: e.description,
          placeKind: e.placeKind,
          locationId: e.placeKind === 'place' ? host.locationId : null,
          address: e.address?.text ?? null,
          communeNis: e.placeKind === 'place' ? host.communeNis : (e.address?.communeNis ?? null),
          onlineUrl: e.onlineUrl ?? null,
          startsAt: start.toJSDate(),
          endsAt: end.toJSDate(),
          rule,
          capacity: e.capacity,
          whoMayRegister: e.whoMayRegister,
          languages: e.languages,
          themes: e.themes,
          isDemo: true,
        })
        .returning({ id: events.id });
      await tx
        .insert(eventOccurrences)
        .values(expanded.dates.map((d) => ({ eventId: row!.id, startsAt: d.start, endsAt: d.end })));
      loaded++;
    }
  });
  return loaded;
}
