// What a practice's page shows beside the practice's own row: the names of the organisations
// involved (and whether the owner is demo data), the active services of the organisations involved
// (from the directory, one query for all of them) and its attachments' names, titles, sizes and page
// counts (never their bytes). The same for every reader of a published practice, so the library
// keeps it per edition (practices-library.ts); a draft's is read for each request.
import type { Executor } from '../../../db/client.ts';
import { listOrganisationsWithPlaces, listServicesOfOrganisations } from '../../directory/index.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { AttachmentSummary, ServiceCard } from './page-data.ts';
import { listAttachments } from './practice-attachments.repo.ts';

/** Services shown per organisation involved, and organisations whose services are shown. */
const servicesEach = 3;
const organisationsWithServices = 8;

export interface PresentedPractice {
  /** The owner and the organisations involved that the directory has, by id. */
  names: Map<string, I18nText>;
  /** The owner is one of the directory's demo organisations. */
  demoOwner: boolean;
  services: ServiceCard[];
  attachments: AttachmentSummary[];
}

export async function readPresentedPractice(
  db: Executor,
  practice: { id: string; organisationId: string; organisationIds: string[] },
): Promise<PresentedPractice> {
  const all = [practice.organisationId, ...practice.organisationIds];
  const [orgs, services, attachments] = await Promise.all([
    listOrganisationsWithPlaces(db, all, []),
    listServicesOfOrganisations(db, all.slice(0, organisationsWithServices), servicesEach),
    listAttachments(db, practice.id),
  ]);
  return {
    names: new Map(orgs.map((o) => [o.id, o.name])),
    demoOwner: orgs.some((o) => o.id === practice.organisationId && o.isDemo),
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      organisation: s.organisationName,
      communes: s.communes,
    })),
    attachments,
  };
}
