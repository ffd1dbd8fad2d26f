/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by playwright-core, against
 * `dyad serve` started on a free loopback port over a temporary store filled through the API's own ingest.
 * Screenshots go to test-output/ (and docs/dashboard.png when it is missing or DYAD_DOCS_SCREENSHOT=1).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../src/paths.js';
import { ESCALATION_WEEK, hostileArticle, serverCorpus } from './helpers/server-corpus.js';
import { tempDir } from './helpers/store-fixtures.js';

// the functions given to page.evaluate and waitForFunction run in the page: its globals, untyped here (the
// project's TypeScript has no DOM library)
declare const document: any;
declare const window: any;
type HTMLInputElement = { value: string };

const CHROMIUM = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = join(PACKAGE_ROOT, 'test-output');
const DOCS_SHOT = join(PACKAGE_ROOT, 'docs', 'dashboard.png');
const TOKEN = 'browser-test-token';

let serve: ChildProcess | undefined;
let url = '';
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];
const foreign: string[] = [];

/** Starts `dyad serve --port 0` and resolves with the URL it prints once it listens. */
const startServe = (db: string): Promise<string> =>
  new Promise((resolve, reject) => {
    serve = spawn(process.execPath, [join(PACKAGE_ROOT, 'dist/src/cli/main.js'), 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, DYAD_TOKEN: TOKEN, DYAD_CONFIG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => (serve?.kill('SIGTERM'), reject(new Error(`dyad serve did not start in 20 s:\n${err}`))), 20_000);
    serve.stderr!.on('data', (d) => {
      err += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/[^]*writes/.exec(err);
      if (m) clearTimeout(timer), resolve(m[1]);
    });
    serve.on('exit', (code) => reject(new Error(`dyad serve exited (${code}):\n${err}`)));
  });

const api = async (path: string, init?: RequestInit) => {
  const res = await fetch(url + path, init);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

before(async () => {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(CHROMIUM)) return;
  url = await startServe(join(tempDir('dyad-dashboard-'), 'dashboard.db'));
  const ingested = await api('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ articles: [...serverCorpus(), hostileArticle()] }),
  });
  assert.equal(ingested.status, 201, JSON.stringify(ingested.body));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
});

after(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve!.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
});

const needChromium = () => {
  if (!existsSync(CHROMIUM)) {
    assert.fail(`the dashboard tests need Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set DYAD_CHROMIUM); they did not run`);
  }
  if (!existsSync(join(PACKAGE_ROOT, 'web', 'dist', 'index.html'))) assert.fail('the dashboard is not built (web/dist); run `npm run build` first');
};

test('dashboard: loads the top pair\'s chart, its alert, and the events, in under a second or so', async () => {
  needChromium();
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(url + '/');
  await page.waitForSelector('#pair .chart canvas');
  await page.waitForSelector('#events tbody tr');
  await page.waitForSelector('#alerts ol.alerts li');
  const cold = Date.now() - t0;
  // again, as a person opening it a second time would: the browser is up, the script cached (best of three,
  // so that another process busy on the machine for a moment doesn't decide it)
  let warm = Infinity;
  for (let i = 0; i < 3 && warm >= 1000; i++) {
    const t1 = Date.now();
    await page.reload();
    await page.waitForSelector('#pair .chart canvas');
    await page.waitForSelector('#events tbody tr');
    await page.waitForSelector('#alerts ol.alerts li');
    warm = Math.min(warm, Date.now() - t1);
  }
  process.stderr.write(`dashboard: loaded in ${cold} ms (first), ${warm} ms (reload)\n`);
  assert.ok(warm < 1000 && cold < 3000, `loaded in ${cold} ms, then ${warm} ms`);
  // the busiest pair, Russia and Ukraine (in the direction the coder finds more events)
  assert.match(await page.textContent('#pair h2') ?? '', /RUS.*UKR|UKR.*RUS/);
  assert.match(await page.textContent('#pair .summary') ?? '', /events in 12 weeks/);
  const marks = await page.locator('#pair .alert-mark').allTextContents();
  assert.ok(marks.some((m) => m.includes(ESCALATION_WEEK)), marks.join(' | '));
  const alert = await page.textContent('#alerts ol.alerts li');
  assert.match(alert ?? '', /RUS\s*→\s*UKR/);
  assert.match(await page.textContent('[data-testid=stats]') ?? '', new RegExp(`events from ${serverCorpus().length + 1} articles`));
  await page.screenshot({ path: join(OUT, 'dashboard.png') });
  if (!existsSync(DOCS_SHOT) || process.env.DYAD_DOCS_SCREENSHOT === '1') copyFileSync(join(OUT, 'dashboard.png'), DOCS_SHOT);
});

test('dashboard: choosing another pair redraws the chart; a period shows its events', async () => {
  needChromium();
  await page.fill('#pair input[name=a]', 'chn');
  await page.fill('#pair input[name=b]', 'TWN');
  await page.click('#pair button[type=submit]');
  await page.waitForFunction(() => /CHN.*TWN/.test(document.querySelector('#pair h2')?.textContent ?? ''));
  await page.waitForFunction(() => /events in \d+ weeks, 100% conflict/.test(document.querySelector('#pair .summary')?.textContent ?? ''));
  assert.match(page.url(), /#a=CHN&b=TWN&period=week/);
  // back to Russia and Ukraine, and click the marked week's alert: the table shows that week's events
  await page.fill('#pair input[name=a]', 'RUS');
  await page.fill('#pair input[name=b]', 'UKR');
  await page.click('#pair button[type=submit]');
  await page.waitForSelector('#pair .alert-mark button');
  await page.click('#pair .alert-mark button');
  await page.waitForFunction(() => (document.querySelector('#events input[name=pair]') as HTMLInputElement).value === 'RUS,UKR');
  await page.waitForFunction((w) => [...document.querySelectorAll('#events tbody td.date')].every((td: any) => (td.textContent ?? '') >= w), ESCALATION_WEEK);
  const dates = await page.locator('#events tbody td.date').allTextContents();
  assert.ok(dates.length >= 5 && dates.every((d) => d >= ESCALATION_WEEK), dates.join(','));
});

test('dashboard: an event opens its article with source, verb and target marked in the text', async () => {
  needChromium();
  await page.click('#events button[type=button].secondary'); // Clear
  await page.fill('#events input[name=code]', '194');
  await page.click('#events button[type=submit]');
  await page.waitForFunction(() => [...document.querySelectorAll('#events tbody tr td:nth-child(3)')].every((td: any) => td.textContent?.includes('194')) && document.querySelectorAll('#events tbody tr').length > 0);
  const id = Number(await page.getAttribute('#events tbody tr', 'data-event'));
  await page.click('#events tbody tr');
  await page.waitForSelector('dialog#article[open] [data-testid=article-text] mark.hl-verb');
  const { body: events } = await api('/api/events?code=194&limit=50');
  const e = events.events.find((x: { id: number }) => x.id === id);
  const text = (sel: string) => page.locator(`dialog#article [data-testid=article-text] mark.${sel}`).allTextContents();
  assert.equal((await text('hl-source')).join(''), e.source.text);
  assert.equal((await text('hl-target')).join(''), e.target.text);
  assert.equal((await text('hl-verb')).join(''), e.evidence.text.slice(e.spans.verb.start - e.evidence.start, e.spans.verb.end - e.evidence.start));
  assert.ok((await text('hl-evidence')).join('').length > 0);
  await page.screenshot({ path: join(OUT, 'article.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog#article').open);
});

test('dashboard: pasted text is coded at once, with its events marked', async () => {
  needChromium();
  const text = 'GENEVA, Jan. 21, 2022 (AP) — Russia demanded that NATO halt its expansion. Britain accused Russia of plotting a coup in Kyiv.';
  await page.fill('#paste textarea', text);
  await page.fill('#paste input[name=date]', '2022-01-21');
  await page.click('#paste button[type=submit]');
  await page.waitForSelector('[data-testid=pasted-events] li', { timeout: 30_000 });
  const lines = await page.locator('[data-testid=pasted-events] li').allTextContents();
  assert.ok(lines.some((l) => /United Kingdom|Britain/.test(l) && /Accuse/.test(l)), lines.join(' | '));
  assert.match(await page.textContent('#paste .summary') ?? '', /events? \(dated 2022-01-21/);
  assert.ok((await page.locator('[data-testid=pasted-text] mark.hl-verb').count()) === 1);
  await page.locator('#paste').screenshot({ path: join(OUT, 'paste.png') });
  // the store is as it was: coding stores nothing
  assert.equal((await api('/api/stats')).body.articles, serverCorpus().length + 1);
});

test('dashboard: markup in articles, titles and names is shown as text and never runs', async () => {
  needChromium();
  await page.click('#events button[type=button].secondary'); // Clear
  await page.fill('#events input[name=from]', '2023-03-24');
  await page.fill('#events input[name=to]', '2023-03-24');
  await page.click('#events button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1 && document.querySelector('#events tbody td.date')?.textContent === '2023-03-24');
  await page.click('#events tbody tr');
  await page.waitForSelector('dialog#article[open] mark.hl-verb');
  const title = await page.textContent('#article-title');
  assert.equal(title, hostileArticle().title);
  const body = await page.textContent('dialog#article [data-testid=article-text]');
  assert.equal(body, hostileArticle().text);
  assert.match((await page.textContent('dialog#article .meta')) ?? '', /Hostile <b>Press<\/b>/);
  // paste the same markup into the paste box too
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog#article').open);
  await page.fill('#paste textarea', hostileArticle().text);
  await page.click('#paste button[type=submit]');
  await page.waitForFunction(() => (document.querySelector('[data-testid=pasted-text]')?.textContent ?? '').includes('<script>'));
  await new Promise((r) => setTimeout(r, 300));
  const state = await page.evaluate(() => ({
    xss: window.__xss as number | undefined,
    imgs: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    bold: document.querySelectorAll('#article b, #paste b').length,
    links: [...document.querySelectorAll('a')].map((a: any) => a.getAttribute('href') as string | null),
  }));
  assert.equal(state.xss, undefined, 'no injected script ran');
  assert.equal(state.imgs, 0, 'no <img> from the data');
  assert.equal(state.scripts, 1, "only the dashboard's own script");
  assert.equal(state.bold, 0);
  assert.ok(state.links.every((h) => h?.startsWith('https://example.org/')), state.links.join(','));
  assert.deepEqual(dialogs, [], 'no alert() ran');
  await page.screenshot({ path: join(OUT, 'hostile.png') });
});

test('dashboard: no page errors, and no request left this server', () => {
  needChromium();
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(foreign, []);
});
