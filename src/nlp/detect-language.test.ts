import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.js';

test('one-sentence English stories with few function words are English', () => {
  for (const s of [
    'Israel threatened to strike Iran\'s nuclear facilities if diplomacy failed.',
    'NATO Secretary-General Jens Stoltenberg met Swedish Prime Minister Ulf Kristersson on Wednesday to discuss Sweden\'s stalled membership bid.',
    'Brazil declined to join China\'s Belt and Road Initiative.',
    'Russian troops shelled Kharkiv overnight, regional officials said.',
    'Sri Lanka lifted a nationwide curfew on Monday morning.',
    'Latvian Foreign Minister Ilze Ozola met Polish officials in Warsaw on Thursday.',
    'U.S. B-2 bombers dropped precision-guided bunker-buster bombs on Iran\'s Fordow enrichment site.',
    // no function word and no -ed form: franc's best guess is French, English a near second
    'Venezuela\'s government shut down seven opposition radio stations.',
  ]) assert.equal(detectLanguage(s), 'eng', s);
});

test('French, Spanish and German stories are still told apart', () => {
  assert.equal(detectLanguage('Le président de la République a rencontré son homologue allemand à Paris mercredi pour discuter de la guerre en Ukraine.'), 'fra');
  assert.equal(detectLanguage('El gobierno de España anunció el martes nuevas sanciones contra Rusia por la invasión de Ucrania y pidió un alto el fuego.'), 'spa');
  assert.equal(detectLanguage('Le gouvernement du Venezuela a fermé sept stations de radio de l\'opposition.'), 'fra');
  assert.equal(detectLanguage('Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen und die Waffenlieferungen an die Ukraine verlängert.'), 'deu');
});

test('too short to tell is undetermined', () => {
  assert.equal(detectLanguage('Talks resume.'), 'und');
});
