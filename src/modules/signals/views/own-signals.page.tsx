// An organisation's own signals, with their texts and whether they count: for its members.
import type { PageContext } from '../../../http/request-context.ts';
import { label } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import type { SignalView } from '../presenters/page-data.ts';
import { SignalFacts, type SignalNames } from './signal-facts.tsx';

export function OwnSignalsPage({
  ctx,
  organisation,
  signals,
  names,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  signals: SignalView[];
  names: SignalNames;
}) {
  const { t } = ctx;
  const title = t.t('signals.own.title', { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={organisation.id} canEdit={false} />
      <p>{t.html('signals.own.lead')}</p>
      <p>
        <a href={`/${ctx.locale}/signals/new`}>{t.html('signals.new.title')}</a>
      </p>
      {signals.length ? (
        <ul class="cards">
          {signals.map((s) => (
            <li class="card">
              <p class="summary" safe>
                {label(ctx, 'signals.status', s.status)}
              </p>
              <SignalFacts ctx={ctx} signal={s} names={names} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('signals.own.empty')}</p>
      )}
    </Layout>
  );
}
