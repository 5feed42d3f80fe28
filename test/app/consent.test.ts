import { openSqlite } from '../../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../../src/adapters/sql/storage';
import { createApp, createEngines } from '../../src/app';
import { DEFAULT_CONFIG } from '../../src/contracts/config';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { JiraPort } from '../../src/core/ports/jira';
import { silentLogger } from '../../src/core/ports/logger';

/** Forge's error for `asUser()` before the agent allowed access, as @forge/api names it. */
const consent = Object.assign(new Error('Authentication required'), { name: 'NEEDS_AUTHENTICATION_ERR' });

describe("an agent who has not yet allowed the app's access", () => {
  it('gets the consent error out of the resolver (Forge then shows "Allow access"), not {ok:false}', async () => {
    const db = await openSqlite(':memory:');
    const refusing = new Proxy({} as JiraPort, { get: () => () => Promise.reject(consent) });
    const storage = createSqlStorage(db);
    const app = createApp({
      jira: { asUser: () => refusing, asApp: () => refusing },
      storage,
      engines: createEngines(storage),
      config: { load: () => Promise.resolve(DEFAULT_CONFIG), save: () => Promise.resolve() },
      queue: { push: () => Promise.resolve() },
      clock: { now: () => Date.now() },
      logger: silentLogger,
    });
    await expect(
      app.resolvers[RESOLVERS.panelGet]({ issueKey: 'IT-1' }, { accountId: 'agent-1', issueKey: 'IT-1' }),
    ).rejects.toBe(consent);
    await db.close();
  });
});
