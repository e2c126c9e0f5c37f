import { expect, test } from '@playwright/test';

for (const path of ['/metrics', '/meterboard/api/stats', '/meterboard/api/stats/route?method=GET&route=/', '/meterboard/api/stats/instrument']) {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    test(`${method} ${path} answers 405 in the API's error shape, naming what is allowed`, async ({ request }) => {
      const response = await request.fetch(path, { method });
      expect(response.status()).toBe(405);
      expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
      expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: `${method} is not supported here; use GET, HEAD or OPTIONS.` } });
    });
  }
}
