/** `next start` shared by the production specs. */
export const PRODUCTION_PORT = 3210;

/** A second `next start` of the same build that only the empty-state spec touches. */
export const FRESH_PORT = 3211;

/** `next dev`, for the spec that checks the dashboard under the dev server. */
export const DEV_PORT = 3212;

/** `next start` with OTEL_SDK_DISABLED=true. */
export const DISABLED_PORT = 3213;

/** `next start` with a malformed METRICS_EXCLUDE_PATHS. */
export const MISCONFIGURED_PORT = 3214;
