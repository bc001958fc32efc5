// Signalling a need: a member for her organisation (published at once), an integration with its
// token (the same), or a visitor without an account (waits for a moderator, limited per IP address).
// Nothing asks for a person's name; the short text is encrypted and never published.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AppError } from '../../../shared/errors.ts';
import { encryptField } from '../../../shared/field-encryption.ts';
import { recordAudit } from '../../audit/index.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { checkSignal, type SignalInput } from '../check-signal.ts';
import type { SignalContext } from '../signal-context.ts';
import { signallingOrganisation } from '../signals.policy.ts';
import { insertSignal } from '../signals.repo.ts';

/** The text is bound to its row and column: moved elsewhere, it does not decrypt. */
export const signalNoteContext = (id: string) => `need_signals.note:${id}`;

export async function signalNeed(
  ctx: SignalContext,
  input: SignalInput & { organisationId?: string },
): Promise<{ id: string; status: 'published' | 'pending' }> {
  const organisationId = await signallingOrganisation(ctx.db, ctx.actor, input.organisationId);
  const today = DateTime.fromJSDate(ctx.now, { zone: 'Europe/Brussels' }).toISODate()!;
  const themeCodes = new Set((await getTaxonomy(ctx.db)).byCode.keys());
  const { problems, value } = checkSignal(input, { themeCodes, today });
  if (!value) throw new AppError('VALIDATION_FAILED', { fields: problems });
  // Counted only once the signal is sound, so a mistyped form does not use up a visitor's tries.
  if (ctx.actor.kind === 'visitor') {
    if (!ctx.visitorLimit) throw new Error('a visitor signals only where a limit per address is set');
    await ctx.visitorLimit.consume(ctx.ip ?? 'unknown');
  }

  const id = randomUUID();
  const status = ctx.actor.kind === 'visitor' ? 'pending' : 'published';
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    await insertSignal(tx, {
      id,
      organisationId,
      createdBy: actor.kind === 'person' ? actor.userId : null,
      apiTokenId: actor.kind === 'token' ? actor.tokenId : null,
      origin: actor.kind === 'person' ? 'member' : actor.kind === 'token' ? 'api' : 'visitor',
      status,
      themeCodes: value.themeCodes,
      communeNis: value.communeNis,
      quartierCode: value.quartierCode,
      targetGroup: value.targetGroup,
      peopleBand: value.peopleBand,
      seenOn: value.seenOn,
      note: value.note === null ? null : encryptField(ctx.keys, value.note, signalNoteContext(id)),
      createdAt: ctx.now,
    });
    await recordAudit(tx, {
      event: 'signal.created',
      actorId: actor.kind === 'person' ? actor.userId : null,
      actorEmail: actor.kind === 'person' ? actor.email : null,
      subjectType: 'need_signal',
      subjectId: id,
      ip: ctx.ip,
      details: {
        status,
        ...(organisationId ? { organisationId } : {}),
        ...(actor.kind === 'token' ? { apiToken: actor.tokenId } : {}),
      },
    });
  });
  return { id, status };
}
