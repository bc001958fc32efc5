// Claims on existing listings and invitations (who belongs to which organisation is in access).
// The foreign keys to users and organisations (other modules' tables) are in migration 0005.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationRoleEnum } from '../access/index.ts';
import { claimStatuses } from './membership.vocabulary.ts';
import { id, createdAt, moment } from '../../db/columns.ts';

export const claimStatusEnum = pgEnum('claim_status', claimStatuses);

/** "This listing is ours": a person asks to manage an organisation already in the directory. */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    organisationId: uuid().notNull(),
    userId: uuid().notNull(),
    /** How the person relates to the organisation, for whoever decides. */
    message: text().notNull(),
    status: claimStatusEnum().notNull().default('pending'),
    decidedBy: uuid(),
    decidedAt: moment(),
    createdAt: createdAt(),
  },
  (t) => [
    index('claims_organisation_idx').on(t.organisationId),
    index('claims_pending_idx')
      .on(t.createdAt)
      .where(sql`status = 'pending'`),
    uniqueIndex('claims_one_pending_key')
      .on(t.organisationId, t.userId)
      .where(sql`status = 'pending'`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organisationId: uuid().notNull(),
    email: text().notNull(),
    roles: organisationRoleEnum().array().notNull(),
    /** SHA-256 of the token in the e-mailed link. */
    tokenHash: text().notNull(),
    invitedBy: uuid().notNull(),
    createdAt: createdAt(),
    expiresAt: moment().notNull(),
    acceptedAt: moment(),
    revokedAt: moment(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_organisation_idx').on(t.organisationId),
    check('invitations_roles_present', sql`cardinality(${t.roles}) > 0`),
  ],
);
