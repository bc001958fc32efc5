// A practice's whole form checked: its texts and lists, the organisations involved and the
// worksheet items, every problem at once. Reads only; the caller writes in its transaction.
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { checkListSizes, checkTexts, type CheckedTexts, type PracticeInput } from './check-practice.ts';
import { checkOrganisations } from './organisations-involved.ts';
import { type ItemsPlan, type ItemViewer, planItems } from './worksheet-items.ts';

export interface CheckedPractice extends CheckedTexts {
  organisationIds: string[];
  organisationKinds: string[];
  items: ItemsPlan;
}

export async function checkPractice(
  db: Executor,
  input: PracticeInput,
  ownerId: string,
  viewer: ItemViewer,
  problems: FieldProblem[] = [],
): Promise<CheckedPractice> {
  const texts = checkTexts(input, problems);
  const before = problems.length;
  checkListSizes(input, problems);
  // Lists over the limit are refused as they are: their items are not looked up.
  const items = problems.length === before ? await planItems(db, input, viewer, problems) : null;
  const organisations = await checkOrganisations(db, input.organisations, ownerId, problems);
  if (problems.length || !items) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { ...texts, ...organisations, items };
}
