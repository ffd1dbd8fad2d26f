import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createProgress, formatDuration } from './progress.js';

const sink = (tty: boolean) => {
  let out = '';
  const stream = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = tty;
  stream.columns = 120;
  return { stream, text: () => out };
};

test('in a pipe: plain lines, no more than one per interval, with rate and time left', () => {
  let now = 0;
  const s = sink(false);
  const p = createProgress({ stream: s.stream, total: 1000, now: () => now });
  now = 1000;
  p.update({ articles: 100, events: 250 });
  now = 5000;
  p.update({ articles: 500, events: 1250 });
  now = 6000;
  p.update({ articles: 600, events: 1500 }); // within 5 s of the last line: not printed
  p.update({ articles: 650, events: 1600 }, true);
  p.done();
  assert.equal(
    s.text(),
    'dyad: ingest: 500/1,000 articles, 1,250 events, 100 articles/s, 5s left\n' + 'dyad: ingest: 650/1,000 articles, 1,600 events, 108 articles/s, 3s left\n',
  );
});

test('on a terminal: one bar redrawn in place, cleared at the end', () => {
  let now = 0;
  const s = sink(true);
  const p = createProgress({ stream: s.stream, total: 200, now: () => now });
  now = 2000;
  p.update({ articles: 100, events: 300 });
  p.done();
  const text = s.text();
  assert.ok(text.startsWith('\r\x1b[Kingest [██████████░░░░░░░░░░] 100/200 articles · 300 events · 50/s · 2s left'), JSON.stringify(text));
  assert.ok(text.endsWith('\r\x1b[K'));
  assert.ok(!text.includes('\n'));
});

test('without a total: counts and rate, no bar and no time left', () => {
  let now = 0;
  const s = sink(true);
  const p = createProgress({ stream: s.stream, now: () => now });
  now = 1000;
  p.update({ articles: 10, events: 20 });
  assert.match(s.text(), /ingest 10 articles · 20 events · 10\/s$/);
});

test('durations read as a person would say them', () => {
  assert.deepEqual([formatDuration(5), formatDuration(75), formatDuration(3 * 3600 + 120), formatDuration(NaN)], ['5s', '1m15s', '3h02m', '?']);
});
