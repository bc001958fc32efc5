// Every module's tables, gathered for Drizzle's relational queries and for drizzle-kit.
export * from '../modules/accounts/accounts.schema.ts';
export * from '../modules/audit/audit.schema.ts';
export * from '../modules/access/access.schema.ts';
export * from '../modules/directory/directory.schema.ts';
export * from '../modules/directory/listing-records.schema.ts';
export * from '../modules/spaces/spaces.schema.ts';
export * from '../modules/notifications/notifications.schema.ts';
export * from './infrastructure.schema.ts';
export * from '../modules/membership/membership.schema.ts';
export * from '../modules/moderation/moderation.schema.ts';
export * from '../modules/referrals/referrals.schema.ts';
export * from '../modules/signals/signals.schema.ts';
export * from '../modules/signals/surveys/surveys.schema.ts';
export * from '../modules/network/network.schema.ts';
export * from '../modules/glossary/glossary.schema.ts';
export * from '../modules/knowledge/knowledge.schema.ts';
export * from '../modules/learning/learning.schema.ts';
