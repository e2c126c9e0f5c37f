import { describe, expect, test } from 'vitest';
import { trafficHint, UNMATCHED_EXAMPLE_PATH, type TrafficHint } from './traffic-hint.js';

describe('trafficHint', () => {
  test.each<[string, string | null, TrafficHint]>([
    ['GET', '/orders', { kind: 'link', href: '/orders' }],
    ['GET', '/', { kind: 'link', href: '/' }],
    ['GET', '/orders/[id]', { kind: 'request', method: 'GET', path: '/orders/[id]', parameters: ['id'] }],
    ['POST', '/api/orders', { kind: 'request', method: 'POST', path: '/api/orders', parameters: [] }],
    ['POST', '/api/orders/[id]/ship', { kind: 'request', method: 'POST', path: '/api/orders/[id]/ship', parameters: ['id'] }],
    ['GET', '/docs/[...slug]', { kind: 'request', method: 'GET', path: '/docs/[...slug]', parameters: ['slug'] }],
    ['GET', '/shop/[[...path]]/[lang]', { kind: 'request', method: 'GET', path: '/shop/[[...path]]/[lang]', parameters: ['path', 'lang'] }],
    ['GET', null, { kind: 'unmatched', example: UNMATCHED_EXAMPLE_PATH }],
    ['DELETE', null, { kind: 'unmatched', example: UNMATCHED_EXAMPLE_PATH }],
  ])('%s %s', (method, route, hint) => {
    expect(trafficHint(method, route)).toEqual(hint);
  });
});
