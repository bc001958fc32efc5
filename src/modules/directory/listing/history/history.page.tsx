// The history of a listing: every change, who made it, before and after; rollback for moderators.
import type { PageContext } from '../../../../http/request-context.ts';
import { DataTable } from '../../../../views/components.tsx';
import type { MessageKey } from '../../../../i18n/index.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { PostButton } from '../../../../views/forms.tsx';
import { ListingLayout } from '../listing-parts.tsx';

export interface VersionView {
  id: number;
  at: Date;
  actor: string;
  recordType: string;
  recordName: string;
  action: string;
  /** A change of fields of a record kind that can be rolled back. */
  rollbackable: boolean;
  rolledBack: number | null;
  changes: { field: string; before: string; after: string }[];
}

export function HistoryPage({
  ctx,
  organisationId,
  name,
  versions,
  canRollBack,
  notice,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  versions: VersionView[];
  canRollBack: boolean;
  notice?: string;
}) {
  const { t } = ctx;
  const title = t.t('directory.history.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const when = (d: Date) =>
    `${t.date(d, 'medium')} ${d.toLocaleTimeString(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' })}`;
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} notice={notice}>
      {versions.length ? (
        <ol class="history">
          {versions.map((v) => (
            <li class="card" id={`v${v.id}`}>
              <p>
                <strong safe>{when(v.at)}</strong> · <span safe>{v.actor}</span> ·{' '}
                <span safe>
                  {t.t(`directory.history.record.${v.recordType}` as MessageKey, { name: v.recordName })}
                </span>
                {v.action === 'rollback' ? (
                  <>
                    {' '}
                    · <span safe>{t.t('directory.history.rollback_of', { id: v.rolledBack ?? 0 })}</span>
                  </>
                ) : (
                  ''
                )}
              </p>
              <DataTable
                caption={t.t('directory.history.changes_caption', { id: v.id })}
                columns={[
                  t.t('directory.history.field'),
                  t.t('directory.history.before'),
                  t.t('directory.history.after'),
                ]}
              >
                {v.changes.map((c) => (
                  <tr>
                    <th scope="row" safe>
                      {c.field}
                    </th>
                    <td class="before" safe>
                      {c.before}
                    </td>
                    <td class="after" safe>
                      {c.after}
                    </td>
                  </tr>
                ))}
              </DataTable>
              {canRollBack && v.rollbackable ? (
                <PostButton
                  ctx={ctx}
                  action={`/${ctx.locale}/manage/versions/${v.id}/rollback`}
                  label={t.t('directory.history.roll_back')}
                  ariaLabel={t.t('directory.history.roll_back_label', { id: v.id })}
                />
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.html('directory.history.none')}</p>
      )}
    </ListingLayout>
  );
}
