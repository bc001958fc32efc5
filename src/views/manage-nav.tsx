// The tabs of an organisation's management pages: its listing (profile, services, places, contact
// persons), its members and its history. Shared by the directory and the membership module.
import type { PageContext } from '../http/request-context.ts';

export function ManageLinks({
  ctx,
  organisationId,
  canEdit = true,
}: {
  ctx: PageContext;
  organisationId: string;
  /** Referrers see the members and the history, not the editing forms. */
  canEdit?: boolean;
}) {
  const base = `/${ctx.locale}/manage/organisations/${organisationId}`;
  const here = (path: string) => (ctx.path === `${base.slice(3)}${path}` ? 'page' : undefined);
  return (
    <nav class="manage-nav" aria-label={ctx.t.t('manage.nav')}>
      <ul>
        {canEdit ? (
          <>
            <li>
              <a href={`${base}/profile`} aria-current={here('/profile')}>
                {ctx.t.html('manage.profile')}
              </a>
            </li>
            <li>
              <a href={`${base}/services`} aria-current={here('/services')}>
                {ctx.t.html('manage.services')}
              </a>
            </li>
            <li>
              <a href={`${base}/locations`} aria-current={here('/locations')}>
                {ctx.t.html('manage.locations')}
              </a>
            </li>
            <li>
              <a href={`${base}/contacts`} aria-current={here('/contacts')}>
                {ctx.t.html('manage.contacts')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
        <li>
          <a href={`${base}/members`} aria-current={here('/members')}>
            {ctx.t.html('manage.members')}
          </a>
        </li>
        <li>
          <a href={`${base}/history`} aria-current={here('/history')}>
            {ctx.t.html('manage.history')}
          </a>
        </li>
        <li>
          <a href={`/${ctx.locale}/organisations/${organisationId}`}>{ctx.t.html('manage.public_page')}</a>
        </li>
      </ul>
    </nav>
  );
}
