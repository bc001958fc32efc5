// Times as people read them: in Brussels, in the reader's language ("lundi 7 décembre, 18:00–21:00").
import type { PageContext } from '../../../http/request-context.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';

export const timeOf = (ctx: PageContext, moment: Date) =>
  new Intl.DateTimeFormat(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: roomTimeZone }).format(
    moment,
  );

export const dayOf = (ctx: PageContext, moment: Date) =>
  new Intl.DateTimeFormat(ctx.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: roomTimeZone,
  }).format(moment);

/** "lundi 7 décembre, 18:00–21:00" */
export const spanOf = (ctx: PageContext, period: { start: Date; end: Date }) =>
  `${dayOf(ctx, period.start)}, ${timeOf(ctx, period.start)}–${timeOf(ctx, period.end)}`;

/** The decline form of one booking among many names its reason field apart ("b1a2b3c4d-reason"). */
export const reasonPrefix = (bookingId: string) => `b${bookingId.slice(0, 8)}`;
