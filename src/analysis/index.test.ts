import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as analysis from './index.js';
import { sparkline, trendChartSpec, type PairSeries } from './index.js';

test('the public surface of src/analysis', () => {
  assert.deepEqual(Object.keys(analysis).sort(), [
    'ALERT_METHOD', 'AnalysisError', 'CHART_COLORS', 'CONFLICT_WEIGHT_SQL', 'DEFAULT_EVENT_WEIGHT', 'MAD_TO_SD', 'PERIODS',
    'addPeriods', 'alertScope', 'eventRowsSql', 'isDay', 'median', 'movers', 'pairAlerts', 'pairSeries', 'periodEnd', 'periodSql',
    'periodStart', 'periodTotals', 'periodsBetween', 'renderTrendPng', 'renderTrendSvg', 'robustScore', 'scanAlerts', 'sparkline',
    'topActors', 'topPairs', 'trendChartSpec', 'writeTrendChart',
  ]);
});

test('sparkline: one bar per value, scaled to the largest', () => {
  assert.equal(sparkline([0, 1, 4, 8]), '▁▂▅█');
  assert.equal(sparkline([0, 0, 0]), '▁▁▁');
  assert.equal(sparkline([]), '');
});

test('trendChartSpec: conflict and cooperation per period, shares of all events with normalize, a rule per alert', () => {
  const point = (period: string, quad: [number, number, number, number], normalized?: number) => ({
    period, events: quad.reduce((a, b) => a + b), quad, goldsteinSum: 0, goldsteinMean: null, conflictShare: 0, conflictWeight: 0, ...(normalized !== undefined ? { normalized } : {}),
  });
  const series: PairSeries = { a: 'RUS', b: 'UKR', period: 'week', direction: 'both', points: [point('2024-01-01', [1, 1, 2, 0]), point('2024-01-08', [0, 0, 3, 5])] };
  const spec = trendChartSpec(series, { alerts: [{ period: '2024-01-08', score: 4.2 }] }) as unknown as { layer: { data: { values: Record<string, unknown>[] }; mark: { type: string } }[] };
  const lines = spec.layer.find((l) => l.mark.type === 'line')!.data.values;
  assert.deepEqual(lines, [
    { period: '2024-01-01', kind: 'conflict', value: 2 },
    { period: '2024-01-01', kind: 'cooperation', value: 2 },
    { period: '2024-01-08', kind: 'conflict', value: 8 },
    { period: '2024-01-08', kind: 'cooperation', value: 0 },
  ]);
  assert.deepEqual(spec.layer.find((l) => l.mark.type === 'rule')!.data.values.map((v) => [v.period, v.label]), [['2024-01-08', 'alert z=4.2']]);
  const shares = { ...series, points: [point('2024-01-01', [1, 1, 2, 0], 0.04)] };
  const values = (trendChartSpec(shares) as unknown as typeof spec).layer.find((l) => l.mark.type === 'line')!.data.values;
  assert.deepEqual(values.map((v) => v.value), [0.02, 0.02], 'conflict and cooperation as shares of all events of the period');
  assert.ok(!(trendChartSpec(series) as unknown as typeof spec).layer.some((l) => l.mark.type === 'rule'), 'no alerts, no rules');
});
