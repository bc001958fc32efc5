// Reads the City of Brussels subsidy beneficiaries file (opendata.brussels, 2022): one record per
// organisation with its KBO/BCE number, address and geocode. Each record becomes an ImportRecord
// or a list of problems naming the field and the reason.
import type { FieldProblem } from '../../../shared/errors.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { normaliseKbo } from '../kbo.ts';

export const citySubsidiesSource = 'city-of-brussels-subsidies';

export interface ImportRecord {
  /** The record's identity in its source; the KBO/BCE number when there is one. */
  sourceId: string;
  kboNumber: string | null;
  name: I18nText;
  location: {
    address: string | null;
    postcode: string | null;
    locality: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
}

export type ParseResult =
  { ok: true; record: ImportRecord } | { ok: false; name?: string; problems: FieldProblem[] };

const fields = {
  kbo: 'Le numéro de BCE du bénéficiaire de la subvention',
  name: 'Nom du bénéficiaire de la subvention',
  postcode: 'Code postal',
  locality: 'Commune',
  street: 'Rue',
  number: 'Numéro de maison',
  latitude: 'Latitude',
  longitude: 'Longitude',
} as const;

function text(raw: Record<string, unknown>, field: string): string {
  const value = raw[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Names in this file are French unless the organisation calls itself a vzw only. */
function nameOf(name: string): I18nText {
  return /\bvzw\b/i.test(name) && !/\basbl\b/i.test(name) ? { nl: name } : { fr: name };
}

function coordinate(value: string, min: number, max: number): number | null | 'invalid' {
  if (value === '' || Number(value) === 0) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : 'invalid';
}

export function parseCitySubsidyRecord(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ field: '(record)', message: 'is not an object' }] };
  }
  const record = raw as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const name = text(record, fields.name).replace(/\s+/g, ' ');
  if (!name) problems.push({ field: fields.name, message: 'is empty' });
  else if (name.length > 300) problems.push({ field: fields.name, message: 'is longer than 300 characters' });

  const kboText = text(record, fields.kbo);
  const kboNumber = kboText ? normaliseKbo(kboText) : null;
  if (kboText && !kboNumber) {
    problems.push({
      field: fields.kbo,
      message: `"${kboText}" is not a valid KBO/BCE number (check digits)`,
    });
  }

  let postcode: string | null = text(record, fields.postcode);
  if (postcode === '0' || postcode === '') postcode = null;
  else if (!/^\d{4}$/.test(postcode))
    problems.push({ field: fields.postcode, message: `"${postcode}" is not a Belgian postcode` });

  const latitude = coordinate(text(record, fields.latitude), -90, 90);
  const longitude = coordinate(text(record, fields.longitude), -180, 180);
  if (latitude === 'invalid')
    problems.push({
      field: fields.latitude,
      message: `"${text(record, fields.latitude)}" is not a latitude`,
    });
  if (longitude === 'invalid')
    problems.push({
      field: fields.longitude,
      message: `"${text(record, fields.longitude)}" is not a longitude`,
    });
  if ((latitude === null) !== (longitude === null) && latitude !== 'invalid' && longitude !== 'invalid') {
    problems.push({
      field: latitude === null ? fields.latitude : fields.longitude,
      message: 'is missing while the other coordinate is given',
    });
  }
  if (problems.length) return { ok: false, name: name || undefined, problems };

  const street = [text(record, fields.street), text(record, fields.number)].filter(Boolean).join(' ');
  const locality = text(record, fields.locality) || null;
  const hasPlace = street || postcode || latitude !== null;
  return {
    ok: true,
    record: {
      sourceId: kboNumber ?? `${name.toLowerCase()}|${postcode ?? ''}`,
      kboNumber,
      name: nameOf(name),
      location: hasPlace
        ? {
            address: street || null,
            postcode,
            locality,
            latitude: latitude as number | null,
            longitude: longitude as number | null,
          }
        : null,
    },
  };
}
