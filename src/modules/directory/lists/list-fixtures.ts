// Made-up directory documents for the lists' tests: organisations with names that collate
// differently per language (accents, case, a trailing space), in three communes.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { SearchDoc } from '../../search/index.ts';

const names = ['Zèbre', 'zebre', 'Écoute', 'ecoute', 'Abri', 'abri', 'Ômega', 'Maison', 'maison ', 'Œuvre'];
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function doc(type: SearchDoc['type'], organisationId: string, name: I18nText, commune: string): SearchDoc {
  return {
    type,
    id: type === 'organisation' ? organisationId : id(),
    organisationId,
    name,
    organisationName: name,
    description: {},
    kind: commune === '21004' ? 'formal' : 'citizen_initiative',
    verified: false,
    lastConfirmedAt: null,
    themes: [commune === '21001' ? 'housing' : 'health'],
    communes: [commune],
    quartiers: [],
    points: [],
    languages: ['fr'],
    phone: null,
    targetGroups: [],
    access: [],
    evening: false,
    weekend: false,
    weekly: [],
    exceptions: [],
    closedOnPublicHolidays: false,
    trust: 1,
    fields: { title: 'x', organisation: 'x', themes: '', place: '', description: '' },
  };
}

export function organisation(k: number, services: number): SearchDoc[] {
  const orgId = id();
  const name = {
    fr: `${names[k % names.length]} ${k % 7}`,
    ...(k % 3 ? { nl: names[(k * 7) % names.length] } : {}),
  };
  const commune = ['21001', '21004', '21009'][k % 3]!;
  if (!services) return [doc('organisation', orgId, name, commune)];
  return Array.from({ length: services }, () => doc('service', orgId, name, commune));
}
