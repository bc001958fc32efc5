// Finding a room: a search form that works without JavaScript (a GET form), the rooms as a list,
// and the same rooms on a map when JavaScript runs. Given a date and times, only rooms that can be
// asked for then and are not booked are listed.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { label, Pagination, vocabularyOptions } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { ErrorSummary } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { PointsMap } from '../../../views/points-map.tsx';
import type { RoomView } from '../presenters/page-data.ts';
import { accessibilityFeatures } from '../spaces.vocabulary.ts';
import { addressText, priceText } from '../presenters/room-words.ts';
import { spanOf } from '../presenters/when.ts';
import { RoomThumbnail } from './room-photos.tsx';

export interface FindRoomsView {
  rooms: { room: RoomView; distanceKm: number | null }[];
  total: number;
  /** The place searched near, as understood ("1080 Molenbeek-Saint-Jean"). */
  placeLabel: string | null;
  slot: { start: Date; end: Date } | null;
  /** The week to open on a room's page. */
  week: string | null;
  searched: boolean;
  page: number;
  totalPages: number;
  pageLink: (page: number) => string;
}

function RoomCard({
  ctx,
  room,
  distanceKm,
  week,
}: {
  ctx: PageContext;
  room: RoomView;
  distanceKm: number | null;
  week: string | null;
}) {
  const { t } = ctx;
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, ctx.locale)?.text ?? '';
  const href = `/${ctx.locale}/rooms/${room.id}${week ? `?week=${week}#week` : ''}`;
  const price = priceText(t, room.hourlyPriceCents);
  const photo = room.photos[0];
  const words = (
    <>
      <h3>
        <a href={href} safe>
          {text(room.name)}
        </a>
      </h3>
      <p class="muted" safe>
        {[text(room.organisationName), room.place ? addressText(room.place) : ''].filter(Boolean).join(' · ')}
      </p>
      <p safe>
        {[
          t.t('spaces.room.capacity', { count: room.capacity }),
          price,
          ...room.accessibility.map((a) => label(ctx, 'spaces.access', a)),
          distanceKm !== null ? t.t('spaces.find.distance', { km: Math.round(distanceKm * 10) / 10 }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {room.isDemo ? <p class="demo-label">{t.html('spaces.room.demo')}</p> : ''}
    </>
  );
  // The first photo, small, beside the words; the name links to the room.
  return photo ? (
    <li class="card room-card with-photo">
      <div>{words}</div>
      <RoomThumbnail photo={photo} />
    </li>
  ) : (
    <li class="card room-card">{words}</li>
  );
}

export function FindRoomsPage({
  ctx,
  values,
  problems = [],
  data,
}: {
  ctx: PageContext;
  values: FormValues;
  problems?: FieldProblem[];
  data: FindRoomsView;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, ctx.locale)?.text ?? '';
  const summary = data.slot
    ? t.t('spaces.find.free_at', { count: data.total, when: spanOf(ctx, data.slot) })
    : t.t('spaces.find.count', { count: data.total });
  // After a search the rooms come first (on a phone the form is long); the form follows to refine it.
  const form = (
    <form method="get" action={`/${ctx.locale}/rooms`} class="form room-search" novalidate>
      <div class="side-by-side">
        {f.text('near', t.t('spaces.find.near'), { maxlength: 200, hint: t.t('spaces.find.near_hint') })}
        {f.select(
          'radius',
          t.t('spaces.find.radius'),
          ['1', '2', '5'].map((km) => ({ value: km, label: t.t('spaces.find.km', { km: Number(km) }) })),
        )}
      </div>
      <div class="side-by-side">
        {f.text('date', t.t('spaces.ask.date'), { type: 'date' })}
        {f.text('from', t.t('spaces.ask.start'), { type: 'time' })}
        {f.text('until', t.t('spaces.ask.end'), { type: 'time' })}
      </div>
      {f.text('people', t.t('spaces.ask.attendees'), { maxlength: 7 })}
      {f.choices(
        'access',
        t.t('spaces.form.accessibility'),
        vocabularyOptions(ctx, 'spaces.access', accessibilityFeatures),
        {
          multiple: true,
        },
      )}
      {f.choices('free', t.t('spaces.room.cost'), [{ value: '1', label: t.t('spaces.find.free_only') }], {
        multiple: true,
      })}
      <div class="form-actions">
        <button type="submit">{t.html('spaces.find.submit')}</button>
      </div>
    </form>
  );
  const results = (
    <section aria-labelledby="found-title">
      <h2 id="found-title" safe>
        {data.placeLabel
          ? `${summary} ${t.t('spaces.find.near_place', { place: data.placeLabel })}`
          : summary}
      </h2>
      {!data.slot ? <p class="hint">{t.html('spaces.find.give_time')}</p> : ''}
      {data.rooms.length ? (
        <>
          <PointsMap
            ctx={ctx}
            class="small-map"
            label={t.t('spaces.find.map')}
            points={data.rooms.map(({ room }) => ({
              lat: room.place?.lat ?? null,
              lon: room.place?.lon ?? null,
              label: `${text(room.name)} – ${text(room.organisationName)}`,
              href: `/${ctx.locale}/rooms/${room.id}${data.week ? `?week=${data.week}#week` : ''}`,
            }))}
          />
          <ul class="cards room-results">
            {data.rooms.map(({ room, distanceKm }) => (
              <RoomCard ctx={ctx} room={room} distanceKm={distanceKm} week={data.week} />
            ))}
          </ul>
          <Pagination
            ctx={ctx}
            page={{ page: data.page, totalPages: data.totalPages, total: data.total }}
            link={data.pageLink}
          />
        </>
      ) : (
        <p>{t.html(data.searched ? 'spaces.find.none' : 'spaces.find.no_rooms')}</p>
      )}
    </section>
  );
  return (
    <Layout
      ctx={ctx}
      title={t.t('spaces.find.title')}
      scripts={['vendor/leaflet/leaflet.js', 'map.js']}
      styles={['vendor/leaflet/leaflet.css']}
    >
      <h1>{t.html('spaces.find.title')}</h1>
      <p class="lead">{t.html('spaces.find.lead')}</p>
      {problems.length ? <ErrorSummary ctx={ctx} problems={problems} /> : ''}
      {problems.length ? (
        form
      ) : data.searched ? (
        <>
          {results}
          <h2>{t.html('spaces.find.refine')}</h2>
          {form}
        </>
      ) : (
        <>
          {form}
          {results}
        </>
      )}
    </Layout>
  );
}
