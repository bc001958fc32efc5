// The places where an organisation receives people: address, how to get there, accessibility, and
// which of its services are offered there. Coordinates given inside the region decide the commune
// and quartier; without them, the street and postcode place it on the street's part in the
// postcode's area (approximate: the data has no house numbers). A place that cannot be put in a
// Brussels commune is refused with the reason.
import { and, between, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { preparedOn } from '../../../../db/prepared.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import { cleanText, type I18nText } from '../../../../shared/i18n-text.ts';
import { geoReference, placeAddress } from '../../../geo/index.ts';
import { locations, organisations, serviceAtLocations, services } from '../../directory.schema.ts';
import { diff, recordVersion, removal } from '../listing-versions.ts';
import { deleteOwnRow, lockOwnRow } from '../own-rows.ts';

export interface LocationInput {
  name: I18nText;
  address: string;
  postcode: string;
  locality: string;
  latitude: string;
  longitude: string;
  accessibility: I18nText;
  transport: I18nText;
  serviceIds: string[];
}

// Belgium and a margin: a point outside is a typo (swapped coordinates, a missing minus).
const bounds = { lat: [49.4, 51.6], lon: [2.4, 6.5] } as const;

export function checkLocation(input: LocationInput) {
  const problems: FieldProblem[] = [];
  const texts = {
    name: cleanText(input.name),
    accessibility: cleanText(input.accessibility),
    transport: cleanText(input.transport),
  };
  for (const [field, value] of Object.entries(texts))
    for (const [lang, text] of Object.entries(value))
      if (text.length > 1_000)
        problems.push({ field: `${field}.${lang}`, message: 'is too long', code: 'too_long_1000' });
  const address = input.address.trim();
  if (!address) problems.push({ field: 'address', message: 'is required', code: 'required' });
  if (address.length > 200) problems.push({ field: 'address', message: 'is too long', code: 'too_long_200' });
  const postcode = input.postcode.trim();
  if (!/^\d{4}$/.test(postcode))
    problems.push({ field: 'postcode', message: 'is not a postcode', code: 'postcode_invalid' });
  const locality = input.locality.trim().slice(0, 100) || null;
  let latitude: number | null = null;
  let longitude: number | null = null;
  let placement: 'coordinates' | 'street' | 'postcode' | null = null;
  let place: { communeNis: string; quartierCode: number | null } | null = null;
  const [lat, lon] = [input.latitude.trim().replace(',', '.'), input.longitude.trim().replace(',', '.')];
  if (lat || lon) {
    latitude = Number(lat);
    longitude = Number(lon);
    if (!lat || !lon || !Number.isFinite(latitude) || !Number.isFinite(longitude))
      problems.push({
        field: 'latitude',
        message: 'needs both coordinates as numbers',
        code: 'coordinates_pair',
      });
    else if (
      latitude < bounds.lat[0] ||
      latitude > bounds.lat[1] ||
      longitude < bounds.lon[0] ||
      longitude > bounds.lon[1]
    )
      problems.push({ field: 'latitude', message: 'is outside Belgium', code: 'coordinates_outside' });
    else {
      const where = geoReference().locate(latitude, longitude);
      if (!where)
        problems.push({
          field: 'latitude',
          message: 'is outside the region',
          code: 'coordinates_outside_region',
        });
      place = where && { communeNis: where.commune.nis, quartierCode: where.quartier?.code ?? null };
      placement = 'coordinates';
    }
  } else if (!problems.some((p) => p.field === 'postcode' || p.field === 'address')) {
    const placed = placeAddress(address, postcode);
    if (placed.placed) {
      [latitude, longitude, placement] = [placed.lat, placed.lon, placed.precision];
      place = { communeNis: placed.communeNis, quartierCode: placed.quartierCode };
    } else problems.push({ field: placed.field, message: 'cannot be placed', code: placed.problem });
  }
  return {
    problems,
    values: {
      name: Object.keys(texts.name).length ? texts.name : null,
      address,
      postcode,
      locality,
      latitude,
      longitude,
      communeNis: place?.communeNis ?? null,
      quartierCode: place?.quartierCode ?? null,
      placement,
      accessibility: Object.keys(texts.accessibility).length ? texts.accessibility : null,
      transport: Object.keys(texts.transport).length ? texts.transport : null,
    },
  };
}

/** Adds a location (no id) or changes one of this organisation's; returns its id. */
export async function writeLocation(
  tx: Executor,
  organisationId: string,
  locationId: string | null,
  input: LocationInput,
  actorId: string,
): Promise<string> {
  const { problems, values } = checkLocation(input);
  const wanted = [...new Set(input.serviceIds)];
  const own = wanted.length
    ? await tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.organisationId, organisationId), inArray(services.id, wanted)))
    : [];
  // A service of another organisation cannot be placed here, whatever the form says.
  if (own.length !== wanted.length)
    problems.push({ field: 'services', message: 'has an unknown service', code: 'choose_one' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

  let id = locationId;
  if (!id) {
    const [row] = await tx
      .insert(locations)
      .values({ ...values, organisationId })
      .returning({ id: locations.id });
    id = row!.id;
    await recordVersion(tx, {
      recordType: 'location',
      recordId: id,
      organisationId,
      actorId,
      action: 'create',
      changes: diff({} as Record<string, unknown>, { ...values, services: [...wanted].sort() }),
    });
  } else {
    const current = await lockOwnRow(tx, locations, id, organisationId);
    const before = (
      await tx
        .select({ id: serviceAtLocations.serviceId })
        .from(serviceAtLocations)
        .where(eq(serviceAtLocations.locationId, id))
    )
      .map((r) => r.id)
      .sort();
    const changes = diff({ ...current, services: before }, { ...values, services: [...wanted].sort() });
    if (!Object.keys(changes).length) return id;
    await tx
      .update(locations)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(locations.id, id));
    await recordVersion(tx, {
      recordType: 'location',
      recordId: id,
      organisationId,
      actorId,
      action: 'update',
      changes,
    });
  }
  await tx.delete(serviceAtLocations).where(eq(serviceAtLocations.locationId, id));
  if (wanted.length)
    await tx.insert(serviceAtLocations).values(wanted.map((serviceId) => ({ serviceId, locationId: id! })));
  return id;
}

export async function removeLocation(
  tx: Executor,
  organisationId: string,
  locationId: string,
  actorId: string,
): Promise<void> {
  const placed = await tx
    .select({ id: serviceAtLocations.serviceId })
    .from(serviceAtLocations)
    .where(eq(serviceAtLocations.locationId, locationId));
  // Other modules' rows at a place (rooms, with their bookings) keep it: the database refuses (23503)
  // rather than let groups' bookings vanish with a place an editor removes.
  const removed = await tx
    .transaction((savepoint) => deleteOwnRow(savepoint, locations, locationId, organisationId))
    .catch((error: unknown) => {
      for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
        if ((e as { code?: string }).code === '23503') throw new AppError('LOCATION_IN_USE');
      throw error;
    });
  const { id: _id, organisationId: _org, createdAt: _created, updatedAt: _updated, ...rest } = removed;
  await recordVersion(tx, {
    recordType: 'location',
    recordId: locationId,
    organisationId,
    actorId,
    action: 'delete',
    // Everything it held, so the history keeps what was removed.
    changes: removal({ ...rest, services: placed.map((p) => p.id).sort() }),
  });
}

/** Where places are: their point and commune, for other modules' searches by place (rooms). */
export async function findLocationPoints(
  db: Executor,
  where:
    | { ids: string[] }
    | { commune: string }
    | { box: { south: number; north: number; west: number; east: number } },
) {
  const condition =
    'ids' in where
      ? inArray(locations.id, where.ids)
      : 'commune' in where
        ? eq(locations.communeNis, where.commune)
        : and(
            between(locations.latitude, where.box.south, where.box.north),
            between(locations.longitude, where.box.west, where.box.east),
          );
  if ('ids' in where && !where.ids.length) return [];
  return db
    .select({
      id: locations.id,
      lat: locations.latitude,
      lon: locations.longitude,
      communeNis: locations.communeNis,
    })
    .from(locations)
    .where(condition);
}

/**
 * The ids of the places in a commune, as a query not yet run: another module's query holds it
 * (`location_id in (…)`), so a search by commune (rooms) does not fetch a thousand ids to send them
 * back.
 */
export function locationIdsInCommune(db: Executor, commune: string): SQLWrapper {
  return db.select({ id: locations.id }).from(locations).where(eq(locations.communeNis, commune));
}

/** What another module shows of a place: not its descriptions in three languages. */
const placeColumns = {
  id: locations.id,
  name: locations.name,
  address: locations.address,
  postcode: locations.postcode,
  locality: locations.locality,
  communeNis: locations.communeNis,
  latitude: locations.latitude,
  longitude: locations.longitude,
};

/**
 * Organisations' names with their places (only those of `onlyPlaces` when given), for another
 * module's page of things at those places: one plain query (a join, not Drizzle's relational
 * query, whose building cost more than the query).
 */
export async function findOrganisationsWithPlaces(db: Executor, ids: string[], onlyPlaces?: string[]) {
  if (!ids.length) return [];
  const placeOf = eq(locations.organisationId, organisations.id);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      isDemo: organisations.isDemo,
      place: placeColumns,
    })
    .from(organisations)
    .leftJoin(
      locations,
      onlyPlaces ? and(placeOf, sql`${locations.id} = any(${sql.param(onlyPlaces)}::uuid[])`) : placeOf,
    )
    .where(sql`${organisations.id} = any(${sql.param(ids)}::uuid[])`);
  type Place = NonNullable<(typeof rows)[number]['place']>;
  const found = new Map<string, { id: string; name: I18nText; isDemo: boolean; locations: Place[] }>();
  for (const { id, name, isDemo, place } of rows) {
    let organisation = found.get(id);
    if (!organisation) found.set(id, (organisation = { id, name, isDemo, locations: [] }));
    if (place) organisation.locations.push(place);
  }
  return [...found.values()];
}

const addressOfPlace = preparedOn((db) =>
  db
    .select({ address: locations.address, postcode: locations.postcode, locality: locations.locality })
    .from(locations)
    .where(
      and(
        eq(locations.id, sql.placeholder('place')),
        eq(locations.organisationId, sql.placeholder('organisation')),
      ),
    )
    .prepare('directory_address_of_place'),
);

/**
 * The address of one place of an organisation (none if the place is not theirs), for another
 * module's e-mails. Built once: it is read at every registration for an event.
 */
export async function findPlaceAddress(db: Executor, organisationId: string, placeId: string) {
  const [row] = await addressOfPlace(db).execute({ organisation: organisationId, place: placeId });
  return row;
}
