// Organisations run by their members: registering, claims on listings, invitations, members, and
// vouching for an informal group.
import * as membershipSchema from './membership.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { claimsWeb } from './claims/claims.web.ts';
import { membersWeb } from './members/members.web.ts';
import { registerWeb } from './register/register.web.ts';
import { vouchingWeb } from './vouching/vouching.web.ts';

const errors = moduleErrors('membership', {
  /** An organisation always keeps at least one admin. */
  LAST_ADMIN: 409,
  ALREADY_MEMBER: 409,
  /** An invitation opened while logged in with another address than the invited one. */
  INVITATION_OTHER_ADDRESS: 403,
});

export const membershipModule = {
  name: 'membership',
  tables: tablesOf(membershipSchema),
  errors,
  routes: { pages: [registerWeb, claimsWeb, membersWeb, vouchingWeb] },
} satisfies ModuleManifest;
