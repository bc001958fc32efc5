// "Ask for help with this call": a member asks, for one of their organisations, for a partner or a
// writer. It becomes a request on the board (kind expertise), made by the board's own use case with
// the call's themes and place, open until the call's deadline (or the board's longest date), and
// linked to the call, all in one transaction.
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { postLimits } from '../exchange.vocabulary.ts';
import { createPost } from '../posts/create-post.ts';
import { addDays, brusselsDay } from '../posts/dates.ts';
import { auditCall } from './calls-audit.ts';
import { actingFor } from './calls.policy.ts';
import { findCall, insertHelp } from './calls.repo.ts';
import { exchangeReaderOf } from '../posts/posts.policy.ts';

export interface HelpInput {
  organisationId?: string;
  title: I18nText;
  body: I18nText;
}

export async function askHelp(
  ctx: ExchangeContext,
  callId: string,
  input: HelpInput,
): Promise<{ postId: string }> {
  const call = await findCall(ctx.db, callId);
  if (!call || call.status !== 'published' || call.closesAt <= ctx.now)
    throw new AppError('EXCHANGE_CALL_NOT_FOUND');
  const organisationId = actingFor(
    ctx.actor,
    await exchangeReaderOf(ctx.db, ctx.actor),
    input.organisationId,
  );
  const today = brusselsDay(ctx.now);
  const deadline = brusselsDay(call.closesAt);
  const latest = addDays(today, postLimits.untilDays);
  return ctx.db.transaction(async (tx) => {
    // The board's use case inside this transaction (a savepoint): refused input leaves nothing.
    const { id } = await createPost(
      { ...ctx, db: tx as unknown as Database },
      {
        direction: 'request',
        kind: 'expertise',
        title: input.title,
        body: input.body,
        languages: [],
        themes: call.themes.slice(0, postLimits.themes),
        communes: call.communes,
        allBrussels: call.allBrussels,
        until: deadline < latest ? deadline : latest,
        informalMayAnswer: true,
        organisationId,
      },
    );
    await insertHelp(tx, call.id, id, ctx.now);
    await auditCall(tx, ctx, 'call_help_asked', call.id, { post: id });
    return { postId: id };
  });
}

/** The title the form proposes, in each language the call has a title in. */
export const helpTitles = (call: { title: I18nText }, words: Record<string, string>): I18nText =>
  Object.fromEntries(
    locales
      .filter((l) => call.title[l])
      .map((l) => [l, `${words[l]}: ${call.title[l]}`.slice(0, postLimits.title.max)]),
  );
