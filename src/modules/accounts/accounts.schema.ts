// People and their sign-ins. Passwords are argon2id hashes; session and e-mail tokens are stored as
// SHA-256 hashes, so a copy of the database lets no one sign in or use a link.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accountTokenPurposes, platformRoles } from './accounts.vocabulary.ts';
import { belongsTo, createdAt, id, moment, timestamps } from '../../db/columns.ts';

export const platformRoleEnum = pgEnum('platform_role', platformRoles);
export const accountTokenPurposeEnum = pgEnum('account_token_purpose', accountTokenPurposes);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Lower-cased and trimmed, so one address is one account. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    /** The language of the person's e-mails and, after log-in, of the pages. */
    locale: text().notNull().default('fr'),
    emailVerifiedAt: moment(),
    platformRole: platformRoleEnum().notNull().default('member'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`),
    check('users_locale_known', sql`${t.locale} in ('nl', 'fr', 'en')`),
  ],
);

/** A person's browser, known by a cookie: the id is the SHA-256 of the cookie's random token. */
const browserCookie = () => ({
  id: text().primaryKey(),
  userId: belongsTo(() => users.id).notNull(),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    ...browserCookie(),
    lastSeenAt: moment().notNull().defaultNow(),
    expiresAt: moment().notNull(),
    userAgent: text(),
    ip: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One-time links sent by e-mail: verify an address, reset a password. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    /** SHA-256 of the token in the link. */
    tokenHash: text().notNull(),
    purpose: accountTokenPurposeEnum().notNull(),
    userId: belongsTo(() => users.id).notNull(),
    createdAt: createdAt(),
    expiresAt: moment().notNull(),
    usedAt: moment(),
  },
  (t) => [
    uniqueIndex('account_tokens_hash_key').on(t.tokenHash),
    index('account_tokens_user_idx').on(t.userId),
  ],
);

/**
 * Browsers a person has logged in from ("device cookies", as OWASP describes them). The correct
 * password from one of them gets in even while someone else's wrong guesses hold the address
 * locked; guesses from such a browser are limited on their own.
 */
export const loginDevices = pgTable(
  'login_devices',
  {
    ...browserCookie(),
    lastUsedAt: moment().notNull().defaultNow(),
  },
  (t) => [index('login_devices_user_idx').on(t.userId), index('login_devices_used_idx').on(t.lastUsedAt)],
);
