import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../doc/index.js';
import { createPipeline, defineStage, PipelineError } from './index.js';

const a = defineStage({ name: 'a', requires: [], assigns: ['tokens'], run: (d) => ({ ...d, tokens: [] }) });
const b = defineStage({ name: 'b', requires: ['tokens'], assigns: ['events'], run: (d) => ({ ...d, events: [] }) });
const doc = () => makeDoc('Text.', { id: 'x', date: '2022-01-01', dateSource: 'input' });

test('a stage whose requirement comes later fails at build time with a fix', () => {
  assert.throws(() => createPipeline([b, a]), (e: PipelineError) => e.code === 'E001' && /add "a" before it/.test(e.message));
  assert.equal(createPipeline([a, b]).run(doc()).events!.length, 0);
});

test('a stage that returns nothing or changes the text fails', () => {
  const bad = defineStage({ name: 'bad', requires: [], assigns: [], run: () => undefined as never });
  assert.throws(() => createPipeline([bad]).run(doc()), /E002/);
  const edit = defineStage({ name: 'edit', requires: [], assigns: [], run: (d) => ({ ...d, text: 'other' }) });
  assert.throws(() => createPipeline([edit]).run(doc()), /E003/);
});

test('a skipped doc runs no later stage, and the pipeline is frozen', () => {
  const skip = defineStage({ name: 'skip', requires: [], assigns: [], run: (d) => ({ ...d, skipped: 'not English' }) });
  const out = createPipeline([skip, a]).run(doc());
  assert.equal(out.tokens, undefined);
  assert.ok(Object.isFrozen(createPipeline([a]).stages));
});
