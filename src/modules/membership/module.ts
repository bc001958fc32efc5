// Organisations run by their members: registering, claims on listings, invitations, members.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { claimsWeb } from './claims/claims.web.ts';
import { membersWeb } from './members/members.web.ts';
import { registerWeb } from './register/register.web.ts';

export const membershipModule: ModuleManifest = {
  name: 'membership',
  routes: { pages: [registerWeb, claimsWeb, membersWeb] },
};
