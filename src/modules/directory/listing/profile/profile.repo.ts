// Writing an organisation's profile: only what changed, with a version that says which fields
// changed and from what; an unchanged form writes nothing.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { AppError } from '../../../../shared/errors.ts';
import { organisations } from '../../directory.schema.ts';
import { diff, recordVersion } from '../listing-versions.ts';
import {
  checkKboFree,
  checkOrganisation,
  type NewOrganisation,
} from '../../use-cases/create-organisation.ts';

export async function updateOrganisation(
  tx: Executor,
  organisationId: string,
  input: NewOrganisation,
  actorId: string,
): Promise<{ changed: string[] }> {
  const [current] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('update');
  if (!current) throw new AppError('ORGANISATION_NOT_FOUND');
  // A number once given cannot be taken away; a listing that never had one can still be edited.
  const { problems, values } = checkOrganisation(input, { kboRequiredIfFormal: current.kboNumber !== null });
  if (values.kboNumber && values.kboNumber !== current.kboNumber)
    await checkKboFree(tx, values.kboNumber, problems);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const changes = diff(current, values);
  if (!Object.keys(changes).length) return { changed: [] };
  await tx
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organisations.id, organisationId));
  await recordVersion(tx, {
    recordType: 'organisation',
    recordId: organisationId,
    organisationId,
    actorId,
    action: 'update',
    changes,
  });
  return { changed: Object.keys(changes) };
}
