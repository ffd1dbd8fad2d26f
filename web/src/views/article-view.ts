import { api, ApiError, type Article } from '../api.js';
import { fill, h, safeUrl } from '../dom.js';
import { eventMarks, highlighted } from '../highlight.js';
import { eventLine } from './events-list.js';

export type ArticleView = { el: HTMLDialogElement; open: (articleId: number, eventId?: number) => Promise<void> };

/**
 * An article in a dialog: its text with the chosen event's evidence, source, verb and target marked (the
 * article's other events underlined), and the list of its events to move between them.
 */
export const createArticleView = (): ArticleView => {
  const title = h('h2', { id: 'article-title' });
  const meta = h('p', { class: 'meta' });
  const text = h('div', { class: 'article-text', 'data-testid': 'article-text' });
  const events = h('ol', { class: 'event-lines' });
  const legend = h(
    'p',
    { class: 'legend' },
    h('mark', { class: 'hl-source' }, 'source'),
    ' ',
    h('mark', { class: 'hl-verb' }, 'verb'),
    ' ',
    h('mark', { class: 'hl-target' }, 'target'),
    ' ',
    h('mark', { class: 'hl-evidence' }, 'evidence'),
  );
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'close', onclick: () => el.close() }, '×');
  const el = h(
    'dialog',
    { class: 'article', id: 'article', 'aria-labelledby': 'article-title' },
    h('header', {}, title, close),
    meta,
    legend,
    h('div', { class: 'article-body' }, text, h('aside', {}, h('h3', {}, 'Events'), events)),
  );
  el.addEventListener('click', (e) => {
    if (e.target === el) el.close();
  });

  let article: Article | undefined;

  const render = (focus?: number) => {
    if (!article) return;
    const a = article;
    const chosen = a.events.find((e) => e.id === focus) ?? a.events[0];
    const marks = [...a.events.filter((e) => e !== chosen).flatMap((e) => eventMarks(e, false)), ...(chosen ? eventMarks(chosen) : [])];
    fill(text, highlighted(a.text, marks));
    fill(events, a.events.length ? a.events.map((e) => eventLine(e, { active: e === chosen, onSelect: () => render(e.id) })) : h('li', { class: 'none' }, 'No events were coded from this article.'));
    text.querySelector('mark.hl-verb, mark.hl-evidence')?.scrollIntoView({ block: 'center' });
  };

  const open = async (articleId: number, eventId?: number) => {
    if (!el.open) el.showModal();
    fill(title, 'Loading…');
    fill(meta);
    fill(text);
    fill(events);
    try {
      article = await api.article(articleId);
      const url = article.url ? safeUrl(article.url) : undefined;
      fill(title, article.title || article.docId);
      fill(
        meta,
        [article.date, article.publisher ?? article.source].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, new URL(url).hostname)] : null,
        article.skipped ? ` · not coded: ${article.skipped}` : null,
      );
      render(eventId);
    } catch (e) {
      article = undefined;
      fill(title, 'Article');
      fill(text, h('p', { class: 'error' }, e instanceof ApiError ? e.message : 'The article could not be loaded.'));
    }
  };

  return { el, open };
};
