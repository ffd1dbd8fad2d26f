import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { tempDir } from './helpers/store-fixtures.js';

const CLI = join(PACKAGE_ROOT, 'dist/src/cli/main.js');
const dir = tempDir('dyad-serve-');
const env = { ...process.env, DYAD_DB: '', DYAD_TOKEN: '', DYAD_CONFIG: '' };

test('dyad serve: listens on loopback, answers, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 'serve.db'), '--port', '0'], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  // whatever happens, the server is stopped, so a failure can't leave this file waiting on it
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let err = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in 20 s: ${err}`)), 20_000);
      child.stderr.on('data', (d) => {
        err += String(d);
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/[^]*writes/.exec(err);
        if (m) clearTimeout(timer), resolve(m[1]);
      });
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited ${code}: ${err}`))));
    });
    assert.match(err, /writes disabled/);
    const stats = (await (await fetch(`${url}/api/stats`)).json()) as { events: number; writable: boolean };
    assert.deepEqual([stats.events, stats.writable], [0, false]);
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/events'] && doc.paths['/api/articles/{id}']);
    const write = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    assert.equal(write.status, 403);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exit, 0);
});

test('dyad serve: a bad port is exit code 2', () => {
  const r = spawnSync(process.execPath, [CLI, 'serve', '--db', join(dir, 'bad.db'), '--port', '70000'], { env, cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--port must be/);
});
