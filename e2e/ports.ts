/** `next start` shared by the production specs. */
export const PRODUCTION_PORT = 3210;

/** A second `next start` of the same build that only the empty-state spec touches. */
export const FRESH_PORT = 3211;

/** `next dev`, for the spec that checks the dashboard under the dev server. */
export const DEV_PORT = 3212;
