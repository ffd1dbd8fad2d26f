import { writeFileSync, renameSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { AnalysisError } from './analysis-error.js';
import type { PairSeries } from './pair-series.js';

/** The colours of a trend chart: conflict red, cooperation blue, alerts orange. */
export const CHART_COLORS = { conflict: '#d62728', cooperation: '#1f77b4', alert: '#ff7f0e' } as const;

/** Options of a trend chart. */
export type TrendChartOptions = {
  /** Periods to mark as alerts (pairAlerts gives them), each with its score. */
  alerts?: readonly { period: string; score: number }[];
  title?: string;
  /** A second line under the title (the filters, the source of the data). */
  subtitle?: string;
  /** Size of the plotting area in pixels; default 720 × 260. */
  width?: number;
  height?: number;
};

const PERIOD_WORD = { day: 'day', week: 'week', month: 'month' } as const;

/**
 * The Vega-Lite spec of a pair's series: conflict events (quad 3 and 4) as a red line over a light area,
 * cooperation (quad 1 and 2) as a blue line, per period (or their shares of all events with `normalize`), and
 * each alert as an orange dashed rule with its score.
 */
export const trendChartSpec = (series: PairSeries, opts: TrendChartOptions = {}): TopLevelSpec => {
  const { width = 720, height = 260, alerts = [] } = opts;
  const normalized = series.points.some((p) => p.normalized !== undefined);
  const rows = series.points.flatMap((p) => {
    const f = normalized ? (p.events ? (p.normalized ?? 0) / p.events : 0) : 1;
    return [
      { period: p.period, kind: 'conflict', value: (p.quad[2] + p.quad[3]) * f },
      { period: p.period, kind: 'cooperation', value: (p.quad[0] + p.quad[1]) * f },
    ];
  });
  const late = series.points[Math.floor(series.points.length * 0.8)]?.period ?? '';
  const marks = alerts.map((a) => ({ period: a.period, label: `alert z=${a.score.toFixed(1)}`, late: a.period > late }));
  const who = series.b ? `${series.a} – ${series.b}` : `${series.a} with everyone`;
  const title = opts.title ?? `${who}: ${normalized ? 'share of all events' : 'events'} per ${PERIOD_WORD[series.period]}`;
  // ticks at month starts (every k-th, for about a dozen labels) unless the series spans a few weeks of days
  const first = series.points[0]?.period;
  const last = series.points[series.points.length - 1]?.period;
  const months = first && last ? (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) : 0;
  const ticks = months >= 2 ? { tickCount: { interval: 'month' as const, step: Math.max(1, Math.ceil(months / 12)) }, format: months > 12 ? '%b %Y' : '%b %d' } : {};
  const x = { field: 'period', type: 'temporal' as const, title: null, scale: { type: 'utc' as const }, axis: { labelOverlap: true as const, ...ticks } };
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    title: null,
    scale: { domain: ['conflict', 'cooperation'], range: [CHART_COLORS.conflict, CHART_COLORS.cooperation] },
    legend: { orient: 'top' as const, direction: 'horizontal' as const },
  };
  const y = { field: 'value', type: 'quantitative' as const, title: normalized ? 'share of all events' : 'events', ...(normalized ? { axis: { format: '.2%' } } : {}) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.subtitle ? { text: title, subtitle: opts.subtitle, anchor: 'start' } : { text: title, anchor: 'start' },
    width,
    height,
    background: 'white',
    config: { font: 'DejaVu Sans, Helvetica, Arial, sans-serif', view: { stroke: null } },
    layer: [
      {
        data: { values: rows.filter((r) => r.kind === 'conflict') },
        mark: { type: 'area', color: CHART_COLORS.conflict, opacity: 0.12 },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, point: series.points.length <= 60 },
        encoding: { x, y, color },
      },
      ...(marks.length
        ? [
            {
              data: { values: marks },
              mark: { type: 'rule' as const, color: CHART_COLORS.alert, strokeWidth: 2, strokeDash: [5, 3] },
              encoding: { x },
            },
            // labels to the right of their rule, or to the left in the last fifth of the chart
            ...(['left', 'right'] as const).map((align) => ({
              data: { values: marks.filter((m) => (m.late ? 'right' : 'left') === align) },
              mark: { type: 'text' as const, color: CHART_COLORS.alert, align, baseline: 'bottom' as const, dx: align === 'left' ? 3 : -3, y: -2, fontWeight: 'bold' as const, fontSize: 11 },
              encoding: { x, text: { field: 'label' } },
            })),
          ]
        : []),
    ],
  } as TopLevelSpec;
};

/** The chart as an SVG document, rendered headless by Vega (no canvas, no browser). */
export const renderTrendSvg = async (series: PairSeries, opts: TrendChartOptions = {}): Promise<string> => {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile(trendChartSpec(series, opts)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};

/** The chart as a PNG: the SVG rasterised by resvg (a prebuilt binary, no native build), at `scale` × its size. */
export const renderTrendPng = async (series: PairSeries, opts: TrendChartOptions & { scale?: number } = {}): Promise<Buffer> => {
  const svg = await renderTrendSvg(series, opts);
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
};

/**
 * Writes the chart to `file`, SVG or PNG by its extension (written under a temporary name, then renamed).
 * Returns the format written.
 */
export const writeTrendChart = async (file: string, series: PairSeries, opts: TrendChartOptions = {}): Promise<'svg' | 'png'> => {
  const ext = extname(file).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') throw new AnalysisError('plot', `plot must be a file name ending in .svg or .png, got "${file}"`);
  const data = ext === '.svg' ? await renderTrendSvg(series, opts) : await renderTrendPng(series, opts);
  const tmp = `${file}.${process.pid}.part`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return ext === '.svg' ? 'svg' : 'png';
};
