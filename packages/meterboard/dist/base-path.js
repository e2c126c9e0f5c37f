/**
 * next.config's `basePath` ('' for none), as Next inlines it into every bundle it compiles, server and
 * client, this package's modules included (next/dist/build/define-env.js). It is how Next's own
 * router prefixes links; there is no public API for it. Outside a Next build (unit tests) it is ''.
 */
export const BASE_PATH = process.env.__NEXT_ROUTER_BASEPATH ?? '';
