// Following or no longer following themes of the directory's taxonomy (a theme includes its
// sub-themes in the digest). Unknown codes and actions are refused as a whole, nothing changed.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { auditAction } from '../../audit/index.ts';
import { themeCodes } from '../../directory/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { followThemes, unfollowThemes } from './follows.repo.ts';

export const themeActions = ['follow', 'unfollow'] as const;
export type ThemeAction = (typeof themeActions)[number];

const known = new Set(themeCodes);

export function checkThemeChange(input: { themes: string[]; action: string | undefined }) {
  const problems: FieldProblem[] = [];
  const action = themeActions.find((a) => a === input.action);
  if (!action) problems.push({ field: 'action', message: 'must be follow or unfollow' });
  const themes = [...new Set(input.themes.map((code) => code.trim()))];
  if (!themes.length) problems.push({ field: 'theme', message: 'choose at least one theme' });
  else if (!themes.every((code) => known.has(code)))
    problems.push({ field: 'theme', message: 'is not a theme of the directory' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { action: action!, themes };
}

export async function changeThemeFollows(
  ctx: NetworkContext,
  input: { themes: string[]; action: string | undefined },
): Promise<{ action: ThemeAction; changed: string[] }> {
  const { action, themes } = checkThemeChange(input);
  return ctx.db.transaction(async (tx) => {
    const changed =
      action === 'follow'
        ? await followThemes(tx, ctx.actor.userId, themes)
        : await unfollowThemes(tx, ctx.actor.userId, themes);
    if (changed.length)
      await auditAction(tx, ctx, {
        event: action === 'follow' ? 'network.themes_followed' : 'network.themes_unfollowed',
        subjectType: 'user',
        subjectId: ctx.actor.userId,
        details: { themes: changed },
      });
    return { action, changed };
  });
}
