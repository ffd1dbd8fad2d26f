import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PACKAGE_ROOT } from '../src/paths.js';
import { insertSyntheticEvents, seededRandom, weeklyPairEvents } from '../scripts/synthetic-events.js';
import { openStore } from '../src/store/index.js';
import { CHART_COLORS } from '../src/analysis/index.js';
import { runTrend, type TrendCommandOptions } from '../src/cli/trend-command.js';
import { runAlerts, type AlertsCommandOptions } from '../src/cli/alerts-command.js';
import { runTop, type TopCommandOptions } from '../src/cli/top-command.js';
import type { CommandIO } from '../src/cli/command-io.js';
import { tempDir } from './helpers/store-fixtures.js';
import { countColor, decodePng } from './helpers/png.js';

const dir = tempDir('dyad-cli-analysis-');
const DB = join(dir, 'trend.db');
const START = '2024-01-01';
const LAST = '2024-03-18'; // week 11

// twelve weeks: RUS > UKR escalates in the last one; GBR > FRA is noise of the same volume
{
  const rnd = seededRandom(11);
  const store = openStore({ path: DB });
  insertSyntheticEvents(store.db, [
    ...weeklyPairEvents({ rnd, source: 'RUS', target: 'UKR', start: START, weeks: 12, conflict: (w) => (w === 11 ? { exactly: 30 } : 4), coop: () => 3 }),
    ...weeklyPairEvents({ rnd, source: 'UKR', target: 'RUS', start: START, weeks: 12, conflict: () => 2, coop: () => 2 }),
    ...weeklyPairEvents({ rnd, source: 'GBR', target: 'FRA', start: START, weeks: 12, conflict: () => 6, coop: () => 5 }),
  ]);
  store.close();
}

/** Runs a command in-process with what it writes captured; `tty` makes stdout look like a terminal. */
const run = async (f: (io: CommandIO) => Promise<number>, tty = false) => {
  let stdout = '';
  const lines: string[] = [];
  const stream = Object.assign(new Writable({ write: (c, _e, cb) => ((stdout += String(c)), cb()) }), { isTTY: tty });
  const status = await f({ stdout: stream, warn: (l) => lines.push(`dyad: ${l}`) });
  return { status, stdout, stderr: lines.join('\n') };
};
const trend = (a: string, b: string | undefined, o: TrendCommandOptions = {}, tty = false) => run((io) => runTrend(a, b, { db: DB, ...o }, io), tty);
const alerts = (o: AlertsCommandOptions = {}, tty = false) => run((io) => runAlerts({ db: DB, ...o }, io), tty);
const top = (o: TopCommandOptions = {}) => run((io) => runTop({ db: DB, ...o }, io));

test('dyad trend: a table with the alert marked and, on a terminal, a sparkline of conflict', async () => {
  const r = await trend('RUS', 'UKR', { format: 'table' }, true);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'RUS–UKR, per week');
  assert.match(lines[1], /^PERIOD\s+EVENTS\s+V-COOP\s+M-COOP\s+V-CONF\s+M-CONF\s+GOLDSTEIN\s+CONFLICT\s+ALERT$/);
  assert.equal(lines.length, 2 + 12 + 1);
  assert.match(lines[13], new RegExp(`^${LAST}\\s+\\d+.*z \\d+(\\.\\d)?$`), 'the last week alerts');
  assert.ok(lines.slice(2, 13).every((l) => !/z \d/.test(l)), 'no other week does');
  assert.match(lines[14], /^conflict {2}[▁▂▃▄▅▆▇█]{12} {2}\(max \d+ a week; 1 alert\)$/);
  assert.ok(lines[14].includes('█', 10 + 11), 'the highest bar is the last week');
  const piped = await trend('RUS', 'UKR', { format: 'table' });
  assert.ok(!piped.stdout.includes('conflict  '), 'no sparkline in a pipe');
});

test('dyad trend: CSV and JSON carry the same counts, and the filters reach the series', async () => {
  const csv = await trend('RUS', 'UKR', { direction: 'ab', normalize: true });
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.trimEnd().split('\n').map((l) => l.split(','));
  assert.deepEqual(rows[0], ['period', 'events', 'verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict', 'goldstein_sum', 'goldstein_mean', 'conflict_share', 'conflict_weight', 'normalized', 'alert_score']);
  assert.equal(rows.length, 13);
  const json = await trend('RUS', 'UKR', { direction: 'ab', normalize: true, format: 'json' });
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.points.length, 12);
  rows.slice(1).forEach((r, i) => {
    const p = parsed.points[i];
    assert.deepEqual([r[0], Number(r[1]), ...r.slice(2, 6).map(Number)], [p.period, p.events, ...p.quad]);
    assert.equal(Number(r[10]), p.normalized);
  });
  assert.equal(parsed.alerts.length, 1);
  assert.equal(parsed.alerts[0].period, LAST);
  assert.equal(Number(rows[12][11]), parsed.alerts[0].score);
  const material = JSON.parse((await trend('RUS', 'UKR', { direction: 'ab', codes: ['18,19', '20'], format: 'json' })).stdout);
  assert.ok(material.points.every((p: { quad: number[] }) => p.quad[0] + p.quad[1] + p.quad[2] === 0), 'codes 18, 19 and 20 are material conflict only');
  const bad = await trend('RUS', 'UKR', { from: '2024-13-01' });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'dyad: --from must be a date YYYY-MM-DD, got "2024-13-01"');
  const missing = await trend('RUS', 'UKR', { db: join(dir, 'none.db') });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such store/);
});

test('dyad trend --plot: an SVG and a PNG with conflict red, cooperation blue and the alert marked', async () => {
  const svgFile = join(dir, 'trend.svg');
  const r = await trend('RUS', 'UKR', { format: 'csv', plot: svgFile });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /SVG chart of 12 weeks written to .*trend\.svg, 1 alert marked/);
  const svg = readFileSync(svgFile, 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\s*$/);
  assert.ok(svg.includes(`stroke="${CHART_COLORS.conflict}"`), 'a red conflict line');
  assert.ok(svg.includes(`stroke="${CHART_COLORS.cooperation}"`), 'a blue cooperation line');
  assert.ok(svg.includes(`stroke="${CHART_COLORS.alert}"`), 'the alert rule');
  assert.match(svg, /alert z=\d+\.\d/, 'the alert label with its score');
  assert.match(svg, /RUS – UKR: events per week/);

  const pngFile = join(dir, 'trend.png');
  assert.equal((await trend('RUS', 'UKR', { format: 'csv', plot: pngFile })).status, 0);
  const png = decodePng(readFileSync(pngFile));
  assert.ok(png.width > 1000 && png.height > 400, `${png.width}×${png.height}`);
  assert.ok(countColor(png, CHART_COLORS.alert) > 200, 'orange pixels: the alert is drawn');
  assert.ok(countColor(png, CHART_COLORS.conflict) > 500, 'red pixels');
  assert.ok(countColor(png, CHART_COLORS.cooperation) > 500, 'blue pixels');
  const quiet = join(dir, 'quiet.png');
  assert.equal((await trend('GBR', 'FRA', { format: 'csv', plot: quiet })).status, 0);
  assert.equal(countColor(decodePng(readFileSync(quiet)), CHART_COLORS.alert), 0, 'no alert, no orange');
  const wrong = await trend('RUS', 'UKR', { format: 'csv', plot: join(dir, 'trend.pdf') });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--plot must be a file name ending in \.svg or \.png/);
});

test('dyad alerts: the escalation with its size, period and evidence, as a table, JSON and CSV', async () => {
  const t = await alerts({ format: 'table', evidence: 2 }, true);
  assert.equal(t.status, 0, t.stderr);
  const lines = t.stdout.trimEnd().split('\n');
  assert.equal(lines[0], `1 alert for the week of ${LAST} (events to ${lines[0].match(/events to (\S+)\)/)![1]}), against the 8 weeks before`);
  assert.match(lines[2], new RegExp(`^RUS → UKR  week of ${LAST}  z \\d+(\\.\\d)?: conflict weight [\\d.]+ from 30 conflict events \\(usual: median [\\d.]+, MAD [\\d.]+\\)$`));
  assert.equal(lines.length, 5);
  for (const l of lines.slice(3)) assert.match(l, /^ {4}2024-03-(1[89]|2[0-4]) {2}\d{3,4} .*"RUS against UKR #11\.\d+"$/);
  const json = JSON.parse((await alerts({})).stdout);
  assert.equal(json.length, 1);
  assert.deepEqual([json[0].source, json[0].target, json[0].period, json[0].conflictEvents, json[0].events.length], ['RUS', 'UKR', LAST, 30, 5]);
  const csv = (await alerts({ format: 'csv', evidence: 3 })).stdout.trimEnd().split('\n');
  assert.equal(csv[0], 'source,target,period,score,conflict_weight,conflict_events,baseline_median,baseline_mad,baseline_scale,method,event_id,doc_id,date,code,goldstein,evidence');
  assert.equal(csv.length, 4, 'a row per evidence event');
  assert.ok(csv.slice(1).every((l) => l.startsWith(`RUS,UKR,${LAST},`)));
  const early = await alerts({ format: 'table', asOf: '2024-01-20' });
  assert.match(early.stdout, /too little history for a baseline of 8 weeks/);
  assert.equal((await alerts({ threshold: 'x' })).status, 2);
  assert.equal((await alerts({ minEvents: 0 })).stderr, 'dyad: --min-events must be a whole number of at least 1, got 0');
});

test('dyad top: pairs, actors and movers in each format', async () => {
  const pairs = await top({ format: 'csv' });
  assert.equal(pairs.status, 0, pairs.stderr);
  const rows = pairs.stdout.trimEnd().split('\n');
  assert.equal(rows[0], 'source,target,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_sum,goldstein_mean,conflict_share');
  assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 2).join('>')).sort(), ['GBR>FRA', 'RUS>UKR', 'UKR>RUS']);
  const actors = JSON.parse((await top({ actors: true, format: 'json' })).stdout);
  assert.deepEqual(actors.map((a: { actor: string }) => a.actor).sort(), ['FRA', 'GBR', 'RUS', 'UKR']);
  const m = await top({ movers: true, format: 'table', measure: 'conflict' });
  assert.match(m.stdout.split('\n')[0], new RegExp(`^conflict events: the week of ${LAST} against the one of 2024-03-11$`));
  assert.match(m.stdout.split('\n')[2], /^RUS\s+UKR\s+\d+\s+30\s+\+\d+\s+×[\d.]+$/);
  assert.equal((await top({ movers: true, actors: true })).status, 2);
});

test('the real CLI has trend, alerts and top, on the store of --db', () => {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist/src/cli/main.js'), 'top', '--db', DB, '--limit', '1', '--format', 'csv'], { encoding: 'utf8', env: { ...process.env, DYAD_DB: '' } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trimEnd().split('\n').length, 2);
  const t = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist/src/cli/main.js'), 'trend', 'RUS', 'UKR', '--period', 'month', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, DYAD_DB: DB } });
  assert.equal(t.status, 0, t.stderr);
  assert.deepEqual(JSON.parse(t.stdout).points.map((p: { period: string }) => p.period), ['2024-01-01', '2024-02-01', '2024-03-01']);
});
