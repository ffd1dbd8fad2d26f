import type { RawArticle } from '../../src/ingest/index.js';

/**
 * A small news corpus written for the server's tests and the dashboard's: twelve weeks from Monday
 * 2023-01-02, with Russia and Ukraine talking and trading accusations for eleven weeks and then fighting in
 * the twelfth (which alerts), China and Taiwan sparring throughout, and India and Pakistan agreeing a
 * ceasefire. Every article differs in its place and day, so none is a duplicate of another.
 */
const PLACES = ['Kharkiv', 'Bakhmut', 'Kherson', 'Donetsk', 'Zaporizhzhia', 'Sumy', 'Odesa', 'Mykolaiv', 'Lviv', 'Poltava', 'Chernihiv', 'Dnipro'];
const CITIES = ['Geneva', 'Istanbul', 'Vienna', 'Ankara', 'Riyadh', 'Doha', 'Oslo', 'Helsinki', 'Warsaw', 'Prague', 'Berlin', 'Rome'];
const DAY = 86_400_000;
const day = (week: number, weekday: number) => new Date(Date.UTC(2023, 0, 2) + (week * 7 + weekday) * DAY).toISOString().slice(0, 10);

export const CORPUS_START = '2023-01-02';
export const ESCALATION_WEEK = '2023-03-20';

export const serverCorpus = (): RawArticle[] => {
  const out: RawArticle[] = [];
  for (let w = 0; w < 12; w++) {
    const place = PLACES[w];
    const city = CITIES[w];
    out.push({
      id: `talks-${w}`,
      date: day(w, 1),
      source: 'Example Wire',
      title: `Talks in ${city}`,
      text: `Ukrainian officials met Russian diplomats in ${city} on Tuesday. Russia praised Ukraine for the talks in ${city}, and both sides said they would meet again.`,
    });
    out.push({
      id: `accuse-${w}`,
      date: day(w, 3),
      source: 'Daily Example',
      title: `Accusations over ${place}`,
      text: `Ukraine accused Russia of violating the truce near ${place} on Thursday. Officials in ${place} said the front had been quiet for ${w + 2} days.`,
    });
    out.push({
      id: `strait-${w}`,
      date: day(w, 2),
      source: 'Harbour Times',
      title: `Strait tensions, week ${w + 1}`,
      text: `China warned Taiwan against independence on Wednesday, in its ${w + 1}th statement this year. Taiwan condemned China over the drills.`,
    });
    if (w % 3 === 0) {
      out.push({
        id: `kashmir-${w}`,
        date: day(w, 4),
        source: 'Example Wire',
        title: `Kashmir ceasefire, round ${w / 3 + 1}`,
        text: `India and Pakistan agreed to a ceasefire in Kashmir on Friday after ${w + 3} days of talks.`,
      });
    }
  }
  // the twelfth week: fighting
  for (let i = 0; i < 4; i++) {
    const place = PLACES[(i * 5) % PLACES.length];
    out.push({
      id: `fighting-${i}`,
      date: day(11, i),
      source: ['Example Wire', 'Daily Example', 'Harbour Times', 'Evening Example'][i],
      title: `Fighting near ${place}`,
      text:
        `Russian forces shelled Ukrainian positions near ${place} on day ${i + 1} of the offensive. ` +
        `Russian troops attacked the Ukrainian army outside ${place}. ` +
        `Russia threatened Ukraine with further strikes, and Ukraine accused Russia of attacking civilians in ${place}.`,
    });
  }
  return out;
};

/** An article whose text and title carry markup that must stay text: the dashboard's XSS check. */
export const hostileArticle = (): RawArticle => ({
  id: 'hostile-1',
  date: '2023-03-24',
  source: 'Hostile <b>Press</b>',
  title: '<img src=x onerror="window.__xss=1"> Breaking <script>window.__xss=1</script>',
  url: 'https://example.org/hostile?<script>',
  text:
    'Russia accused Ukraine of sabotage near Kherson on Friday. <script>window.__xss = 1; alert(1)</script> ' +
    'Officials said <img src=x onerror="window.__xss=2"> nothing more. <b>bold</b> &amp; <a href="javascript:window.__xss=3">link</a>',
});
