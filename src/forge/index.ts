/**
 * The Forge functions named in manifest.yml. Each invocation builds a fresh app over the Forge
 * adapters (requestJira, Forge SQL, KVS, the async-events queue). Only parsed models outlive an
 * invocation, in a warm container's cache keyed by the stamp (a generation id written with each
 * save) that is read from the installation's own SQL before each use (src/app/index.ts).
 */
import { forgeJiraClients } from '../adapters/forge/forge-jira-transport';
import { KvsConfigStore } from '../adapters/forge/kvs-config';
import { forgeQueue } from '../adapters/forge/queue-forge';
import { forgeSqlSchema, openForgeSql } from '../adapters/forge/sql-database';
import { createSqlStorage } from '../adapters/sql/storage';
import { createApp, createEngines } from '../app';
import type { App } from '../app/types';
import { systemClock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import { forgeHandlers } from './handlers';

/** Forge collects console output per invocation in the developer console and `forge logs`. */
const consoleLogger: Logger = {
  info: (message, fields) => console.log(message, fields ?? {}),
  warn: (message, fields) => console.warn(message, fields ?? {}),
  error: (message, fields) => console.error(message, fields ?? {}),
};

function forgeApp(): App {
  const storage = createSqlStorage(openForgeSql());
  return createApp({
    jira: forgeJiraClients(),
    storage,
    engines: createEngines(storage),
    config: new KvsConfigStore(),
    queue: forgeQueue(),
    clock: systemClock,
    logger: consoleLogger,
    schema: forgeSqlSchema(),
  });
}

export const {
  resolver,
  issueEvent,
  installed,
  consume,
  slaSweep,
  retrain,
  migrate,
  recount,
  rovoFindSimilar,
  rovoExplainSlaRisk,
  rovoSuggestTriage,
  rovoProblemCandidates,
} = forgeHandlers(forgeApp);
