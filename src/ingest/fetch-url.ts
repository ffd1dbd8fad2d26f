import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export type FetchOptions = {
  /** Whole request, from connecting to the last byte, in milliseconds (default 15,000). */
  timeoutMs?: number;
  /** Largest body read, after decompression, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5); each one is checked like the first address. */
  maxRedirects?: number;
  /** Allow addresses on this machine (127.0.0.0/8, ::1), for a local server. Private networks stay refused. */
  allowLoopback?: boolean;
  userAgent?: string;
};

export type Fetched = { url: string; status: number; contentType: string; bytes: Buffer };

export class FetchError extends Error {
  constructor(
    readonly code: 'bad-url' | 'private-address' | 'timeout' | 'too-large' | 'http-status' | 'unreachable' | 'too-many-redirects' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) blocked.addSubnet(net, bits, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * What kind of address an IP is: 'loopback' (this machine), 'private' (private, link-local, shared, reserved,
 * multicast or documentation ranges; refused) or 'public'. IPv4-mapped IPv6 addresses are read as IPv4.
 */
export const addressKind = (ip: string): 'loopback' | 'private' | 'public' => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const addr = mapped ?? ip;
  const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
  if (loopback.check(addr, family)) return 'loopback';
  if (blocked.check(addr, family)) return 'private';
  return 'public';
};

/** Why an address is refused ("is a private or reserved address"), or null when it may be fetched. */
const refusal = (ip: string, allowLoopback: boolean): string | null => {
  const kind = addressKind(ip);
  if (kind === 'public' || (kind === 'loopback' && allowLoopback)) return null;
  return kind === 'loopback' ? 'is on this machine (loopback); refused' : 'is a private or reserved address; refused';
};

/** A DNS lookup that refuses names resolving to any refused address, so a request never connects to one. */
const checkedLookup = (allowLoopback: boolean): LookupFunction => (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    for (const a of addresses) {
      const why = refusal(a.address, allowLoopback);
      if (why) return callback(new FetchError('private-address', `${hostname} resolves to ${a.address}, which ${why}`), '', 0);
    }
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
};

const decoded = (res: IncomingMessage): Readable => {
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
};

const once = (url: URL, opts: Required<Omit<FetchOptions, 'userAgent'>> & { userAgent: string }, deadline: number): Promise<{ res: IncomingMessage; body?: Buffer }> =>
  new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = refusal(host, opts.allowLoopback);
      if (why) return reject(new FetchError('private-address', `${host} ${why}`));
    }
    const left = deadline - Date.now();
    if (left <= 0) return reject(new FetchError('timeout', `no answer within ${opts.timeoutMs} ms`));
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      lookup: checkedLookup(opts.allowLoopback),
      headers: { 'user-agent': opts.userAgent, accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
    });
    const timer = setTimeout(() => req.destroy(new FetchError('timeout', `no complete answer within ${opts.timeoutMs} ms`)), left);
    const fail = (e: Error) => {
      clearTimeout(timer);
      const code = (e as NodeJS.ErrnoException).code;
      if (e instanceof FetchError) reject(e);
      else if (code?.startsWith('Z_')) reject(new FetchError('bad-response', `could not decompress the response (${code})`));
      else reject(new FetchError('unreachable', `unreachable (${code ?? e.message})`));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        clearTimeout(timer);
        res.resume();
        return resolve({ res });
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) {
        req.destroy();
        clearTimeout(timer);
        return reject(new FetchError('too-large', `${(declared / 1e6).toFixed(1)} MB, over the ${(opts.maxBytes / 1e6).toFixed(1)} MB limit`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decoded(res);
      body.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          req.destroy(new FetchError('too-large', `over the ${(opts.maxBytes / 1e6).toFixed(1)} MB limit`));
          body.destroy();
          return;
        }
        chunks.push(c);
      });
      body.on('error', fail);
      res.on('error', fail);
      body.on('end', () => {
        clearTimeout(timer);
        resolve({ res, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });

/**
 * GETs a URL over HTTP(S) with a time limit, a size limit and a fixed number of redirects. Addresses that
 * are private, reserved or (unless `allowLoopback`) on this machine are refused before any connection, for the
 * first URL and for every redirect, by checking IP literals and every address a name resolves to.
 */
export const fetchUrl = async (
  url: string,
  { timeoutMs = 15_000, maxBytes = 20_000_000, maxRedirects = 5, allowLoopback = false, userAgent = 'dyad (news event coder)' }: FetchOptions = {},
): Promise<Fetched> => {
  const opts = { timeoutMs, maxBytes, maxRedirects, allowLoopback, userAgent };
  const deadline = Date.now() + timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${url}`);
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new FetchError('bad-url', `only http and https URLs are fetched, not ${current.protocol}`);
    let got: { res: IncomingMessage; body?: Buffer };
    try {
      got = await once(current, opts, deadline);
    } catch (e) {
      if (hop > 0 && e instanceof FetchError && e.code === 'private-address') throw new FetchError('private-address', `redirect to ${current.href} refused: ${e.message}`);
      throw e;
    }
    const { res, body } = got;
    const status = res.statusCode ?? 0;
    if (!body) {
      if (hop >= maxRedirects) throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`);
      current = new URL(String(res.headers.location), current);
      continue;
    }
    if (status < 200 || status >= 300) throw new FetchError('http-status', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`);
    return { url: current.href, status, contentType: String(res.headers['content-type'] ?? ''), bytes: body };
  }
};

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
