import { api, ApiError, type Alert } from '../api.js';
import { fill, h } from '../dom.js';
import { periodEnd, periodLabel, type Period } from '../periods.js';

export type AlertsList = { el: HTMLElement; load: (period: Period) => Promise<void> };

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The store's alerts, strongest first: a click shows the pair's series and the events of that period. */
export const createAlertsList = ({ onPick }: { onPick: (alert: Alert, from: string, to: string, period: Period) => void }): AlertsList => {
  const body = h('ol', { class: 'alerts' });
  const note = h('p', { class: 'summary' });
  const el = h('section', { class: 'panel', id: 'alerts' }, h('h2', {}, 'Alerts'), note, body);

  const load = async (period: Period) => {
    fill(note, 'Loading…');
    try {
      const { alerts, scope } = await api.alerts({ period, limit: 50 });
      const when = scope ? ` in the ${period} of ${scope.period} (to ${scope.asOf}), against the ${scope.baseline.length} ${period}s before` : '';
      fill(
        note,
        alerts.length
          ? `Pairs whose conflict is far above their usual level${when}.`
          : scope
            ? `No alerts${when}.`
            : `No alerts: the store's history is too short to score a ${period}.`,
      );
      fill(
        body,
        alerts.map((x) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'alert', onclick: () => onPick(x, x.period, periodEnd(x.period, period), period) },
              h('span', { class: 'score', title: 'robust z-score' }, x.score.toFixed(1)),
              h('span', { class: 'pair' }, h('span', { class: 'code' }, x.source), ' → ', h('span', { class: 'code' }, x.target ?? 'all')),
              h('span', { class: 'when' }, periodLabel(x.period, period)),
              h('span', { class: 'detail' }, `${x.conflictEvents} conflict events, weight ${num(x.current)} vs usual ${num(x.baseline.median)}`),
              x.events?.[0] ? h('span', { class: 'quote' }, `“${x.events[0].evidence}”`) : null,
            ),
          ),
        ),
      );
    } catch (e) {
      fill(note, h('span', { class: 'error' }, e instanceof ApiError ? e.message : 'Alerts could not be loaded.'));
      fill(body);
    }
  };
  return { el, load };
};
