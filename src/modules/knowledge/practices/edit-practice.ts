// A member of the owning organisation changes a practice (a draft, a published or an unpublished
// one): its texts, lists and links, checked as when it was written, in one transaction with its
// search terms and an audit entry. The practice is locked while it changes; a form made before a
// colleague's change is refused (its version, practiceVersion, compared under the lock).
import { AppError } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import type { PracticeInput } from './check-practice.ts';
import { checkPractice } from './practice-input.ts';
import { refreshPracticeTerms } from './practice-terms.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import { practiceReaderOf, requireOwnerMember } from './practices.policy.ts';
import { findPractice, practiceVersion, updatePractice } from './practices.repo.ts';
import { holdSharedLists, storeItems } from './worksheet-items.ts';

export async function editPractice(
  ctx: KnowledgeContext,
  key: string,
  input: PracticeInput,
): Promise<{ id: string; slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  const done = await ctx.db.transaction(async (tx) => {
    // Before the practice's lock, as a moderator's change to the lists takes them (worksheet-items.ts).
    await holdSharedLists(tx);
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    requireOwnerMember(ctx.actor, reader, practice);
    // Changed since the form was made: refused, and the form (kept) carries the new version, so
    // saving it again knowingly replaces the change.
    const version = practiceVersion(practice);
    if (input.version !== undefined && input.version !== version)
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            field: 'version',
            message: 'changed meanwhile',
            code: 'practice_changed_meanwhile',
            values: { version },
          },
        ],
      });
    const checked = await checkPractice(tx, input, practice.organisationId, reader);
    const lists = await storeItems(tx, checked.items, ctx.locale, ctx.actor.userId, reader);
    const values = {
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
      editedAt: ctx.now,
    };
    await updatePractice(tx, practice.id, values, ctx.now);
    await refreshPracticeTerms(tx, { id: practice.id, ...values });
    await auditPractice(tx, ctx, 'practice_edited', practice.id);
    return { id: practice.id, slug: practice.slug };
  });
  // This process's library copies are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return done;
}
