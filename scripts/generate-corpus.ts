/**
 * Generates news-style articles written for dyad's benchmarks: sentences built from templates with actors,
 * acts, places and dates drawn by a seeded random generator, so every run codes the same text.
 */
export type GeneratedArticle = { id: string; date: string; title: string; source: string; text: string };

const SUBJECTS = [
  'Russia', 'Ukraine', 'The United States', 'China', 'Israel', 'Iran', 'Turkey', 'India', 'Pakistan', 'France',
  'Germany', 'Britain', 'Japan', 'South Korea', 'North Korea', 'Egypt', 'Saudi Arabia', 'Nigeria', 'Kenya', 'Brazil',
  'Russian troops', 'Ukrainian forces', 'Israeli warplanes', 'Chinese officials', 'Iranian diplomats', 'Turkish police',
  'the Kremlin', 'the White House', 'Beijing', 'Moscow', 'NATO', 'the European Union', 'the United Nations',
  'Sudanese soldiers', 'Ethiopian authorities', 'Colombian police', 'Mexican lawmakers', 'Polish officials',
];
const ACTS = [
  'met {T} in {P}', 'held talks with {T} in {P}', 'accused {T} of violating the agreement', 'criticized {T} over the strikes',
  'rejected the demands of {T}', 'threatened {T} with sanctions', 'imposed new sanctions on {T}', 'praised {T} for its restraint',
  'sent humanitarian aid to {T}', 'signed a trade agreement with {T}', 'called on {T} to release the prisoners',
  'demanded that {T} withdraw its forces', 'expelled diplomats from {T}', 'deployed troops near the border with {T}',
  'shelled positions held by {T}', 'arrested dozens of supporters of {T}', 'urged {T} to return to negotiations',
  'agreed to resume talks with {T}', 'pledged to send weapons to {T}', 'investigated claims against {T}',
];
const TAILS = ['on Monday', 'on Tuesday', 'on Wednesday', 'late on Thursday', 'on Friday', 'last week', 'earlier this month', '', '', ''];
const PLACES = ['Geneva', 'Vienna', 'Doha', 'Istanbul', 'Nairobi', 'Brussels', 'New York', 'Cairo', 'Warsaw', 'Riyadh'];
const FILLERS = [
  'The talks lasted about two hours, according to people familiar with the meeting.',
  'Officials did not give further details.',
  'Prices of grain and fuel rose sharply during the week.',
  'The statement was released through the foreign ministry.',
  'Analysts said the move could raise tensions in the region.',
  'Several residents said they had heard explosions overnight.',
  'The ministry said it would publish a full report next month.',
];

/** A small fast seeded PRNG (mulberry32). */
export const seeded = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export function* generateArticles(count: number, seed = 42): Generator<GeneratedArticle> {
  const rnd = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = Date.UTC(2021, 0, 1);
  for (let i = 0; i < count; i++) {
    const date = new Date(start + Math.floor(rnd() * 1400) * 86_400_000).toISOString().slice(0, 10);
    const sentences: string[] = [];
    const n = 5 + Math.floor(rnd() * 5);
    for (let k = 0; k < n; k++) {
      if (rnd() < 0.3) {
        sentences.push(pick(FILLERS));
        continue;
      }
      let s = pick(SUBJECTS);
      let t = pick(SUBJECTS);
      while (t === s) t = pick(SUBJECTS);
      t = t.replace(/^The /, 'the ');
      const act = pick(ACTS).replace('{T}', t).replace('{P}', pick(PLACES));
      const tail = pick(TAILS);
      sentences.push(`${s} ${act}${tail ? ' ' + tail : ''}${rnd() < 0.3 ? ', officials said' : ''}.`);
      s = s.charAt(0).toUpperCase() + s.slice(1);
    }
    const text = `${pick(PLACES).toUpperCase()} (dyad wire) — ${sentences.join(' ')}`;
    yield { id: `gen-${String(i).padStart(6, '0')}`, date, title: sentences[0].slice(0, 60), source: 'dyad-generated', text };
  }
}
