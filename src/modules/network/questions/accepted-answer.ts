// An accepted answer as the start of something else (a good practice's draft, in the knowledge
// module): the question and the answer as their reader may see them. A question the reader may not
// see, an answer that is not the accepted one or that is hidden: not found.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { PostLanguage } from '../network.vocabulary.ts';
import { maySee, readerOf } from './questions.policy.ts';
import { findAnswer, findQuestion } from './questions.repo.ts';

export interface AcceptedAnswer {
  question: {
    id: string;
    title: string;
    body: string;
    language: PostLanguage;
    themes: string[];
    communeNis: string | null;
  };
  answer: {
    id: string;
    body: string;
    language: PostLanguage;
    /** The organisation it was written for, and those it points to. */
    organisationId: string | null;
    organisationIds: string[];
    serviceIds: string[];
  };
}

export async function findAcceptedAnswer(
  db: Executor,
  actor: Actor,
  answerId: string,
): Promise<AcceptedAnswer> {
  const id = answerId.toLowerCase();
  const answer = isUuid(id) ? await findAnswer(db, id) : undefined;
  const question = answer ? await findQuestion(db, answer.questionId) : undefined;
  if (
    !answer ||
    !question ||
    answer.hiddenAt ||
    question.acceptedAnswerId !== answer.id ||
    !maySee(await readerOf(db, actor), question) ||
    question.hiddenAt
  )
    throw new AppError('ANSWER_NOT_FOUND');
  return {
    question: {
      id: question.id,
      title: question.title,
      body: question.body,
      language: question.language,
      themes: question.themes,
      communeNis: question.communeNis,
    },
    answer: {
      id: answer.id,
      body: answer.body,
      language: answer.language,
      organisationId: answer.organisationId,
      organisationIds: answer.organisationIds,
      serviceIds: answer.serviceIds,
    },
  };
}
