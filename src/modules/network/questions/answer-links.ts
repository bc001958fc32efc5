// The directory's services and organisations an answer points to: links to their pages on this
// platform written in its text (with or without the site's address) or pasted in its field of
// links, each checked to exist. They show as cards under the answer.
import type { Database } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { getOrganisationBrief, listServicesByIds } from '../../directory/index.ts';
import { postLimits } from '../network.vocabulary.ts';
import { checkBody } from './check-post.ts';

export interface LinkedIds {
  serviceIds: string[];
  organisationIds: string[];
}

const linkPattern =
  /(?:(https?:\/\/[^\s/"'<>]+))?\/(?:nl|fr|en)\/(services|organisations)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;

/** The ids of the service and organisation pages of this site (`origin`) a text links to, in order. */
export function linksIn(text: string, origin: string): LinkedIds {
  const serviceIds = new Set<string>();
  const organisationIds = new Set<string>();
  const own = origin.toLowerCase();
  for (const match of text.matchAll(linkPattern)) {
    const [, site, kind, id] = match;
    if (site && site.toLowerCase() !== own) continue;
    (kind!.toLowerCase() === 'services' ? serviceIds : organisationIds).add(id!.toLowerCase());
  }
  return { serviceIds: [...serviceIds], organisationIds: [...organisationIds] };
}

/**
 * The links of an answer's text and its field of links, checked: more than the limit, or a link
 * to a service or an organisation that does not exist, is refused on the field it is in.
 */
export async function checkLinks(
  db: Database,
  sources: { field: 'body' | 'links'; text: string }[],
  origin: string,
  problems: FieldProblem[],
): Promise<LinkedIds> {
  const serviceIds = new Set<string>();
  const organisationIds = new Set<string>();
  // Counted before any is looked up: a long text full of links costs no more than the limit allows.
  const all = sources.map(({ field, text }) => ({ field, found: linksIn(text, origin) }));
  const linked = new Set(all.flatMap(({ found }) => [...found.serviceIds, ...found.organisationIds]));
  if (linked.size > postLimits.links) {
    problems.push({ field: 'links', message: 'post_links_many', code: 'post_links_many' });
    return { serviceIds: [], organisationIds: [] };
  }
  for (const { field, found } of all) {
    const services = found.serviceIds.length
      ? new Set(
          (
            await listServicesByIds(db, found.serviceIds, { page: 1, perPage: found.serviceIds.length })
          ).items.map((s) => s.id),
        )
      : new Set<string>();
    const organisations = new Set<string>();
    for (const id of found.organisationIds) {
      try {
        organisations.add((await getOrganisationBrief(db, id)).id);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ORGANISATION_NOT_FOUND') throw error;
      }
    }
    if (
      found.serviceIds.some((id) => !services.has(id)) ||
      found.organisationIds.some((id) => !organisations.has(id))
    )
      problems.push({ field, message: 'post_link_unknown', code: 'post_link_unknown' });
    for (const id of services) serviceIds.add(id);
    for (const id of organisations) organisationIds.add(id);
  }
  if (serviceIds.size + organisationIds.size > postLimits.links)
    problems.push({ field: 'links', message: 'post_links_many', code: 'post_links_many' });
  return { serviceIds: [...serviceIds], organisationIds: [...organisationIds] };
}

/** An answer's text and its field of links, checked together (a new answer, or one changed). */
export async function checkAnswerText(
  db: Database,
  input: { body: string; links: string },
  origin: string,
  problems: FieldProblem[],
): Promise<{ body: string; links: LinkedIds }> {
  const body = checkBody(input.body, problems);
  if (input.links.length > 5_000)
    problems.push({ field: 'links', message: 'too_long', code: 'too_long_5000' });
  // A text or a field over its limit is refused as it is, its links not looked up.
  const links =
    body.length <= 10_000 && input.links.length <= 5_000
      ? await checkLinks(
          db,
          [
            { field: 'body', text: body },
            { field: 'links', text: input.links },
          ],
          origin,
          problems,
        )
      : { serviceIds: [], organisationIds: [] };
  return { body, links };
}
