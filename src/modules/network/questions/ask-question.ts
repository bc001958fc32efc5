// A signed-in member asks the network a question, for one of their organisations: in one of the
// three languages, with themes and perhaps a commune, for everyone or for members only. Stored with
// its search terms in one transaction.
import { followQuestion } from '../follows/follows.repo.ts';
import type { NetworkContext } from '../network-context.ts';
import { checkQuestion, type QuestionInput } from './check-post.ts';
import { auditPost } from './questions-audit.ts';
import { insertQuestion } from './questions.repo.ts';
import { writingFor } from './questions.policy.ts';
import { refreshQuestionTerms } from './question-terms.ts';

export async function askQuestion(ctx: NetworkContext, input: QuestionInput): Promise<{ id: string }> {
  const checked = checkQuestion(input);
  const organisationId = await writingFor(ctx.db, ctx.actor, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    const id = await insertQuestion(tx, {
      authorId: ctx.actor.userId,
      organisationId,
      title: checked.title,
      body: checked.body,
      language: checked.language,
      themes: checked.themes,
      communeNis: checked.communeNis,
      visibility: checked.visibility,
      now: ctx.now,
    });
    await refreshQuestionTerms(tx, { id, ...checked }, false);
    // The asker hears of answers in their digest.
    await followQuestion(tx, ctx.actor.userId, id);
    await auditPost(tx, ctx, 'question_asked', { type: 'question', id }, { organisation: organisationId });
    return { id };
  });
}
