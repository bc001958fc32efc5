// Signalling a need: a plain form that works without JavaScript and on a small phone. It never
// asks for a person's name, and says so.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { vocabularyOptions } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { peopleBands, targetGroups } from '../signals.vocabulary.ts';

export interface SignalFormData {
  /** The organisations the person may signal for; none for a visitor. */
  organisations: { id: string; name: I18nText }[];
  themes: { code: string; name: I18nText }[];
  communes: { nis: string; name: I18nText }[];
  quartiers: { code: number; name: I18nText; communeNis: string }[];
}

/**
 * A point picked on the map, the first of the ways to say where. Hidden until the map script shows
 * it: without JavaScript the quartier, commune, postcode and street fields say where on their own.
 */
function MapPick({ ctx, f }: { ctx: PageContext; f: ReturnType<typeof formFields> }) {
  const { t } = ctx;
  return (
    <div class="map-pick" data-map-pick hidden>
      <p class="hint">{t.html('signals.new.map_hint')}</p>
      <div
        class="map small-map location-map"
        data-map="location"
        data-communes="/api/v1/geo/communes"
        data-tiles={ctx.tiles.url}
        data-attribution={ctx.tiles.attribution}
        data-marker={t.t('signals.new.marker')}
        role="region"
        aria-label={t.t('signals.new.map_label')}
      ></div>
      <div class="side-by-side">
        {f.text('point-latitude', t.t('signals.new.latitude'), { maxlength: 20 })}
        {f.text('point-longitude', t.t('signals.new.longitude'), { maxlength: 20 })}
      </div>
    </div>
  );
}

export function SignalFormPage({
  ctx,
  data,
  values = {},
  problems = [],
  message,
  done,
}: {
  ctx: PageContext;
  data: SignalFormData;
  values?: FormValues;
  problems?: FieldProblem[];
  message?: string;
  done?: string;
}) {
  const { t } = ctx;
  // "Say where" belongs to the place fields as a whole: it is shown at the first of them.
  const shown = problems.map((p) => (p.field === 'place' ? { ...p, field: 'quartier' } : p));
  const f = formFields(ctx, { values, problems: shown });
  const name = (text: I18nText) => pickText(text, ctx.locale)?.text ?? '';
  const communeName = new Map(data.communes.map((c) => [c.nis, name(c.name)]));
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, ctx.locale);
  return (
    <Layout
      ctx={ctx}
      title={t.t('signals.new.title')}
      scripts={['vendor/leaflet/leaflet.js', 'map.js']}
      styles={['vendor/leaflet/leaflet.css']}
    >
      <h1>{t.html('signals.new.title')}</h1>
      {done ? <Notice text={done} /> : ''}
      {message ? <Notice text={message} tone="warn" /> : ''}
      <p class="lead">{t.html('signals.new.lead')}</p>
      <Notice text={t.t('signals.new.no_names')} tone="warn" />
      <Form
        ctx={ctx}
        problems={problems}
        action={`/${ctx.locale}/signals/new`}
        submit={t.t('signals.new.submit')}
      >
        {data.organisations.length ? (
          f.select(
            'organisation',
            t.t('signals.new.organisation'),
            data.organisations.map((o) => ({ value: o.id, label: name(o.name) })),
          )
        ) : (
          <p>{t.html('signals.new.visitor')}</p>
        )}
        {f.choices(
          'themes',
          t.t('signals.new.themes'),
          data.themes.map((theme) => ({ value: theme.code, label: name(theme.name) })),
          { multiple: true, hint: t.t('signals.new.themes_hint') },
        )}
        <fieldset class="place-fields">
          <legend>{t.html('signals.new.where')}</legend>
          <p class="hint">{t.html('signals.new.where_hint')}</p>
          <MapPick ctx={ctx} f={f} />
          {f.select(
            'quartier',
            t.t('signals.new.quartier'),
            data.quartiers
              .map((q) => ({
                value: String(q.code),
                label: `${name(q.name)} (${communeName.get(q.communeNis)})`,
              }))
              .sort(byName),
            { empty: t.t('signals.new.choose') },
          )}
          {f.select(
            'commune',
            t.t('signals.new.commune'),
            data.communes.map((c) => ({ value: c.nis, label: name(c.name) })).sort(byName),
            { empty: t.t('signals.new.choose') },
          )}
          {f.text('postcode', t.t('signals.new.postcode'), { maxlength: 4, autocomplete: 'postal-code' })}
          {f.text('street', t.t('signals.new.street'), {
            maxlength: 200,
            hint: t.t('signals.new.street_hint'),
          })}
        </fieldset>
        {f.select(
          'target_group',
          t.t('signals.new.target_group'),
          vocabularyOptions(ctx, 'signals.group', targetGroups),
          {
            empty: t.t('signals.new.choose'),
          },
        )}
        {f.choices('people', t.t('signals.new.people'), vocabularyOptions(ctx, 'signals.band', peopleBands))}
        {f.text('seen_on', t.t('signals.new.seen_on'), { type: 'date' })}
        {f.area('note', t.t('signals.new.note'), { maxlength: 1000, hint: t.t('signals.new.note_hint') })}
      </Form>
    </Layout>
  );
}
