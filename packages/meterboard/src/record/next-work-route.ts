import 'server-only';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external.js';

/**
 * The route template of the work Next is doing in the current async context (`/orders/[id]` while it
 * renders that page, runs one of its server actions or a route handler), read from Next's own
 * AsyncLocalStorage, which it enters for every request anyway: meterboard adds none of its own
 * (https://nextjs.org/docs/app/guides/instrumentation). Undefined outside a route's work (proxy.ts, a
 * timer started at start-up); a timer or after() started while serving a route keeps that route.
 * Next-internal: the `.external` module is the one instance Next's runtime shares (on 16.4 a
 * globalThis singleton); e2e/host-outgoing-calls.spec.ts fails if the route stops coming through.
 */
export function routeOfCurrentWork(): string | undefined {
  const store = workAsyncStorage.getStore();
  // proxy.ts runs in a store of its own whose page is `/` (next/dist/server/web/adapter.js); a
  // route's store names its file (`/page`, `/orders/[id]/page`, `/api/orders/route`).
  if (store === undefined || store.page === '/' || typeof store.route !== 'string') return undefined;
  return store.route;
}
