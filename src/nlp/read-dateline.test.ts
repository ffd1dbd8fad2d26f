import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline } from './read-dateline.js';

const rows: [string, { place: string; agency?: string; date?: string } | null][] = [
  ['GENEVA (AP) — U.S. officials met.', { place: 'Geneva', agency: 'AP' }],
  ['KYIV, Ukraine (Reuters) - Shelling resumed.', { place: 'Kyiv, Ukraine', agency: 'Reuters' }],
  ['WASHINGTON, Jan. 21 (AFP) -- The State Department said.', { place: 'Washington', agency: 'AFP', date: 'Jan. 21' }],
  ['ADDIS ABABA, Ethiopia, Nov. 2, 2022 (Reuters) — Talks ended.', { place: 'Addis Ababa, Ethiopia', agency: 'Reuters', date: 'Nov. 2, 2022' }],
  ['BEIRUT — Israeli jets struck.', { place: 'Beirut' }],
  ['Russia and Ukraine - a timeline of the war.', null],
  ['The U.S. rejected the demand.', null],
];

for (const [text, want] of rows) {
  test(`dateline: ${text.slice(0, 30)}`, () => {
    const d = findDateline(text);
    if (!want) return assert.equal(d, null);
    assert.ok(d);
    assert.equal(d.place, want.place);
    assert.equal(d.agency, want.agency);
    assert.equal(d.date, want.date);
    assert.ok(/^\S/.test(text.slice(d.body)), 'body starts at the first word after the dash');
  });
}
