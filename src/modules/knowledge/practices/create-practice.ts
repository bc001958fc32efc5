// A member writes up a practice for one of their organisations: a draft, seen only by that
// organisation's members until they publish it. New worksheet items join the shared lists; the
// practice, its items, its search terms and the audit entry are written in one transaction.
import type { FieldProblem } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import type { PracticeInput } from './check-practice.ts';
import { checkPractice } from './practice-input.ts';
import { refreshPracticeTerms } from './practice-terms.ts';
import { auditPractice } from './practices-audit.ts';
import { owningOrganisation, practiceReaderOf } from './practices.policy.ts';
import { insertPractice } from './practices.repo.ts';
import { holdSharedLists, storeItems } from './worksheet-items.ts';

export async function createPractice(
  ctx: KnowledgeContext,
  input: PracticeInput,
): Promise<{ id: string; slug: string }> {
  const problems: FieldProblem[] = [];
  const owner = await owningOrganisation(ctx.db, ctx.actor, input.organisationId, problems);
  const viewer = await practiceReaderOf(ctx.db, ctx.actor);
  const checked = await checkPractice(ctx.db, input, owner, viewer, problems);
  return ctx.db.transaction(async (tx) => {
    await holdSharedLists(tx);
    const lists = await storeItems(tx, checked.items, ctx.locale, ctx.actor.userId, viewer);
    const values = {
      organisationId: owner,
      authorId: ctx.actor.userId,
      status: 'draft' as const,
      title: checked.title,
      summary: checked.summary,
      story: checked.story,
      organisationIds: checked.organisationIds,
      organisationKinds: checked.organisationKinds,
      themes: checked.themes,
      communes: checked.communes,
      contactName: checked.contactName,
      contactWay: checked.contactWay,
      links: checked.links,
      obstacles: lists.obstacle,
      levers: lists.lever,
      tools: lists.tool,
    };
    const { id, slug } = await insertPractice(tx, values);
    await refreshPracticeTerms(tx, { id, ...values });
    await auditPractice(tx, ctx, 'practice_created', id, { organisation: owner });
    return { id, slug };
  });
}
