// Memberships and the rules on them; no routes of its own.
import * as accessSchema from './access.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';

const errors = moduleErrors('access', {
  /** Moderating (verifying, deciding a claim on) an organisation one belongs to. */
  OWN_ORGANISATION: 403,
  /** An API request without a valid organisation token (referrals', signals' and rooms' APIs). */
  API_TOKEN_INVALID: 401,
});

export const accessModule = {
  name: 'access',
  tables: tablesOf(accessSchema),
  errors,
} satisfies ModuleManifest;
