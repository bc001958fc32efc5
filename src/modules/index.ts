// Every module, in layer order: a module may use the modules before it, never those after it
// (.dependency-cruiser.cjs checks it). app.ts registers their routes in this order, the job runner
// schedules their jobs, and the health check asks each whether it is ready.
import { accessModule } from './access/module.ts';
import { accountsModule } from './accounts/module.ts';
import { auditModule } from './audit/module.ts';
import { directoryModule } from './directory/module.ts';
import { geoModule } from './geo/module.ts';
import { interopModule } from './interop/module.ts';
import { membershipModule } from './membership/module.ts';
import { moderationModule } from './moderation/module.ts';
import { notificationsModule } from './notifications/module.ts';
import { referralsModule } from './referrals/module.ts';
import { searchModule } from './search/module.ts';

export const modules = [
  auditModule,
  notificationsModule,
  geoModule,
  accountsModule,
  accessModule,
  searchModule,
  directoryModule,
  membershipModule,
  moderationModule,
  referralsModule,
  interopModule,
] as const;
