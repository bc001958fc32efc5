// Every module's tables, gathered for Drizzle's relational queries and for drizzle-kit.
export * from '../modules/directory/directory.schema.ts';
