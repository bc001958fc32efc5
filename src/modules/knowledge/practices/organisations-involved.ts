// The organisations a practice names as involved: directory organisations (formal ones and informal
// groups alike), given as the addresses of their pages or their ids, one per line, each checked to
// exist. Their kinds, with the owner's, are kept on the practice as they are when it is written (the
// library's filter reads the kinds they have now: library-kinds.ts).
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { practiceLimits } from '../knowledge.vocabulary.ts';
import { linesOf, problem } from './check-practice.ts';

const uuidIn = /(?:^|\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:[?#].*)?$/i;

/** The organisation ids the lines name, in order; null for a line that names none. */
export const organisationIdsIn = (text: string): (string | null)[] =>
  linesOf(text).map((line) => uuidIn.exec(line)?.[1]?.toLowerCase() ?? null);

async function kindOf(db: Executor, id: string): Promise<string | null> {
  try {
    return (await getOrganisationBrief(db, id)).kind;
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORGANISATION_NOT_FOUND') return null;
    throw error;
  }
}

/** The involved organisations (the owner left out) and the kinds of all of them. */
export async function checkOrganisations(
  db: Executor,
  text: string,
  ownerId: string,
  problems: FieldProblem[],
): Promise<{ organisationIds: string[]; organisationKinds: string[] }> {
  const named = organisationIdsIn(text);
  const ids = [...new Set(named.filter((id): id is string => id !== null && id !== ownerId))];
  if (ids.length > practiceLimits.organisations) {
    problems.push(problem('organisations', 'practice_organisations_many'));
    return { organisationIds: [], organisationKinds: [] };
  }
  const kinds = await Promise.all([ownerId, ...ids].map((id) => (id ? kindOf(db, id) : null)));
  if (named.includes(null) || kinds.slice(1).includes(null))
    problems.push(problem('organisations', 'practice_organisation_unknown'));
  return {
    organisationIds: ids,
    organisationKinds: [...new Set(kinds.filter((k): k is string => k !== null))],
  };
}
