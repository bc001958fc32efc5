// API tokens let an organisation's own software (a case file system, a CRM) use /api/v1/referrals
// (and the other modules' APIs) as that organisation. Admins create and revoke them; the token is
// shown once and only its SHA-256 is kept, with its first characters so admins can tell tokens
// apart. The table and the check of a token are the access module's.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { hashToken, newToken } from '../../../shared/tokens.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { auditReferral } from '../referral-access.ts';
import type { ReferralActor, ReferralContext } from '../referral-context.ts';
import {
  apiTokenPrefix as tokenPrefix,
  apiTokens,
  canManageMembers,
  findMembership,
} from '../../access/index.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

async function requireAdmin(db: Executor, actor: ReferralActor, organisationId: string): Promise<void> {
  if (actor.kind !== 'person' || !isUuid(organisationId)) throw new AppError('ORGANISATION_NOT_FOUND');
  if (!canManageMembers(await findMembership(db, actor.userId, organisationId)))
    throw new AppError('ORGANISATION_NOT_FOUND');
}

export async function listApiTokens(ctx: ReferralContext, organisationId: string): Promise<ApiTokenRow[]> {
  await requireAdmin(ctx.db, ctx.actor, organisationId);
  return ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.createdAt));
}

export async function createApiToken(
  ctx: ReferralContext,
  organisationId: string,
  name: string,
): Promise<{ token: string; id: string }> {
  await requireAdmin(ctx.db, ctx.actor, organisationId);
  const label = name.trim();
  if (!label || label.length > 80)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'name', message: 'api_token_name', code: 'api_token_name' }],
    });
  const { token: secret } = newToken();
  const token = `${tokenPrefix}${secret}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId,
        name: label,
        tokenHash: hashToken(token),
        prefix: token.slice(0, tokenPrefix.length + 6),
        createdBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
        createdAt: ctx.now,
      })
      .returning({ id: apiTokens.id });
    await auditReferral(tx, ctx, 'api_token_created', null, { organisation: organisationId, token: row!.id });
    return { token, id: row!.id };
  });
}

export async function revokeApiToken(
  ctx: ReferralContext,
  organisationId: string,
  tokenId: string,
): Promise<void> {
  await requireAdmin(ctx.db, ctx.actor, organisationId);
  if (!isUuid(tokenId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          eq(apiTokens.organisationId, organisationId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (!revoked.length) throw new AppError('NOT_FOUND');
    await auditReferral(tx, ctx, 'api_token_revoked', null, { organisation: organisationId, token: tokenId });
  });
}
