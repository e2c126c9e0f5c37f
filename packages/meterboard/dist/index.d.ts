export { setRequestAttributes, withRouteMetrics, type RouteMetricsOptions } from './record/with-route-metrics.js';
export type { ApiError, AttributeSet, DurationPercentiles, InstanceStats, InstrumentDetail, InstrumentStats, MeterIdentity, RouteDetail, RouteStats, ServerActionStats, Stats, WindowName, } from './query/stats-types.js';
