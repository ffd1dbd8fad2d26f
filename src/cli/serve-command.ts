import { startServer } from '../server/index.js';
import { defaultDbPath, openStore, storeCounts, type Store } from '../store/index.js';
import { processIO, type CommandIO } from './command-io.js';

export type ServeCommandOptions = {
  db?: string;
  port?: number;
  host?: string;
  /** The write token: DYAD_TOKEN, else the config file's `token`. */
  token?: string;
  actors?: string[];
  verbs?: string[];
};

/**
 * `dyad serve`: the HTTP API and the dashboard over the store, until SIGINT or SIGTERM. Resolves with the exit
 * code once the server has stopped (2 when the store or the address can't be used).
 */
export const runServe = async (opts: ServeCommandOptions, io: CommandIO = processIO): Promise<number> => {
  const { warn } = io;
  const port = opts.port ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    warn('--port must be a whole number from 0 to 65535');
    return 2;
  }
  let store: Store;
  try {
    store = openStore({ path: opts.db ?? defaultDbPath() });
  } catch (e) {
    warn((e as Error).message);
    return 2;
  }
  let server;
  try {
    server = await startServer({ store, port, host: opts.host ?? '127.0.0.1', token: opts.token, actorFiles: opts.actors, verbFiles: opts.verbs });
  } catch (e) {
    store.close();
    warn(`cannot listen on ${opts.host ?? '127.0.0.1'}:${port} (${(e as Error).message})`);
    return 2;
  }
  const c = storeCounts(store);
  warn(`serve: ${server.url}/ (API ${server.url}/api, described at /api/openapi.json)`);
  warn(`serve: ${store.path}: ${c.articles.toLocaleString('en-US')} articles, ${c.events.toLocaleString('en-US')} events; writes ${opts.token ? 'need the token' : 'disabled (no DYAD_TOKEN or config token)'}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  store.close();
  return 0;
};
