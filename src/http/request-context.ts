// What every page needs to know about the request it renders for.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { type MessageKey, negotiateLocale, type Translator, translator } from '../i18n/index.ts';
import { isLocale, type Locale } from '../shared/i18n-text.ts';

export interface PageContext {
  locale: Locale;
  t: Translator;
  /** The path without its locale prefix, e.g. "/directory". */
  path: string;
  /** The query string with its "?", or "". */
  search: string;
  showDemoBanner: boolean;
  tiles: Config['tiles'];
  /** Absolute origin for canonical links and JSON-LD, e.g. "https://passerelle.brussels". */
  origin: string;
  /** The signed-in person, or null for a visitor. */
  user: PageUser | null;
  /** The anti-forgery token every POST form carries (made on first use). */
  csrfToken(): string;
}

export interface PageUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  platformRole: string;
  /** Referrals changed since the person last opened them; null when they handle none. */
  referralsToSee: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for signed-in pages by the referrals module (see referral-badge.web.ts). */
    referralsToSee: number | null;
  }
}

/** The locale of a URL like /fr/..., else the browser's preference. */
export function localeOf(request: FastifyRequest): Locale {
  const first = request.url.split('/')[1]?.split('?')[0];
  return isLocale(first) ? first : negotiateLocale(request.headers['accept-language']);
}

export function originOf(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function pageContext(
  request: FastifyRequest,
  config: Pick<Config, 'tiles' | 'publicUrl'>,
  showDemoBanner: boolean,
): PageContext {
  const locale = localeOf(request);
  const [pathname = '/', query] = request.url.split('?');
  const withoutLocale = isLocale(pathname.split('/')[1]) ? pathname.slice(3) || '/' : pathname;
  return {
    locale,
    t: translator(locale),
    path: withoutLocale,
    search: query ? `?${query}` : '',
    showDemoBanner,
    tiles: config.tiles,
    origin: originOf(request, config),
    user: pageUserOf(request),
    csrfToken: () => request.csrfToken(),
  };
}

function pageUserOf(request: FastifyRequest): PageUser | null {
  const user = request.signedIn?.user;
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    platformRole: user.platformRole,
    referralsToSee: request.referralsToSee ?? null,
  };
}

/** A link to a page of this site in the reader's language. */
export function href(
  ctx: Pick<PageContext, 'locale'>,
  path: string,
  query?: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/${ctx.locale}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * The notice on a page a form sent the person back to (`?done=invited`): the message `<prefix>.invited`,
 * or none when there is no such message (a made-up or stale value).
 */
export function doneNotice(
  ctx: Pick<PageContext, 't'>,
  prefix: string,
  done: string | undefined,
): { text: string } | undefined {
  const key = `${prefix}.${done}`;
  return done && ctx.t.has(key) ? { text: ctx.t.t(key as MessageKey) } : undefined;
}

/** The page context of a request, with the demo banner as the directory says. */
export async function pageFor(
  request: FastifyRequest,
  deps: { config: Pick<Config, 'tiles' | 'publicUrl'>; demoBanner: () => Promise<boolean> },
): Promise<PageContext> {
  return pageContext(request, deps.config, await deps.demoBanner());
}
