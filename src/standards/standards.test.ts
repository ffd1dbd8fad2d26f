import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAMEO_EVENT_CODES, CAMEO_TO_PLOVER, PLOVER_TYPES, cameoCode, goldstein, isCameoCode, ploverFor } from './index.js';

test('every CAMEO event code is there: 20 roots, 315 codes in all', () => {
  assert.equal(CAMEO_EVENT_CODES.length, 315);
  assert.equal(CAMEO_EVENT_CODES.filter((c) => c.level === 'root').length, 20);
  assert.equal(new Set(CAMEO_EVENT_CODES.map((c) => c.code)).size, 315);
  for (const c of CAMEO_EVENT_CODES) assert.ok(c.code.startsWith(c.root));
});

test('QuadClass follows GDELT: 01–05, 06–08, 09–13, 14–20', () => {
  for (const c of CAMEO_EVENT_CODES) {
    const r = Number(c.root);
    assert.equal(c.quadClass, r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4, c.code);
  }
});

test('spot checks of names and Goldstein scores', () => {
  assert.equal(cameoCode('1312')!.name, 'Threaten to boycott, embargo, or sanction');
  assert.equal(goldstein('1312'), -5.8);
  assert.equal(goldstein('190'), -10);
  assert.equal(goldstein('044'), 2.5);
  assert.equal(cameoCode('036')!.goldstein, 4);
  // sub codes without a score take their base code's
  assert.equal(cameoCode('1213')!.goldstein, null);
  assert.equal(goldstein('1213'), goldstein('121'));
  assert.ok(!isCameoCode('999'));
});

test('16 PLOVER types with their modes, and the CAMEO→PLOVER map', () => {
  assert.equal(PLOVER_TYPES.length, 16);
  assert.deepEqual(
    PLOVER_TYPES.map((t) => t.type).sort(),
    ['ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE', 'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN'],
  );
  assert.deepEqual(PLOVER_TYPES.find((t) => t.type === 'CONSULT')!.modes.map((m) => m.mode), ['visit', 'third-party', 'multilateral', 'phone']);
  // the crosswalk's 257 rows, and the 27 appeals (02) that take their demand twin's (10) row
  assert.equal(CAMEO_TO_PLOVER.length, 257 + 27);
  assert.equal(ploverFor('010'), undefined, 'bare statements have no PLOVER type');
  assert.deepEqual(ploverFor('026'), { ...ploverFor('106')!, cameo: '026' });
  assert.deepEqual(ploverFor('0241'), { ...ploverFor('1041')!, cameo: '0241' });
  assert.deepEqual(ploverFor('044'), { cameo: '044', type: 'CONSULT', mode: 'third-party', context: null });
  assert.equal(ploverFor('1312')!.type, 'THREATEN');
  assert.equal(ploverFor('190')!.type, 'ASSAULT');
  assert.equal(ploverFor('154')!.type, 'MOBILIZE');
});
