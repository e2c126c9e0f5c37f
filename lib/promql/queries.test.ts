import { describe, expect, test } from 'vitest';
import { rateRange } from './queries';

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
