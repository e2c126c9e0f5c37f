import type { MeterIdentity, WindowName } from '../query/stats-types';

/** The dashboard's address, showing `window`. */
export function dashboardHref(window: WindowName): string {
  return `/?${new URLSearchParams({ window })}`;
}

/** The shareable address of a route's page: method, template and window in the query string. */
export function routeHref(method: string, route: string | null, window: WindowName): string {
  const query = new URLSearchParams({ method, route: route ?? '', window });
  return `/routes?${query}`;
}

/** The shareable address of the metrics explorer, optionally opened on one instrument. */
export function explorerHref(window: WindowName, instrument?: MeterIdentity & { name: string }): string {
  const query = new URLSearchParams();
  if (instrument) {
    query.set('meter', instrument.meter);
    query.set('name', instrument.name);
    if (instrument.meterVersion !== undefined) query.set('meterVersion', instrument.meterVersion);
    if (instrument.meterSchemaUrl !== undefined) query.set('meterSchemaUrl', instrument.meterSchemaUrl);
  }
  query.set('window', window);
  return `/explorer?${query}`;
}
