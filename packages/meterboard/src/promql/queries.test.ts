import { describe, expect, test } from 'vitest';
import * as queries from './queries.js';
import { rateRange } from './queries.js';

describe('rateRange, as Grafana’s $__rate_interval', () => {
  test.each<[number, number, string]>([
    // step, scrape interval (seconds), range
    [1, 1, '4s'],
    [5, 1, '6s'],
    [60, 1, '61s'],
    [1, 15, '1m'],
    [5, 15, '1m'],
    [60, 15, '75s'],
    [15, 30, '2m'],
  ])('step %d s, scrapes every %d s → %s: at least four scrapes and a step plus one', (step, scrape, range) => {
    expect(rateRange(step, scrape)).toBe(range);
  });
});

describe('every query of requests selects meterboard’s own series', () => {
  const selector = 'job="meterboard"';
  test.each<[string, string]>([
    ['requestRate', queries.requestRate(selector, '1m', ['http_route'])],
    ['requestRateByStatusClass', queries.requestRateByStatusClass(selector, '1m')],
    ['errorRatio', queries.errorRatio(selector, '1m')],
    ['latencyQuantile', queries.latencyQuantile(0.99, selector, '1m')],
    ['requestsSinceStart', queries.requestsSinceStart(selector)],
    ['requestsIncrease', queries.requestsIncrease(selector, '1m')],
    ['errorsIncrease', queries.errorsIncrease(selector, '1m')],
    ['inFlight', queries.inFlight(selector)],
    ['serverActionIncrease', queries.serverActionIncrease(selector, '1m', true)],
    ['serverActionQuantile', queries.serverActionQuantile(0.5, selector, '1m')],
  ])('%s', (_name, query) => {
    // Another instrumentation's http.server.request.duration shares the family in /metrics.
    const selectors = [...query.matchAll(/[a-z_]\{([^}]*)\}/g)].map(([, matchers]) => matchers);
    expect(selectors.length).toBeGreaterThan(0);
    for (const matchers of selectors) expect(matchers).toContain('otel_scope_name="meterboard"');
  });
});
