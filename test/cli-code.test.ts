import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist/src/cli/main.js');
const dyad = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: PACKAGE_ROOT, maxBuffer: 1 << 28 });
const tmp = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

const STANDOFF =
  'MOSCOW, March 3, 2022 (dyad) — Russia threatened Latvia with sanctions on Thursday. ' +
  'Latvian Foreign Minister Ilze Ozola met Polish officials in Warsaw. Poland did not attack Belarus.';

test('jsonl output follows the scoring contract, with evidence that quotes the text', () => {
  const r = dyad(['code', '--format', 'jsonl', '-'], JSON.stringify({ id: 'a1', date: '2022-03-03', text: STANDOFF }) + '\n');
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.length >= 2, r.stdout);
  for (const e of events) {
    assert.equal(e.docId, 'a1');
    for (const side of ['source', 'target'] as const) {
      if (e[side] !== null) for (const k of ['code', 'country', 'sector', 'text']) assert.ok(k in e[side], `${side}.${k}`);
    }
    assert.match(e.cameo.code, /^\d{2,4}$/);
    assert.equal(e.cameo.root, e.cameo.code.slice(0, 2));
    assert.ok('type' in e.plover && 'mode' in e.plover);
    assert.equal(STANDOFF.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    assert.equal(STANDOFF.slice(e.sentence.start, e.sentence.end), e.sentence.text);
    assert.ok(e.ruleId && e.dictionary.startsWith('cameo-verbs'));
    assert.equal(typeof e.quadClass, 'number');
  }
  const threat = events.find((e) => e.cameo.code === '1312');
  assert.ok(threat, 'threatened ... with sanctions is 1312');
  assert.equal(threat.source.code, 'RUS');
  assert.equal(threat.target.code, 'LVA');
  assert.equal(threat.plover.type, 'THREATEN');
  assert.equal(threat.date, '2022-03-03');
  const meet = events.find((e) => e.cameo.root === '04');
  assert.equal(meet?.source.code, 'LVAGOV');
  assert.equal(meet?.target.code, 'POLGOV');
  assert.ok(!events.some((e) => e.cameo.root === '19' || e.cameo.root === '18'), 'a negated attack is not coded');
});

test('plain text files, csv and table formats', () => {
  const f = file('standoff.txt', STANDOFF);
  const csv = dyad(['code', '--format', 'csv', f]);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\n');
  assert.ok(lines[0].startsWith('docId,date,source,'));
  assert.ok(lines.slice(1).some((l) => l.startsWith('standoff,2022-03-03,RUS,RUS,,LVA,LVA,,1312,13,')), lines.join('\n'));
  const table = dyad(['code', '--format', 'table', f]);
  assert.match(table.stdout, /^SOURCE\s+EVENT\s+TARGET\s+DATE\s+EVIDENCE/);
  assert.match(table.stdout, /RUS\s+1312 Threaten to boycott.*LVA\s+2022-03-03\s+"Russia threatened Latvia with sanctions"/);
});

test('bad inputs are named with file and line, the rest is still coded, and the exit code says so', () => {
  const good = file('good.jsonl', JSON.stringify({ id: 'g1', date: '2022-03-03', text: STANDOFF }) + '\n{"id": "broken", "text": \n' + JSON.stringify({ id: 'g3', date: '2022-03-03', text: STANDOFF }) + '\n');
  const empty = file('empty.txt', '');
  const binary = file('blob.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  const latin1 = file('latin1.txt', Buffer.from('Caf\xe9 de la Paix, Gen\xe8ve', 'latin1'));
  const r = dyad(['code', '--format', 'jsonl', good, join(tmp, 'missing.txt'), empty, binary, latin1]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /good\.jsonl:2: invalid JSON/);
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stderr, /empty\.txt: empty input/);
  assert.match(r.stderr, /blob\.txt: binary data/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  const ids = new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).docId));
  assert.deepEqual([...ids].sort(), ['g1', 'g3']);
});

test('a 50 MB single line is refused by name without stopping the run', () => {
  const huge = file('huge.jsonl', JSON.stringify({ id: 'huge', text: 'x'.repeat(50_000_000) }) + '\n' + JSON.stringify({ id: 'ok', date: '2022-03-03', text: STANDOFF }) + '\n');
  const r = dyad(['code', '--format', 'jsonl', huge]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /huge\.jsonl:1: line is 50\.0 MB, over the article size limit/);
  assert.ok(r.stdout.includes('"docId":"ok"'));
});

test('non-English text is skipped with a note, and is not a failure', () => {
  const fr = file('fr.txt', "La Russie a menacé la Lettonie de sanctions jeudi, selon le ministère des affaires étrangères, et les deux pays ont rappelé leurs ambassadeurs.");
  const r = dyad(['code', '--format', 'jsonl', '--date', '2022-03-03', fr]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /fr\.txt: not in English \(detected "fra"\); skipped/);
  assert.equal(r.stdout, '');
});

test('an article without a date is read as of today, with a warning; --date sets it', () => {
  const f = file('nodate.txt', 'Russia threatened Latvia with sanctions.');
  const r = dyad(['code', '--format', 'jsonl', f]);
  assert.match(r.stderr, /no date in the input, --date or a dateline; read as of today/);
  assert.equal(JSON.parse(r.stdout.split('\n')[0]).date, new Date().toISOString().slice(0, 10));
  const d = dyad(['code', '--format', 'jsonl', '--date', '2020-05-01', f]);
  assert.equal(d.stderr, '');
  assert.equal(JSON.parse(d.stdout.split('\n')[0]).date, '2020-05-01');
});
