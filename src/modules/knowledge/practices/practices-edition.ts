// Which edition of the practices a process's copies (practices-library.ts) were made from. A number
// that this process raises itself when one of its use cases changes a practice (after the commit,
// so the next page of this process reads the change), and when it sees that the practices changed
// elsewhere: every few seconds it reads their fingerprint (how many there are and the sum of their
// change times, with their attachments' ids and the shared items' labels), which any committed
// change moves, whichever
// process made it and in whatever order transactions commit. A practice unpublished here is gone
// from this process's pages at once, and from the other processes' within a poll.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';

/** How often a process looks whether the practices changed elsewhere. */
export const practicesPollMs = 2_000;

/**
 * Moves with every committed insert, change (updated_at) and removal of a practice, with every
 * attachment added or removed (the use cases touch the practice too; counted here as well, so that
 * an attachment gone is never shown from a copy, whatever removed it), and with every change of the
 * shared worksheet items (a moderator's translation: no practice row changes then).
 */
export async function practicesFingerprint(db: Executor): Promise<string> {
  const { rows } = await db.execute<{ fingerprint: string }>(
    sql`select (select count(*) || '/' || coalesce(sum(extract(epoch from updated_at)), 0) from practices)
               || '/' || (select count(*) || '/' || coalesce(sum(uuid_hash(id)), 0) from practice_attachments)
               || '/' || (select count(*) || '/' || coalesce(sum(hashtext(labels::text)), 0) from worksheet_items)
               as fingerprint`,
  );
  return rows[0]?.fingerprint ?? '';
}

export class PracticesEdition {
  private generation = 0;
  private seen: string | undefined;
  private checking: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Executor,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** The edition copies are made for: they are thrown away once it moves. */
  get current(): number {
    return this.generation;
  }

  /** This process committed a change of a practice. */
  changed(): void {
    this.generation++;
  }

  /** Reads the fingerprint: a different one than last read is a new edition (the first one too). */
  check(): Promise<void> {
    this.checking ??= practicesFingerprint(this.db)
      .then((fingerprint) => {
        if (fingerprint !== this.seen) this.generation++;
        this.seen = fingerprint;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Polls until closed. */
  watch(pollMs = practicesPollMs): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(this.onError), pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.checking?.catch(() => {});
  }
}
