// meterboard: what application code imports. The entry points a Next.js app wires up once live in
// their own subpaths (meterboard/register, /metrics, /api, /dashboard, /proxy); `npx meterboard init` writes them.
export { setRequestAttributes, withRouteMetrics, type RouteMetricsOptions } from './record/with-route-metrics.js';
export type { MeterboardOptions } from './options.js';
export type {
  ApiError,
  AttributeSet,
  DurationPercentiles,
  InstanceStats,
  InstrumentDetail,
  InstrumentStats,
  MeterIdentity,
  RouteDetail,
  RouteStats,
  ServerActionStats,
  Stats,
  WindowName,
} from './query/stats-types.js';
