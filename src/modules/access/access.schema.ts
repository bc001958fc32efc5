// Who belongs to which organisation, with which roles. The foreign keys to users and organisations
// (other modules' tables) are in migration 0005; the table was first written by the membership
// module, which still adds and removes members (through this module's index). The organisations'
// API tokens too: written by the referrals module, which still creates and revokes them (through
// this module's index), and checked here for every module's API (referrals, signals, spaces).
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationRoles } from './access.vocabulary.ts';
import { id, moment, timestamps } from '../../db/columns.ts';

export const organisationRoleEnum = pgEnum('organisation_role', organisationRoles);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid().notNull(),
    organisationId: uuid().notNull(),
    roles: organisationRoleEnum().array().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('memberships_organisation_idx').on(t.organisationId),
    check('memberships_roles_present', sql`cardinality(${t.roles}) > 0`),
  ],
);

/** Keys for integrations to use the API as one organisation. Only a hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    organisationId: uuid().notNull(),
    name: text().notNull(),
    /** SHA-256 of the token. */
    tokenHash: text().notNull(),
    /** The first characters, so an admin can tell tokens apart. */
    prefix: text().notNull(),
    createdBy: uuid(),
    createdAt: moment().notNull(),
    lastUsedAt: moment(),
    revokedAt: moment(),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_organisation_idx').on(t.organisationId),
  ],
);
