import { expect, test } from '@playwright/test';
import { requestCount, scrape } from './metrics-text';

// e2e/fixtures/cache-components: Partial Prerendering sends a page's static shell, status line
// included, before its dynamic part runs. When that part calls notFound(), the client has already
// received 200; the semantic conventions' status is the one sent, so that is what is recorded.
for (const { page, route, how } of [
  { page: '/items', route: '/items/[id]', how: 'inside <Suspense>' },
  { page: '/orders', route: '/orders/[id]', how: 'under loading.tsx' },
]) {
  test(`a streamed notFound() ${how} is recorded with the status the client received`, async ({ request }) => {
    const before = await scrape(request);
    const found = await request.get(`${page}/1`);
    const missing = await request.get(`${page}/2`);
    await missing.body();
    const sent = [found.status(), missing.status()];

    await expect.poll(async () => requestCount(await scrape(request), { method: 'GET', route }) - requestCount(before, { method: 'GET', route })).toBe(2);
    const after = await scrape(request);
    for (const status of new Set([...sent, 404])) {
      const recorded = requestCount(after, { method: 'GET', route, status }) - requestCount(before, { method: 'GET', route, status });
      expect(recorded, `requests of ${route} recorded with status ${status}`).toBe(sent.filter((s) => s === status).length);
    }
    // What Next sends today: the shell's 200, and the not-found page streamed into it.
    expect(missing.status()).toBe(200);
    expect(await missing.text()).toContain('404');
  });
}
