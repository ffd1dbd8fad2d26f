import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../doc/index.js';
import { findDates } from './find-dates.js';
import { readDateline } from './read-dateline.js';
import { tokenize } from './tokenize.js';

// 2022-01-21 is a Friday.
const dates = (text: string, date = '2022-01-21') =>
  findDates.run(tokenize.run(readDateline.run(makeDoc(text, { id: 't', date, dateSource: 'input' })))).dates!.map((d) => d.date);

const rows: [string, string[]][] = [
  ['Blinken met Lavrov on Friday.', ['2022-01-21']],
  ['The ministers met on Monday.', ['2022-01-17']],
  ['The ministers will meet on Monday.', ['2022-01-24']],
  ['Russia moved troops last month.', ['2021-12']],
  ['Protests began yesterday.', ['2022-01-20']],
  ['The talks were held on Jan. 10.', ['2022-01-10']],
  ['The talks lasted 90 minutes.', []],
];
for (const [text, want] of rows) test(`dates: ${text}`, () => assert.deepEqual(dates(text), want));
