import { describe, expect, test } from 'vitest';
import { parseStatsParams } from './stats-params';
import { DEFAULT_WINDOW, WINDOWS } from './windows';

function parse(query: string) {
  return parseStatsParams(new URLSearchParams(query));
}

function errorOf(query: string): string {
  const result = parse(query);
  expect(result).toHaveProperty('error');
  return (result as { error: string }).error;
}

describe('parseStatsParams', () => {
  test('defaults to the 5 minute window and a full answer', () => {
    expect(DEFAULT_WINDOW).toBe('5m');
    expect(parse('')).toEqual({ window: { name: '5m', seconds: 300, stepSeconds: 5 }, since: undefined });
  });

  test.each([
    ['1m', 60, 1],
    ['5m', 300, 5],
    ['15m', 900, 15],
    ['1h', 3600, 60],
  ])('window=%s is %d s drawn every %d s', (name, seconds, stepSeconds) => {
    expect(parse(`window=${name}`)).toEqual({ window: { name, seconds, stepSeconds }, since: undefined });
  });

  test('every window is drawn with the same number of points', () => {
    expect(new Set(WINDOWS.map((window) => window.seconds / window.stepSeconds))).toEqual(new Set([60]));
  });

  test.each(['banana', '0s', '30s', '2m', '60m', '1H', '', ' 5m', '5m ', '1d'])('rejects window=%j with a message naming it', (value) => {
    const error = errorOf(`window=${encodeURIComponent(value)}`);
    expect(error).toContain('"window"');
    expect(error).toContain(JSON.stringify(value));
    expect(error).toContain('"1m", "5m", "15m", "1h"');
  });

  test.each([
    ['since=0', 0],
    ['since=1700000000000', 1_700_000_000_000],
  ])('accepts %s', (query, since) => {
    expect(parse(query)).toEqual({ window: expect.objectContaining({ name: '5m' }), since });
  });

  test.each(['-1', '1.5', '1e12', 'yesterday', '', '9999999999999999'])('rejects since=%j with a message naming it', (value) => {
    const error = errorOf(`since=${encodeURIComponent(value)}`);
    expect(error).toContain('"since"');
    expect(error).toContain(JSON.stringify(value));
  });

  test.each(['foo=1', 'window=5m&foo=1', 'Window=5m'])('rejects an unknown parameter in %s, naming it', (query) => {
    const name = query.includes('foo') ? 'foo' : 'Window';
    expect(errorOf(query)).toContain(`"${name}"`);
  });

  test('a repeated parameter uses the first value', () => {
    expect(parse('window=1m&window=1h')).toEqual({ window: expect.objectContaining({ name: '1m' }), since: undefined });
  });
});
