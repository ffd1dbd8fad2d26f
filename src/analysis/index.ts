/**
 * Early warning over the stored events: time series of a pair (`pairSeries`), escalation alerts
 * (`scanAlerts`, and `pairAlerts` for the periods of one series), the busiest pairs and actors (`topPairs`,
 * `topActors`) and the biggest changes (`movers`), all counted in SQL over the store; trend charts
 * (`renderTrendSvg`, `renderTrendPng`, `writeTrendChart`; Vega is loaded only when a chart is drawn).
 * docs/analysis.md describes the method and the API.
 */
export { AnalysisError } from './analysis-error.js';
export { PERIODS, addPeriods, isDay, periodEnd, periodsBetween, periodSql, periodStart, type Period } from './period.js';
export { CONFLICT_WEIGHT_SQL, eventRowsSql, type Condition, type EventRowFilters } from './event-rows.js';
export { pairSeries, periodTotals, type Direction, type PairSeries, type PairSeriesOptions, type SeriesPoint } from './pair-series.js';
export { DEFAULT_EVENT_WEIGHT, MAD_TO_SD, median, robustScore, type ConflictCell, type RobustScore } from './robust-score.js';
export {
  ALERT_METHOD, alertScope, scanAlerts, type Alert, type AlertEvent, type AlertScope, type AlertScoring, type ScanAlertsOptions,
} from './scan-alerts.js';
export { pairAlerts, type PairAlertsOptions, type SeriesAlert } from './pair-alerts.js';
export { topActors, topPairs, type EventCounts, type TopActor, type TopOptions, type TopPair } from './top-pairs.js';
export { movers, type Mover, type MoverCounts, type MoversOptions } from './movers.js';
export { CHART_COLORS, renderTrendPng, renderTrendSvg, trendChartSpec, writeTrendChart, type TrendChartOptions } from './trend-chart.js';
export { sparkline } from './sparkline.js';
