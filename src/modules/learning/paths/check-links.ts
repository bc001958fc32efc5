// A text card's links, checked against what they point at: glossary concepts by slug, services of
// the directory by id. Read before the transaction (both change seldom, and a link that went
// missing since only shows no link on the learner's page).
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { getServiceBrief } from '../../directory/index.ts';
import { thesaurusConcepts } from '../../glossary/index.ts';
import type { Card } from './cards.ts';

async function serviceExists(db: Executor, id: string): Promise<boolean> {
  try {
    await getServiceBrief(db, id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'SERVICE_NOT_FOUND') return false;
    throw error;
  }
}

export async function checkLinks(db: Executor, card: Card, problems: FieldProblem[]): Promise<void> {
  if (card.kind !== 'text') return;
  if (card.concepts.length) {
    const known = new Set((await thesaurusConcepts(db)).map((c) => c.id));
    if (card.concepts.some((c) => !known.has(c)))
      problems.push({
        field: 'concepts',
        message: 'learning_concept_unknown',
        code: 'learning_concept_unknown',
      });
  }
  for (const id of card.services)
    if (!(await serviceExists(db, id))) {
      problems.push({
        field: 'services',
        message: 'learning_service_unknown',
        code: 'learning_service_unknown',
      });
      break;
    }
}
