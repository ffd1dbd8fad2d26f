import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { problem } from './problem.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Checks `Authorization: Bearer <token>` for a write: no token set up on the server is 403 (writes disabled),
 * no header is 401 with a `WWW-Authenticate` challenge, a wrong token (or another scheme) is 403. The tokens
 * are compared as SHA-256 digests in constant time, so timing says nothing about the token.
 */
export const requireToken = (c: Context, token: string | undefined): void => {
  if (!token) throw problem('writes-disabled', 'this server has no write token; start it with DYAD_TOKEN set, or `token:` in the config file');
  const header = c.req.header('authorization');
  if (!header) throw problem('unauthorized', 'writes need `Authorization: Bearer <token>`', {}, { 'www-authenticate': 'Bearer realm="dyad"' });
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m || !timingSafeEqual(digest(m[1]), digest(token))) {
    throw problem('forbidden', 'the token is not the one this server was started with', {}, { 'www-authenticate': 'Bearer realm="dyad", error="invalid_token"' });
  }
};
