// meterboard: what application code imports. The entry points a Next.js app wires up once live in
// their own subpaths (meterboard/register, /metrics, /api, /dashboard, /proxy); `npx meterboard init` writes them.
export { setRequestAttributes, withRouteMetrics } from './record/with-route-metrics.js';
