import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOSTS, createApp, type AppOptions } from './app.js';
import { createQueryPool, defaultWorkers } from './query-pool.js';

export type StartOptions = AppOptions & {
  /** Port; 0 picks a free one (default 8787). */
  port?: number;
  /** Address to bind (default 127.0.0.1, this machine only). */
  host?: string;
  /**
   * Worker threads for the read queries, each with a read-only connection (default one per core, 2 to 4);
   * 0 runs them on the server's thread. An in-memory store always runs them there.
   */
  workers?: number;
};

export type RunningServer = { url: string; port: number; host: string; close: () => Promise<void> };

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * Starts the API and dashboard on `host:port` and resolves once it listens. On a loopback address the server
 * answers only to loopback host names; bound elsewhere (`--host 0.0.0.0`) it answers any.
 */
export const startServer = ({ port = 8787, host = '127.0.0.1', workers = defaultWorkers(), ...app }: StartOptions): Promise<RunningServer> => {
  const allowedHosts = app.allowedHosts ?? (isLoopback(host) ? [...new Set([...LOOPBACK_HOSTS, host.includes(':') ? `[${host}]` : host])] : false);
  const pool = workers > 0 && !app.query && app.store.path !== ':memory:' && app.store.path !== '' ? createQueryPool(app.store.path, { size: workers }) : undefined;
  const fetch = createApp({ ...app, allowedHosts, ...(pool ? { query: pool.run } : {}) }).fetch;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        host: info.address,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }).then(() => pool?.close()),
      });
    });
    server.once('error', (e) => {
      void pool?.close();
      reject(e);
    });
  });
};
