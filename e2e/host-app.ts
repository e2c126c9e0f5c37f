import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { requestCount, scrape, type PrometheusSample } from './metrics-text';

/** Requests a spec sends to a host app, and the route template each must be recorded under (undefined: unmatched). */
export interface Traffic {
  method: 'GET' | 'POST';
  path: string;
  times: number;
  route: string | undefined;
  status: number;
  body?: unknown;
}

/**
 * Sends `traffic` (paths with the app's basePath), checks each answer's status, and waits until
 * /metrics has counted every request under its template and status: exactly those, no more.
 */
export async function sendAndCount(request: APIRequestContext, traffic: readonly Traffic[], basePath = ''): Promise<PrometheusSample[]> {
  const before = await scrape(request, basePath);
  for (const { method, path, times, status, body } of traffic) {
    for (let i = 0; i < times; i++) {
      const response = method === 'GET' ? await request.get(path, { maxRedirects: 0 }) : await request.post(path, { data: body });
      expect(response.status(), `${method} ${path}`).toBe(status);
      await response.body();
    }
  }
  const expected = new Map<string, { method: string; route: string | undefined; status: number; count: number }>();
  for (const { method, route, status, times } of traffic) {
    const key = `${method} ${route} ${status}`;
    expected.set(key, { method, route, status, count: (expected.get(key)?.count ?? 0) + times });
  }
  const deltas = (after: PrometheusSample[]) =>
    [...expected.values()].map(({ method, route, status }) => `${method} ${route ?? '(unmatched)'} ${status}: ${requestCount(after, { method, route, status }) - requestCount(before, { method, route, status })}`);
  // Recorded when each response closes, which may be just after the client has read it.
  await expect
    .poll(async () => deltas(await scrape(request, basePath)))
    .toEqual([...expected.values()].map(({ method, route, status, count }) => `${method} ${route ?? '(unmatched)'} ${status}: ${count}`));
  return scrape(request, basePath);
}

/** The dashboard's routes table row of `method` and `route` (null: the unmatched row). */
export function routeRow(page: Page, method: string, route: string | null): Locator {
  const routes = page.getByRole('table', { name: 'Routes' });
  return routes
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: route ?? '(unmatched)', exact: true }) })
    .filter({ has: page.getByRole('cell', { name: method, exact: true }) });
}
