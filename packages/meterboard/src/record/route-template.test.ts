import type { IncomingMessage } from 'node:http';
import { describe, expect, test, vi } from 'vitest';
import { routeTemplateOf } from './route-template.js';

const META = Symbol.for('NextInternalRequestMeta');

function request(url: string, meta?: unknown): IncomingMessage {
  const fake: Record<string | symbol, unknown> = { url, method: 'GET', headers: {} };
  if (meta !== undefined) fake[META] = meta;
  return fake as unknown as IncomingMessage;
}

function matched(pathname: unknown, kind = 'APP_PAGE') {
  return { match: { definition: { pathname, kind } } };
}

describe('routeTemplateOf', () => {
  test.each([
    ['/orders/42', '/orders/[id]', 'APP_PAGE'],
    ['/', '/', 'APP_PAGE'],
    ['/api/orders?limit=5', '/api/orders', 'APP_ROUTE'],
    ['/docs/a/b/c', '/docs/[...slug]', 'APP_PAGE'],
  ])('%s matched as %s gives the template', (url, template, kind) => {
    expect(routeTemplateOf(request(url, matched(template, kind)))).toBe(template);
  });

  test('undefined without Next request meta, said once in the log, never per request', () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('meterboard.loggedOnce')];
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(routeTemplateOf(request('/orders/42'))).toBeUndefined();
      expect(routeTemplateOf(request('/orders/43'))).toBeUndefined();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0][0]).toMatch(/recorded without http\.route/);
    } finally {
      log.mockRestore();
    }
  });

  test.each([
    ['empty meta', {}],
    ['no match', { match: undefined }],
    ['match without definition', { match: {} }],
    ['definition without pathname', { match: { definition: { kind: 'APP_PAGE' } } }],
  ])('undefined with %s', (_name, meta) => {
    expect(routeTemplateOf(request('/orders/42', meta))).toBeUndefined();
  });

  test.each(['/_not-found', '/_error', '/404', '/500'])('undefined for Next fallback route %s', (pathname) => {
    expect(routeTemplateOf(request('/no/such/page', matched(pathname)))).toBeUndefined();
  });

  test.each([42, null, ['/orders/[id]'], { pathname: '/x' }])('undefined for non-string pathname %j', (pathname) => {
    expect(routeTemplateOf(request('/orders/42', matched(pathname)))).toBeUndefined();
  });

  test('never returns the raw request path', () => {
    const urls = ['/orders/42', '/secret/token-abc', '/orders/42?x=1'];
    for (const url of urls) {
      expect(routeTemplateOf(request(url))).toBeUndefined();
      expect(routeTemplateOf(request(url, { match: undefined }))).toBeUndefined();
      expect(routeTemplateOf(request(url, matched('/_not-found')))).toBeUndefined();
      expect(routeTemplateOf(request(url, matched('/orders/[id]')))).toBe('/orders/[id]');
    }
  });
});
