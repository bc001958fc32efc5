// What a need signal says, checked before anything is stored: known themes, one place in Brussels
// (a point on the map, a street with its postcode, a quartier, a commune or a postcode), who it
// concerns, roughly how many, when it was seen, and a short text without a national number. Every
// problem is named at once, on its field.
import { placeAddress, geoReference } from '../geo/index.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { containsNationalNumber } from '../../shared/national-number.ts';
import {
  earliestSeen,
  maxThemes,
  noteLimit,
  type PeopleBand,
  peopleBands,
  type TargetGroup,
  targetGroups,
} from './signals.vocabulary.ts';

/** As typed in the form or sent to the API: strings, any of which may be missing or wrong. */
export interface SignalInput {
  themes: string[];
  /** A point picked on the map. */
  lat?: string;
  lon?: string;
  /** A street of the street list, placed with the postcode. */
  street?: string;
  postcode?: string;
  /** A Monitoring des Quartiers code. */
  quartier?: string;
  /** A commune's NIS code. */
  commune?: string;
  targetGroup?: string;
  people?: string;
  /** yyyy-MM-dd. */
  seenOn?: string;
  note?: string;
}

export interface CheckedSignal {
  themeCodes: string[];
  communeNis: string;
  quartierCode: number | null;
  targetGroup: TargetGroup;
  peopleBand: PeopleBand;
  seenOn: string;
  note: string | null;
}

export interface SignalRules {
  /** The taxonomy's theme and sub-theme codes. */
  themeCodes: ReadonlySet<string>;
  /** Today in Brussels, yyyy-MM-dd: nothing is seen tomorrow. */
  today: string;
}

type Place = { communeNis: string; quartierCode: number | null } | { problem: string; field: string };

function placeOf(input: SignalInput): Place {
  const geo = geoReference();
  const blank = (v?: string) => !v?.trim();
  if (!blank(input.lat) || !blank(input.lon)) {
    const [lat, lon] = [Number(input.lat), Number(input.lon)];
    const where = Number.isFinite(lat) && Number.isFinite(lon) ? geo.locate(lat, lon) : null;
    if (!where) return { problem: 'signal_point_outside', field: 'place' };
    return { communeNis: where.commune.nis, quartierCode: where.quartier?.code ?? null };
  }
  if (!blank(input.street)) {
    const placed = placeAddress(input.street!, input.postcode ?? '');
    if (!placed.placed)
      return { problem: placed.problem, field: placed.field === 'address' ? 'street' : 'postcode' };
    return { communeNis: placed.communeNis, quartierCode: placed.quartierCode };
  }
  if (!blank(input.quartier)) {
    const quartier = /^\d{1,4}$/.test(input.quartier!.trim())
      ? geo.quartier(Number(input.quartier))
      : undefined;
    if (!quartier) return { problem: 'signal_quartier', field: 'quartier' };
    if (!blank(input.commune) && input.commune!.trim() !== quartier.communeNis)
      return { problem: 'signal_quartier_commune', field: 'quartier' };
    return { communeNis: quartier.communeNis, quartierCode: quartier.code };
  }
  if (!blank(input.commune)) {
    const commune = geo.commune(input.commune!.trim());
    if (!commune) return { problem: 'signal_commune', field: 'commune' };
    return { communeNis: commune.nis, quartierCode: null };
  }
  if (!blank(input.postcode)) {
    const postcode = geo.postcode(input.postcode!.trim());
    if (!postcode) return { problem: 'postcode_outside_brussels', field: 'postcode' };
    return { communeNis: postcode.communeNis, quartierCode: null };
  }
  return { problem: 'signal_place', field: 'place' };
}

export function checkSignal(
  input: SignalInput,
  rules: SignalRules,
): { problems: FieldProblem[]; value?: CheckedSignal } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });

  const themeCodes = [...new Set(input.themes.map((t) => t.trim()).filter(Boolean))];
  if (!themeCodes.length || themeCodes.some((t) => !rules.themeCodes.has(t)))
    problem('themes', 'signal_theme');
  else if (themeCodes.length > maxThemes) problem('themes', 'signal_themes_many');

  const place = placeOf(input);
  if ('problem' in place) problem(place.field, place.problem);

  const targetGroup = targetGroups.find((g) => g === input.targetGroup);
  if (!targetGroup) problem('target_group', 'signal_target_group');
  const peopleBand = peopleBands.find((b) => b === input.people);
  if (!peopleBand) problem('people', 'signal_people');

  const seenOn = input.seenOn?.trim() ?? '';
  const validDate =
    /^\d{4}-\d{2}-\d{2}$/.test(seenOn) &&
    !Number.isNaN(Date.parse(`${seenOn}T00:00:00Z`)) &&
    new Date(`${seenOn}T00:00:00Z`).toISOString().startsWith(seenOn);
  if (!validDate) problem('seen_on', 'signal_seen');
  else if (seenOn > rules.today) problem('seen_on', 'signal_seen_future');
  else if (seenOn < earliestSeen) problem('seen_on', 'signal_seen_early');

  const note = input.note?.trim() ?? '';
  if (note.length > noteLimit) problem('note', 'signal_note_long');
  else if (containsNationalNumber(note)) problem('note', 'signal_national_number');

  if (problems.length || 'problem' in place || !targetGroup || !peopleBand) return { problems };
  return {
    problems,
    value: {
      themeCodes,
      communeNis: place.communeNis,
      quartierCode: place.quartierCode,
      targetGroup,
      peopleBand,
      seenOn,
      note: note || null,
    },
  };
}
