// The published evidence cube of this process: built from the sources at start, and again within 30
// seconds of any change to the tables behind them; protected once per build (small cells hidden,
// suppression.ts, then every shown count moved a little, perturbation.ts), then read by every page
// and API request from memory. Each process builds its own, like the search index: the rebuild is a
// timer of the process, not a job of the job runner, because a job runs in one process only (and not
// at all where JOBS is off), and every process serves the cube. Two processes may be a few seconds
// apart; each cube is protected on its own.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import type { EvidenceQuery } from '../evidence-source.ts';
import { type BuildReport, buildCube, type CubeShape, type EvidenceCube } from './evidence-cube.ts';
import type { PublishedCube } from './evidence-query.ts';
import { perturb } from './perturbation.ts';
import { suppressInSlices } from './suppression.ts';

export const refreshSeconds = 30;
/** Rebuilt at least this often, should a change go unnoticed (statistics reset, say). */
const rebuildAnywaySeconds = 15 * 60;
/** The tables the three sources read. */
const sourceTables = ['need_signals', 'surveys', 'survey_responses', 'referrals'];

export interface EvidenceServiceOptions {
  sources: readonly EvidenceQuery[];
  /**
   * The secret the records' keys are made from (derived from the key ring in module.ts): the noise
   * of every number shown follows from it, so it stays in the process and changes only with the ring.
   */
  keySecret: string;
  now?: () => Date;
  onError?: (error: unknown) => void;
  /** Off in tests, which refresh when they want. */
  timer?: boolean;
}

/** Each database's service in this process, for tests that refresh the cube after writing. */
const services = new WeakMap<Database, EvidenceService>();

export function evidenceServiceOf(db: Database): EvidenceService | undefined {
  return services.get(db);
}

export class EvidenceService {
  private published: PublishedCube | null = null;
  private running: Promise<PublishedCube> | null = null;
  /** The build that starts when the running one ends, shared by everyone who asked meanwhile. */
  private queued: Promise<PublishedCube> | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private version = 0;
  /** What the tables' change counters said at the last build, and when it was. */
  private stamp = '';
  private builtAt = 0;
  lastReport: BuildReport | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: EvidenceServiceOptions,
  ) {
    services.set(db, this);
  }

  start(): void {
    // Closed before the search index was ready (module.ts starts it then): nothing to start.
    if (this.closed) return;
    const report = (error: unknown) => this.options.onError?.(error);
    void this.refresh().catch(report);
    if (this.options.timer === false) return;
    this.timer = setInterval(() => void this.refreshIfChanged().catch(report), refreshSeconds * 1000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closed = true;
    await this.running?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
  }

  /** The cube as published now; waits for the first build. */
  async current(): Promise<PublishedCube> {
    return this.published ?? this.refresh();
  }

  /**
   * Builds the cube again from the sources, one build at a time. A build already running may have
   * read the tables before the caller's change (the one at start, before a test or an import wrote),
   * so a caller then waits for the next build, which everyone asking meanwhile shares.
   */
  refresh(): Promise<PublishedCube> {
    if (!this.running) {
      this.running = this.build().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        // Once closed, the database may be gone: the last cube stands.
        return this.closed && this.published ? this.published : this.refresh();
      });
    return this.queued;
  }

  /**
   * Builds again when the source tables changed (PostgreSQL's counters of rows inserted, updated and
   * deleted, read in a millisecond), the month turned, or it has been a quarter of an hour.
   */
  async refreshIfChanged(): Promise<void> {
    const stamp = await this.changeStamp();
    const month = this.monthOf(this.now());
    const stale = Date.now() - this.builtAt > rebuildAnywaySeconds * 1000;
    if (this.published && stamp === this.stamp && month === this.published.currentMonth && !stale) return;
    await this.refresh();
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private monthOf(date: Date): string {
    return DateTime.fromJSDate(date, { zone: 'Europe/Brussels' }).toFormat('yyyy-MM');
  }

  private async changeStamp(): Promise<string> {
    const result = await this.db.execute<{ stamp: string }>(sql`
      select coalesce(string_agg(relname || ':' || (n_tup_ins + n_tup_upd + n_tup_del), ',' order by relname), '') as stamp
        from pg_stat_user_tables
       where schemaname = current_schema() and relname in (${sql.join(
         sourceTables.map((t) => sql`${t}`),
         sql`, `,
       )})`);
    return result.rows[0]?.stamp ?? '';
  }

  private async build(): Promise<PublishedCube> {
    const stamp = await this.changeStamp();
    const now = this.now();
    const currentMonth = this.monthOf(now);
    const rows = (
      await Promise.all(this.options.sources.map((source) => source(this.db, this.options.keySecret)))
    ).flat();
    const taxonomy = await getTaxonomy(this.db);
    const kept = rows.filter((r) => r.month >= '2000-01' && r.month <= currentMonth && r.count > 0);
    const currentYear = Number(currentMonth.slice(0, 4));
    // At least last year, so that "the last six full months" are always cells of the cube.
    const firstYear = kept.reduce(
      (first, r) => Math.min(first, Number(r.month.slice(0, 4))),
      currentYear - 1,
    );
    const geo = geoReference();
    const shape: CubeShape = {
      themes: taxonomy.themes.map((t) => t.code),
      communes: geo.communes.map((c) => ({
        nis: c.nis,
        quartiers: geo.quartiers
          .filter((q) => q.communeNis === c.nis)
          .map((q) => q.code)
          .sort((a, b) => a - b),
      })),
      firstYear,
      years: currentYear - firstYear + 1,
    };
    const themeOf = (code: string) => {
      const term = taxonomy.byCode.get(code);
      return term ? (term.parentCode ?? term.code) : undefined;
    };
    const { cube, report } = buildCube(shape, kept, themeOf);
    // The same counts and keys in the same month: the same cube, and the answers kept for it stay good.
    if (this.published?.currentMonth === currentMonth && sameCells(this.published.cube, cube)) {
      this.succeeded(stamp, report);
      return this.published;
    }
    // In slices, so that requests are answered meanwhile from the cube published before.
    const hidden = await suppressInSlices(cube, () => nextTurn());
    const shown = perturb(cube, hidden);
    this.published = { cube, hidden, shown, currentMonth, builtAt: now, version: ++this.version };
    this.succeeded(stamp, report);
    return this.published;
  }

  /** Only a build that succeeded says what it was built from: after a failure, the next check builds again. */
  private succeeded(stamp: string, report: BuildReport): void {
    this.stamp = stamp;
    this.builtAt = Date.now();
    this.lastReport = report;
  }
}

function sameCells(a: EvidenceCube, b: EvidenceCube): boolean {
  if (a.shape.firstYear !== b.shape.firstYear || a.shape.years !== b.shape.years) return false;
  if (a.counts.length !== b.counts.length) return false;
  for (let i = 0; i < a.counts.length; i++)
    if (a.counts[i] !== b.counts[i] || a.keys[i] !== b.keys[i]) return false;
  return true;
}
