import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { makeDoc } from '../src/doc/index.js';
import { createNewsPipeline } from '../src/news-pipeline.js';
import { resolvePhrase } from '../src/actors/index.js';
import { scoreEvents, type GoldCase, type PredictedEvent } from '../src/coding/score-events.js';

// The project's own gold sets (written for dyad, not taken from any suite). The floors only rise: raise them
// when the coder gets better, never lower them to make a change pass.
const EVENT_F1_FLOOR = 0.84;
const ACTOR_COUNTRY_FLOOR = 0.97;
const ACTOR_SECTOR_FLOOR = 0.95;

const lines = (file: string) =>
  readFileSync(join(PACKAGE_ROOT, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const pipeline = createNewsPipeline();
const gold = lines('test/gold/events.jsonl') as (GoldCase & { tags: { modality: string } })[];
const predicted = new Map<string, PredictedEvent[]>();
for (const g of gold) predicted.set(g.id, pipeline.run(makeDoc(g.text, { id: g.id, date: g.date ?? '2020-01-01', dateSource: 'input' })).events ?? []);

test(`event gold set: dyad+type F1 at or above ${EVENT_F1_FLOOR}`, () => {
  assert.ok(gold.length >= 400, 'the gold set has at least 400 cases');
  const report = scoreEvents(gold, predicted);
  const s = report.levels['dyad+type'];
  console.log(`event gold: dyad+type P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}; full F1 ${report.levels.full.f1.toFixed(3)}`);
  assert.ok(s.f1 >= EVENT_F1_FLOOR, `F1 ${s.f1.toFixed(3)} fell below ${EVENT_F1_FLOOR}`);
});

test('no hypothetical, negated, denied or questioned act of force is coded as one', () => {
  const unreal = gold.filter((g) => ['hypothetical', 'negated', 'denial', 'question'].includes(g.tags?.modality));
  assert.ok(unreal.length >= 80);
  const force = unreal.flatMap((g) => (predicted.get(g.id) ?? []).filter((e) => ['18', '19', '20'].includes(e.cameo.code.slice(0, 2))).map((e) => `${g.id}: ${e.cameo.code}`));
  assert.deepEqual(force, []);
});

test(`actor gold set: country accuracy ≥ ${ACTOR_COUNTRY_FLOOR}, sector ≥ ${ACTOR_SECTOR_FLOOR}`, () => {
  const rows = lines('test/gold/actors.jsonl') as { text: string; date: string | null; expected: { country: string | null; sector: string | null } }[];
  let country = 0;
  let sector = 0;
  let withSector = 0;
  for (const r of rows) {
    const a = resolvePhrase(r.text, r.date ?? '2026-11-27', pipeline.actors, pipeline.gazetteer).actor;
    if ((a?.country || '') === (r.expected.country || '')) country++;
    if (r.expected.sector) {
      withSector++;
      if ((a?.sector || '') === r.expected.sector) sector++;
    }
  }
  console.log(`actor gold: country ${(country / rows.length).toFixed(3)} sector ${(sector / withSector).toFixed(3)} (${rows.length} phrases)`);
  assert.ok(country / rows.length >= ACTOR_COUNTRY_FLOOR);
  assert.ok(sector / withSector >= ACTOR_SECTOR_FLOOR);
});
