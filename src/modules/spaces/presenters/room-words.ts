// How a room's price and address read, the same on its page, in the search and in calendars.
import type { Translator } from '../../../i18n/index.ts';

/** "Free", or "€15.00 an hour" in the reader's language. */
export function priceText(t: Translator, hourlyPriceCents: number): string {
  if (hourlyPriceCents === 0) return t.t('spaces.room.free');
  const price = new Intl.NumberFormat(t.locale, { style: 'currency', currency: 'EUR' }).format(
    hourlyPriceCents / 100,
  );
  return t.t('spaces.room.price', { price });
}

/** "Rue Haute 12, 1000 Bruxelles": street, then postcode and locality, what is known of them. */
export function addressText(place: {
  address: string | null;
  postcode: string | null;
  locality: string | null;
}): string {
  return [place.address, [place.postcode, place.locality].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
}
