/**
 * The int tests' server, set up the one way every file did by hand: started for the file, closed
 * after it, and started again by `fresh()` at the top of each test. The database is emptied before
 * each test (describeEachDatabase), which takes the seeded accounts with it, so a test that calls
 * the server starts with `await server.fresh()`; or, with `perTest`, it is started before each test.
 *
 * The object returned stands for the server of the moment: `server.call(...)`, `server.ctx` read
 * the instance `fresh()` last started, so a test file keeps one `const server` and no `let`.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../src/store/sql.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface UseTestServerOptions {
  /** How to start it: the accounts only (default), or a world such as report-world's `startWorld`. */
  start?: (db: Database) => Promise<TestServer>;
  /** Data to add after each start by `fresh()`. */
  seed?: (server: TestServer) => Promise<void>;
  /**
   * Start it before each test (after the database is emptied) and close it after, instead of once
   * for the file: for files whose every test wants the world fresh, so none need call `fresh()`.
   */
  perTest?: boolean;
}

export interface CurrentTestServer extends TestServer {
  /** Closes the server and starts it again on the (emptied) database, then seeds it. */
  fresh(): Promise<void>;
}

export function useTestServer(db: () => Database, options: UseTestServerOptions = {}): CurrentTestServer {
  const start = options.start ?? startTestServer;
  let current: TestServer | undefined;
  const server = (): TestServer => {
    if (!current) throw new Error('useTestServer: the server is not started (call it inside describeEachDatabase)');
    return current;
  };
  const open = async () => {
    current = await start(db());
    if (options.perTest) await options.seed?.(current);
  };
  const close = async () => {
    await current?.close();
    current = undefined;
  };
  if (options.perTest) {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  return {
    get app() {
      return server().app;
    },
    get ctx() {
      return server().ctx;
    },
    as: (username) => server().as(username),
    call: (username, options) => server().call(username, options),
    close: () => server().close(),
    fresh: async () => {
      await server().close();
      current = undefined;
      current = await start(db());
      await options.seed?.(current);
    },
  };
}
