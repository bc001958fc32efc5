// Statements built once, for queries on the path of many requests. Drizzle builds a query's SQL
// text at every call, which for a join of a dozen columns costs more CPU than PostgreSQL running it;
// and PostgreSQL parses and plans an unnamed statement at every call. A statement made here is built
// once per database handle, its values as placeholders (sql.placeholder), and named (.prepare), so
// PostgreSQL too parses and plans it once per connection. Drizzle binds a prepared statement to the
// handle that made it: a transaction's `tx` gets its own, made when first used in it.
import type { Executor } from './client.ts';

export function preparedOn<Statement>(make: (db: Executor) => Statement): (db: Executor) => Statement {
  const made = new WeakMap<Executor, Statement>();
  return (db) => {
    let statement = made.get(db);
    if (!statement) made.set(db, (statement = make(db)));
    return statement;
  };
}
