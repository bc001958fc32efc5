// What a backup holds, read from PostgreSQL's catalog: every table of the platform's schemas with its
// columns, the sequences, and the last migration applied. pg-boss's schema is left out: its queues
// and schedules are made again when the app starts, and a job's state is not worth restoring (a
// restored "active" job would never finish). drizzle's schema is made by the migrations.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { BackupError, type TableHeader } from './format.ts';

const excludedSchemas = ['pg_catalog', 'information_schema', 'drizzle', 'pgboss'];

/** Tables in backup order (by name); generated columns are left out, as PostgreSQL computes them. */
export async function appTables(client: pg.ClientBase): Promise<TableHeader[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
       array_agg(a.attname::text order by a.attnum) as columns
     from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where c.relkind = 'r' and not (n.nspname = any($1)) and n.nspname not like 'pg\\_%'
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     group by n.nspname, c.relname
     order by n.nspname, c.relname`,
    [excludedSchemas],
  );
  return rows;
}

export async function appSequences(client: pg.ClientBase): Promise<{ name: string; value: string | null }[]> {
  const { rows } = await client.query<{ name: string; value: string | null }>(
    `select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text as value
     from pg_sequences s
     where not (schemaname = any($1)) and schemaname not like 'pg\\_%'
       and not exists (select 1 from pg_depend d
         where d.objid = (quote_ident(schemaname) || '.' || quote_ident(sequencename))::regclass and d.deptype = 'e')
     order by 1`,
    [excludedSchemas],
  );
  return rows;
}

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const file = new URL('../migrations/meta/_journal.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The newest migration this version of the code has. */
export function latestMigration(): JournalEntry {
  const { tag, when } = journal().at(-1)!;
  return { tag, when };
}

/** The newest migration applied to the database, or null when it has none. */
export async function appliedMigration(client: pg.ClientBase): Promise<JournalEntry | null> {
  const { rows } = await client.query<{ when: string | null }>(
    `select case when to_regclass('drizzle.__drizzle_migrations') is null then null
       else (select max(created_at)::text from drizzle.__drizzle_migrations) end as when`,
  );
  const when = rows[0]?.when;
  if (!when) return null;
  const entry = journal().find((e) => e.when === Number(when));
  if (!entry)
    throw new BackupError(
      'The database has a migration this version of Passerelle does not know: run the backup with the version the app runs.',
    );
  return { tag: entry.tag, when: entry.when };
}
