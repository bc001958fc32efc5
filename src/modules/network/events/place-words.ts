// A place of an event as one line ("Maison de quartier, Rue de la Senne 12, 1000 Bruxelles"), the
// commune's name where the address alone does not say it. Online events say so, without the link.
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import type { EventPlaceView } from './page-data.ts';

let communeNames: Map<string, I18nText> | undefined;

export function communeName(nis: string | null, locale: Locale): string {
  if (!nis) return '';
  communeNames ??= new Map(geoReference().communes.map((c) => [c.nis, c.name]));
  return textIn(communeNames.get(nis), locale);
}

export function placeText(place: EventPlaceView, locale: Locale, online: string): string {
  if (place.kind === 'online') return online;
  const town = [place.postcode, place.locality].filter(Boolean).join(' ');
  const commune = communeName(place.communeNis, locale);
  return [textIn(place.name, locale), place.address, town || commune].filter(Boolean).join(', ');
}
