// E-mails to a person about their registration, in the language they registered in: the link to
// confirm their address, their place (with where to go or the link to join online, and the
// calendar file), the waiting list, moving up from it, a cancellation, the event or date called off
// by its organisers or moved to another time, a second registration of the same address, and the
// reminder the day before. Each carries the person's own link (registration-link.ts), where they
// see their registration and cancel it; the reminder and a new time say so in as many words.
import type { Executor } from '../../../db/client.ts';
import { translator, type MessageKey } from '../../../i18n/index.ts';
import { type I18nText, isLocale, type Locale, pickText } from '../../../shared/i18n-text.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { queueMail } from '../../notifications/index.ts';
import { registrationPath } from './registration-link.ts';
import { type EventPlace, whenText } from './registration-words.ts';

export type RegistrationMailKind =
  | 'confirm_address'
  | 'confirmed'
  | 'waitlisted'
  | 'moved_up'
  | 'cancelled'
  | 'called_off'
  | 'time_changed'
  | 'already_registered'
  | 'reminder';

/** What the links of a mail need: the site's origin, and the keys the person's link is signed with. */
export interface MailLinks {
  origin: string;
  keys: KeyRing;
}

export interface RegistrationMail {
  /** The person; `id`, their registration's, gives the mail their own link. */
  to: { id?: string; email: string; name: string; locale: string };
  event: { id: string; title: I18nText };
  date: { startsAt: Date; endsAt: Date };
  place: EventPlace;
  /** For the waiting list: the person's place on it. */
  position?: number;
  /** Why the organisers called the event off, when they said. */
  reason?: string | null;
}

export async function mailRegistration(
  tx: Executor,
  { origin, keys }: MailLinks,
  kind: RegistrationMailKind,
  mail: RegistrationMail,
): Promise<void> {
  const locale: Locale = isLocale(mail.to.locale) ? mail.to.locale : 'fr';
  const { t } = translator(locale);
  const key = (part: string) => `network.registration.mail.${kind}.${part}` as MessageKey;
  const values = {
    event: pickText(mail.event.title, locale)?.text ?? '',
    when: whenText(locale, mail.date),
    position: mail.position ?? 0,
  };
  const own = mail.to.id ? `${origin}${registrationPath(keys, locale, mail.to.id)}` : null;
  const eventPage = `${origin}/${locale}/events/${mail.event.id}`;
  const placed = kind === 'confirmed' || kind === 'moved_up' || kind === 'reminder';
  // The first mail goes to an address nobody proved yet: it carries no text the registering person
  // typed (their name could hold a link), so it cannot be used to send others someone's message.
  const paragraphs = [
    ...(kind === 'confirm_address' || kind === 'already_registered'
      ? []
      : [t('notifications.mail.greeting', { name: mail.to.name })]),
    t(key('body'), values),
  ];
  if (kind === 'called_off' && mail.reason)
    paragraphs.push(t('network.registration.mail.called_off.reason', { reason: mail.reason }));
  if (placed && mail.place.onlineUrl)
    paragraphs.push(t('network.registration.mail.online', { url: mail.place.onlineUrl }));
  if (placed && mail.place.address)
    paragraphs.push(t('network.registration.mail.address', { address: mail.place.address }));
  if (placed && own) paragraphs.push(t('network.registration.mail.calendar', { url: `${own}.ics` }));
  // The day before, or at a new time, is when people find they cannot come: the mail says how.
  if ((kind === 'reminder' || kind === 'time_changed') && own)
    paragraphs.push(t('network.registration.mail.cancel_hint'));
  else if (kind !== 'confirm_address' && kind !== 'cancelled' && kind !== 'called_off')
    paragraphs.push(
      t(own ? 'network.registration.mail.keep_link' : 'network.registration.mail.earlier_link'),
    );
  await queueMail(tx, {
    to: mail.to.email,
    locale,
    subject: t(key('subject'), values),
    paragraphs,
    action: {
      label: t(
        kind === 'confirm_address'
          ? 'network.registration.mail.confirm_address.action'
          : own
            ? 'network.registration.mail.action_own'
            : 'network.registration.mail.action_event',
      ),
      url: own ?? eventPage,
    },
    footer: kind === 'confirm_address' ? t('network.registration.mail.confirm_address.footer') : undefined,
  });
}
