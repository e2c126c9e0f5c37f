/** Where `npx meterboard init` puts the dashboard (app/meterboard/), unless METRICS_DASHBOARD_PATH says it moved. */
export const DEFAULT_DASHBOARD_PATH = '/meterboard';
/** Where `npx meterboard init` puts the Prometheus endpoint (app/metrics/route.ts), where Prometheus looks by default. */
export const METRICS_PATH = '/metrics';
/** The dashboard's JSON endpoints, below the dashboard's own path (app/meterboard/api/[...path]/route.ts). */
export const API_SEGMENT = 'api';
