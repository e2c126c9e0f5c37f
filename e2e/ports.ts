// E2E_PORT_BASE moves every server, so two checkouts can run their suites side by side.
const BASE = Number(process.env.E2E_PORT_BASE ?? 3210);

/** `next start` shared by the production specs. */
export const PRODUCTION_PORT = BASE;

/** A second `next start` of the same build that only the empty-state spec touches. */
export const FRESH_PORT = BASE + 1;

/** `next dev`, for the spec that checks the dashboard under the dev server. */
export const DEV_PORT = BASE + 2;

/** `next start` with OTEL_SDK_DISABLED=true. */
export const DISABLED_PORT = BASE + 3;

/** `next start` with a malformed METRICS_EXCLUDE_PATHS. */
export const MISCONFIGURED_PORT = BASE + 4;

/** `next start` with METRICS_CARDINALITY_LIMIT=4, for the cardinality spec. */
export const CARDINALITY_PORT = BASE + 6;

/** `next start` that the restart spec starts, stops and starts again itself. */
export const RESTART_PORT = BASE + 5;

/** `next start` with neither METRICS_AUTH_TOKEN nor METRICS_PUBLIC, for the access spec. */
export const PRIVATE_PORT = BASE + 7;

/** `next start` with METRICS_AUTH_TOKEN set, for the access spec. */
export const TOKEN_PORT = BASE + 8;

/** `next start` whose log the faults spec reads. */
export const FAULTS_PORT = BASE + 9;

/** `next start` with a token that a real Prometheus scrapes, and that Prometheus. */
export const SCRAPED_PORT = BASE + 10;
export const PROMETHEUS_PORT = BASE + 11;

/** The OTLP export spec: an app whose collector is down then up, the collector's port, an app whose collector never answers, and that collector. */
export const OTLP_APP_PORT = BASE + 12;
export const OTLP_COLLECTOR_PORT = BASE + 13;
export const OTLP_HANGING_APP_PORT = BASE + 14;
export const OTLP_HANGING_COLLECTOR_PORT = BASE + 15;

/** `next start` with a malformed METRICS_AUTH_TOKEN, for the access spec. */
export const MISCONFIGURED_TOKEN_PORT = BASE + 16;

/** The OTLP export spec's app that pushes deltas as JSON, and its collector. */
export const OTLP_DELTA_APP_PORT = BASE + 17;
export const OTLP_DELTA_COLLECTOR_PORT = BASE + 18;

/** The Prometheus backend spec: an instance whose dashboard reads Prometheus, a second instance, and the Prometheus that scrapes both. */
export const FLEET_DASHBOARD_PORT = BASE + 19;
export const FLEET_OTHER_PORT = BASE + 20;
export const FLEET_PROMETHEUS_PORT = BASE + 21;

/** `next start` of e2e/fixtures/cache-components, a host app with Partial Prerendering. */
export const CACHE_COMPONENTS_PORT = BASE + 22;

/** The same fixture with METRICS_CARDINALITY_LIMIT=5. */
export const CACHE_COMPONENTS_SMALL_LIMIT_PORT = BASE + 23;

/** The OTLP export spec's app that is stopped with SIGTERM before its first export, and its collector. */
export const OTLP_SHUTDOWN_APP_PORT = BASE + 24;
export const OTLP_SHUTDOWN_COLLECTOR_PORT = BASE + 25;

/** The fixture host apps (e2e/fixtures/apps.cjs), each installed from the npm pack tarball and wired by `npx meterboard init`. */
export const CREATE_NEXT_APP_PORT = BASE + 26;
export const SHOP_PORT = BASE + 27;
export const NEXT_15_PORT = BASE + 28;
export const NEXT_16_0_PORT = BASE + 29;

/** e2e/fixtures/vercel-otel: @vercel/otel with traces only, and with the app's MeterProvider shared with meterboard. */
export const VERCEL_OTEL_PORT = BASE + 30;
export const VERCEL_OTEL_SHARED_PORT = BASE + 31;

/** The create-next-app fixture with METRICS_AUTH_TOKEN set, for the sign-in from a tarball install. */
export const CREATE_NEXT_APP_TOKEN_PORT = BASE + 32;

/** `next dev` of the create-next-app fixture. */
export const CREATE_NEXT_APP_DEV_PORT = BASE + 33;

/** The version fixtures of the 16.x minors between 16.0 and the latest. */
export const NEXT_16_1_PORT = BASE + 34;
export const NEXT_16_2_PORT = BASE + 35;
export const NEXT_16_3_PORT = BASE + 36;

/** `next start` with NODE_ENV=development and no access variables: still a production server. */
export const NODE_ENV_DEVELOPMENT_PORT = BASE + 37;

/** The same for the Next 15.5 fixture, which has no __NEXT_DEV_SERVER. */
export const NODE_ENV_DEVELOPMENT_15_PORT = BASE + 38;

/** The shop fixture's payment provider and shipping rates service, which e2e/host-outgoing-calls.spec.ts starts. */
export const SHOP_PAYMENTS_PORT = BASE + 39;
export const SHOP_RATES_PORT = BASE + 40;
