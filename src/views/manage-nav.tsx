// The tabs of an organisation's management pages: its listing (profile, services, places, contact
// persons, rooms to share, events), its members, its history, its bookings of others' rooms, the needs it
// signalled and its surveys. Shared by the directory and the membership module.
import type { PageContext } from '../http/request-context.ts';

/** The editing forms, then what referrers see too. */
const editTabs = ['profile', 'services', 'locations', 'contacts', 'rooms', 'events'] as const;
const viewTabs = ['members', 'history', 'bookings', 'signals', 'surveys'] as const;

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
  const tabs = canEdit ? [...editTabs, ...viewTabs] : viewTabs;
  return (
    <nav class="manage-nav" aria-label={ctx.t.t('manage.nav')}>
      <ul>
        {tabs.map((tab) => (
          <li>
            <a
              href={`${base}/${tab}`}
              aria-current={ctx.path === `${base.slice(3)}/${tab}` ? 'page' : undefined}
            >
              {ctx.t.html(`manage.${tab}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={`/${ctx.locale}/organisations/${organisationId}`}>{ctx.t.html('manage.public_page')}</a>
        </li>
      </ul>
    </nav>
  );
}
