import 'server-only';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external.js';

/**
 * The route template of the work Next is doing in the current async context (`/orders/[id]` while it
 * renders that page, runs one of its server actions or a route handler), read from Next's own
 * AsyncLocalStorage, which it enters for every request anyway: meterboard adds none of its own
 * (https://nextjs.org/docs/app/guides/instrumentation). Undefined outside a request (a timer, proxy.ts).
 * Next-internal: the `.external` module is the one instance Next's runtime shares (on 16.4 a
 * globalThis singleton); e2e/host-outgoing-calls.spec.ts fails if the route stops coming through.
 */
export function routeOfCurrentWork(): string | undefined {
  const route = workAsyncStorage.getStore()?.route;
  return typeof route === 'string' ? route : undefined;
}
