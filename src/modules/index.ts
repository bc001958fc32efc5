// Every module, in layer order: a module may use the modules before it, never those after it
// (.dependency-cruiser.cjs checks it). app.ts registers their routes in this order, the job runner
// schedules their jobs, and the health check asks each whether it is ready.
import type { ModuleManifest } from '../http/module-manifest.ts';
import { accessModule } from './access/module.ts';
import { accountsModule } from './accounts/module.ts';
import { auditModule } from './audit/module.ts';
import { directoryModule } from './directory/module.ts';
import { exchangeModule } from './exchange/module.ts';
import { geoModule } from './geo/module.ts';
import { glossaryModule } from './glossary/module.ts';
import { interopModule } from './interop/module.ts';
import { knowledgeModule } from './knowledge/module.ts';
import { learningModule } from './learning/module.ts';
import { membershipModule } from './membership/module.ts';
import { moderationModule } from './moderation/module.ts';
import { networkModule } from './network/module.ts';
import { notificationsModule } from './notifications/module.ts';
import { referralsModule } from './referrals/module.ts';
import { searchModule } from './search/module.ts';
import { signalsModule } from './signals/module.ts';
import { spacesModule } from './spaces/module.ts';

const manifests = [
  auditModule,
  notificationsModule,
  geoModule,
  accountsModule,
  accessModule,
  glossaryModule,
  searchModule,
  directoryModule,
  spacesModule,
  membershipModule,
  moderationModule,
  referralsModule,
  signalsModule,
  networkModule,
  knowledgeModule,
  learningModule,
  exchangeModule,
  interopModule,
] as const;

export const modules: readonly ModuleManifest[] = manifests;

/** The error codes a module's manifest declares. */
type DeclaredErrors<M> = M extends { errors: infer E } ? keyof E & string : never;

// Every module's error codes join the codes AppError takes, from this one list.
declare module '../shared/errors.ts' {
  interface ModuleErrorCodes extends Record<DeclaredErrors<(typeof manifests)[number]>, true> {}
}
