// What a module declares to the application: its routes, what it runs for the whole process, and
// its scheduled jobs. app.ts, the job runner and the health check loop over the ordered list in
// src/modules/index.ts, so a new module is a folder with a module.ts and one line there.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyPluginCallback } from 'fastify';
import type { DatabaseConnection } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { MetricSource } from '../shared/metrics.ts';
import type { Services, WebDeps } from './deps.ts';

/** A module's routes, or (wrapped with fastify-plugin) hooks for every request. */
export type RoutePlugin = FastifyPluginAsyncTypebox<WebDeps> | FastifyPluginCallback<WebDeps>;

export interface ModuleRoutes {
  /** Hooks and routes for every request (encapsulation broken with fastify-plugin), first of all. */
  root?: RoutePlugin[];
  /** Pages and forms, registered once under each of /nl, /fr and /en. */
  pages?: RoutePlugin[];
  /** The JSON API, under /api/v1. */
  api?: RoutePlugin[];
  /** The Open Referral HSDS API, under /api/hsds. */
  hsds?: RoutePlugin[];
}

/** What a module runs while the process lives. */
export interface ModuleRuntime {
  services?: Partial<Services>;
  /** False while the module cannot serve yet (the search index loading): /readyz says 503. */
  ready?(): boolean;
  /** What it reports on /metrics (docs/operations.md lists every figure). */
  metrics?: readonly MetricSource[];
  close?(): Promise<void>;
}

export interface JobDeps {
  database: DatabaseConnection;
  /** Scheme and host for links in e-mails sent by jobs (there is no request to take it from). */
  origin: string;
  config: Config;
  mailQueued: () => void;
}

export interface JobDefinition {
  name: string;
  /** When it runs: cron, Brussels time. */
  cron: string;
  run(): Promise<unknown>;
}

export interface StartDeps extends Omit<WebDeps, 'services'> {
  /** What the modules before this one provide. */
  services: Partial<Services>;
  log: { error(details: object, message: string): void };
  /** Every module, for a module that gathers what the others declare (search's sources). */
  modules: readonly ModuleManifest[];
}

export interface ModuleManifest {
  readonly name: string;
  /** The tables it owns (tablesOf its schema files); no other module writes to them. */
  readonly tables?: readonly PgTable[];
  /** Its error codes and their HTTP status (moduleErrors); messages "<name>.errors.<CODE>". */
  readonly errors?: Readonly<Record<string, number>>;
  /** Made once at start-up, before any route, in module order. */
  start?(deps: StartDeps): ModuleRuntime;
  readonly routes?: ModuleRoutes;
  jobs?(deps: JobDeps): JobDefinition[];
}
