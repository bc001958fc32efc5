// Who belongs to which organisation, with which roles. The foreign keys to users and organisations
// (other modules' tables) are in migration 0005; the table was first written by the membership
// module, which still adds and removes members (through this module's index).
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { organisationRoles } from './access.vocabulary.ts';
import { timestamps } from '../../db/columns.ts';

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
