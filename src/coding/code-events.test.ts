import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PACKAGE_ROOT } from '../paths.js';
import { makeDoc } from '../doc/index.js';
import { findMentions, linkMentions, loadActorDictionary, resolveActors } from '../actors/index.js';
import { detectLanguageStage, findDates, readDateline, tokenize } from '../nlp/index.js';
import { createPipeline } from '../pipeline/index.js';
import { DictionaryError } from '../actors/read-yaml.js';
import { codeEvents } from './code-events.js';
import { posClauseFinder } from './find-clauses-pos.js';
import { loadVerbDictionary } from './verb-dictionary.js';

const actors = loadActorDictionary({ dir: join(PACKAGE_ROOT, 'test/fixtures/actors') });
const verbs = loadVerbDictionary({ dir: join(PACKAGE_ROOT, 'test/fixtures/verbs') });
const pipeline = createPipeline([
  detectLanguageStage, readDateline, tokenize, findDates, findMentions(actors), resolveActors, linkMentions,
  codeEvents({ dictionary: verbs, clauseFinder: posClauseFinder }),
]);
const code = (text: string, date = '2022-01-21') =>
  pipeline.run(makeDoc(text, { id: 'c', date, dateSource: 'input' })).events!.map((e) => `${e.source?.code ?? '-'} ${e.cameo.code} ${e.target?.code ?? '-'}`).sort();

// [name, sentence, expected events "SOURCE CODE TARGET"]
const rows: [string, string, string[]][] = [
  ['active', 'Russia attacked Ukraine.', ['RUS 190 UKR']],
  ['most specific pattern wins', 'Russia threatened Latvia with sanctions.', ['RUS 1312 LVA']],
  ['passive with by-agent', 'Ukraine was attacked by Russia on Monday.', ['RUS 190 UKR']],
  ['passive without agent', 'Kharkiv was shelled overnight.', []],
  ['coordinated subjects meet both ways', 'Poland and Lithuania met in Vilnius.', ['LTU 040 POL', 'POL 040 LTU']],
  ['coordinated objects', 'Russia threatened Latvia and Estonia with sanctions.', ['RUS 1312 EST', 'RUS 1312 LVA']],
  ['role with nationality', 'Russian troops shelled Ukrainian soldiers.', ['RUSMIL 194 UKRMIL']],
  ['apposition gives the title', 'Ilze Ozola, Latvia’s foreign minister, met with Polish officials.', ['LVAGOV 040 POLGOV']],
  ['relative clause between subject and verb', 'Russia, which has massed troops near the border, threatened Ukraine.', ['RUS 130 UKR']],
  ['swap: the giver is the source', 'Ukraine received aid from Poland.', ['POL 070 UKR']],
  ['coreference: surname after a full mention', 'Latvian Foreign Minister Ilze Ozola arrived on Monday. Ozola met with Polish officials.', ['LVAGOV 040 POLGOV']],
  ['pronoun after a person', 'Latvian Foreign Minister Ilze Ozola arrived on Monday. She met with Polish officials.', ['LVAGOV 040 POLGOV']],
  ['negation', 'Russia did not attack Ukraine.', []],
  ['never', 'Poland never attacked Belarus.', []],
  ['conditional: the act is not coded, the promise is a threat', 'The U.S. will impose sanctions if Russia invades Ukraine.', ['USA 1312 RUS']],
  ['could', 'Russia could invade Ukraine within weeks.', []],
  ['question', 'Will Russia attack Ukraine?', []],
  ['denial codes only the denial', 'Russia denied attacking Ukraine.', ['RUS 016 -']],
  ['refusal is a rejection, not a meeting', 'Russia refused to meet Ukraine.', ['RUS 125 UKR']],
  ['refusing aid is rejecting it', 'Germany declined to send aid to Ukraine.', ['DEU 122 UKR']],
  ['failing is not refusing', 'Germany failed to send aid to Ukraine.', []],
  ['intent: a future meeting is 036', 'Russia will meet Ukraine next week.', ['RUS 036 UKR']],
  ['intent of force is a threat, not an act', 'Russia will attack Ukraine.', ['RUS 1384 UKR']],
  ['threatened force is a threat, not an attack', 'Russia threatened to attack Ukraine.', ['RUS 138 UKR']],
  ['reported speech codes the reported act', 'Kyiv said Russian troops shelled Kharkiv.', ['RUSMIL 194 -']],
  ['no pattern, no event', 'Russia and Ukraine exchanged prisoners.', []],
  ['coordinated nationalities share their noun', 'Russian and Belarusian soldiers shelled Ukrainian soldiers.', ['BLRMIL 194 UKRMIL', 'RUSMIL 194 UKRMIL']],
  ['a typed TARGET takes only its kind of actor: an organisation expelled', 'Russia expelled the United Nations.', ['RUS 166 IGOUNO']],
  ['a typed TARGET takes only its kind of actor: a country is not one', 'Russia expelled Poland.', ['RUS 174 POL']],
  ['"each other" makes an act mutual whatever its object', "Russia and Poland expelled each other's diplomats.", ['POL 161 RUS', 'RUS 161 POL']],
  ['an actor modifying the means after "with" is no partner', 'Russia and Ukraine reached a deal with UN mediation.', ['RUS 046 UKR', 'UKR 046 RUS']],
  ['a nationality before a gerund does it', 'Ten soldiers died in Russian shelling of Kharkiv.', ['RUS 194 -']],
  ['a protest outside an embassy is aimed at its state', 'Polish protesters protested outside the Russian embassy.', ['POLCVL 141 RUSGOV']],
  ['an attack on no one named falls on those its trailing ", killing" names', 'Russian troops shelled the town, killing ten Ukrainian soldiers.', ['RUSMIL 194 UKRMIL']],
  ['a participle after a passive\'s "and" is passive, and shares its agent', 'Anna Berg was shot and wounded by Russian soldiers.', ['RUSMIL 180 SWEGOV']],
  ['surviving an attempt by X: X is the source', 'Anna Berg survived an assassination attempt by Russian soldiers.', ['RUSMIL 185 SWEGOV']],
  ['a floating quantifier after the subject is no determiner', 'Russia and Ukraine both attacked Poland.', ['RUS 190 POL', 'UKR 190 POL']],
  ['"Ukrainian-held" names who holds a place, not whom it is', 'Russian troops shelled the Ukrainian-held town.', ['RUSMIL 194 -']],
  ['an act awaited "until" in the present tense has not happened', 'Poland will wait until Russia attacks Ukraine.', []],
  ['a protest in defiance of someone is aimed at them', 'Polish protesters protested in defiance of the Kremlin.', ['POLCVL 141 RUSGOV']],
  ['an allegation is an accusation of its subject, and what it alleges is not asserted', 'The United Nations alleged that Russia attacked Ukraine.', ['IGOUNO 112 RUS']],
  ['a purpose naming no one, of the act its governor coded, is that act', 'Anna Berg visited Poland to meet.', ['SWEGOV 042 POL']],
  ['a hedged future is a forecast, not an intent', 'Russia would probably attack Ukraine.', []],
  ['a social ill is fought without force', 'Poland attacked corruption.', []],
  ['what a proposal is for has not happened', 'Poland made a proposal for talks between Russia and Ukraine.', []],
  ['a protest named right after its protesters happened', 'Russian soldiers attacked Polish protesters protesting in Warsaw.', ['POLCVL 141 POLGOV', 'RUSMIL 190 POLCVL']],
  ['a denial answers only its accuser, not those its object names', 'Russia denied the accusations by Poland of attacking Ukraine.', ['RUS 016 POL']],
  ['a denial names no one it is not answering', 'Russia denied any role in the attack on Ukrainian soldiers.', ['RUS 016 -']],
  ['a verb joined to a requested complement is requested too', 'Poland urged Russia to stop and attack Ukraine.', []],
  ['a SANCTION (PLOVER: needs a recipient) with no one receiving it is no event', 'Poland imposed sanctions.', []],
  ['an accusation whose TARGET names no one is aimed at the agent named deeper', 'The United Nations alleged abuses of prisoners by Russia.', ['IGOUNO 112 RUS']],
  ['an order to comply, in the passive, is a demand of the subject', 'Russia was told by Poland to stop.', ['POL 100 RUS']],
  ['an accusation whose object names no one takes the agent named deeper', 'Poland condemned the shelling by Russian troops.', ['POL 111 RUSMIL']],
  ['an embedded question asserts nothing', 'Poland did not say when Russia would attack Ukraine.', []],
  ['TARGET:PLACE takes a place: territory captured', 'Russia captured Ukraine.', ['RUS 192 UKR']],
  ['TARGET:PLACE takes a place: people captured are not one', 'Russia captured Polish soldiers.', ['RUS 173 POLMIL']],
  ['a title after a full mention', 'Latvian Foreign Minister Ilze Ozola arrived on Monday. The minister met with Polish officials.', ['LVAGOV 040 POLGOV']],
];
for (const [name, text, want] of rows) test(`coding: ${name}`, () => assert.deepEqual(code(text), want.sort()));

test('each event records the rule and the dictionary version, and its evidence quotes the sentence', () => {
  const text = 'Russia threatened Latvia with sanctions on Friday.';
  const [e] = pipeline.run(makeDoc(text, { id: 'c', date: '2022-01-21', dateSource: 'input' })).events!;
  assert.equal(e.ruleId, 't13.threaten-sanctions');
  assert.match(e.dictionary, /^test-verbs\.v1#[0-9a-f]{8}$/);
  assert.equal(text.slice(e.evidence.start, e.evidence.end), 'Russia threatened Latvia with sanctions');
  assert.equal(text.slice(e.verb.start, e.verb.end), 'threatened');
  assert.equal(e.date, '2022-01-21');
  assert.deepEqual([e.goldstein, e.quadClass, e.plover?.type], [-5.8, 3, 'THREATEN']);
});

test('the dictionary lint rejects unknown codes, codes of another root and duplicate ids, with file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-verbs-'));
  const write = (body: string) => writeFileSync(join(dir, '04-consult.yml'), `root: "04"\npatterns:\n${body}`);
  write('  - {id: a, code: "049", pattern: meet}\n');
  assert.throws(() => loadVerbDictionary({ dir }), (e: DictionaryError) => /04-consult\.yml:3: pattern "a": unknown CAMEO code "049"/.test(e.message));
  write('  - {id: a, code: "190", pattern: meet}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /code 190 is not in root 04/);
  write('  - {id: a, code: "040", pattern: meet}\n  - {id: a, code: "040", pattern: confer}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /duplicate pattern id "a"/);
  write('  - {id: a, code: "040", pattern: "meet TARGET:GOVT"}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /04-consult\.yml:3: pattern "a": "GOVT" is not a 3-letter actor code part/);
});
