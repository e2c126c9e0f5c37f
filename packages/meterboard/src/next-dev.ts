// Whether this server is `next dev`, from how Next compiled the code it runs, never from NODE_ENV
// alone: `NODE_ENV=development next start` still serves a production build (and Next says so).

/**
 * True under `next dev` (and, on Next 16, a custom server's `next({ dev: true })`, which 15.5
 * reports as a production server: the private default, so it fails closed). Next 16 inlines
 * `process.env.__NEXT_DEV_SERVER` into every bundle it compiles: '1' under next dev, '' in a build
 * (next/dist/build/define-env.js), and next dev sets it in its own process too. Next 15.5 has no such
 * flag: there NODE_ENV as Next compiled this file ('production' in any `next build` without
 * experimental.allowDevelopmentBuild) must say development, and the process must be next dev's
 * worker (next/dist/cli/next-dev.js forks it with NEXT_PRIVATE_WORKER=1; next start never does).
 */
export function isNextDevServer(): boolean {
  // Each process.env.NAME is written out in full: Next replaces exactly those expressions.
  if (process.env.__NEXT_DEV_SERVER === '1') return true;
  return process.env.NODE_ENV === 'development' && process.env.NEXT_PRIVATE_WORKER === '1';
}
