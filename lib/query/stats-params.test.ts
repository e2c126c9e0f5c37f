import { describe, expect, test } from 'vitest';
import { DEFAULT_WINDOW_MS, parseDuration, parseStatsParams } from './stats-params';

function parse(query: string) {
  return parseStatsParams(new URLSearchParams(query));
}

describe('parseStatsParams', () => {
  test('defaults to a 5 minute window', () => {
    expect(DEFAULT_WINDOW_MS).toBe(300_000);
    expect(parse('')).toEqual({ windowMs: 300_000 });
  });

  test.each([
    ['window=30s', 30_000],
    ['window=1m', 60_000],
    ['window=5m', 300_000],
    ['window=10s', 10_000], // shortest accepted
    ['window=300s', 300_000], // longest accepted, in seconds
  ])('accepts %s', (query, windowMs) => {
    expect(parse(query)).toEqual({ windowMs });
  });

  test.each(['banana', '0s', '5s', '9s', '6m', '301s', '-1m', '1h', '', '1.5m', '5 m', '5M', ' 5m'])(
    'rejects window=%j with a message naming "window"',
    (value) => {
      const result = parseStatsParams(new URLSearchParams({ window: value }));
      expect(result).not.toHaveProperty('windowMs');
      expect(result).toHaveProperty('error');
      const { error } = result as { error: string };
      expect(error).toContain('window');
      expect(error).toContain(JSON.stringify(value));
    },
  );

  test.each(['foo=1', 'window=5m&foo=1', 'Window=5m'])('rejects an unknown parameter in %s, naming it', (query) => {
    const name = query.includes('foo') ? 'foo' : 'Window';
    const result = parse(query);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(`"${name}"`);
  });

  test('a repeated window parameter uses the first value', () => {
    expect(parse('window=30s&window=5m')).toEqual({ windowMs: 30_000 });
  });
});

describe('parseDuration', () => {
  test.each([
    ['0s', 0],
    ['1s', 1_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['60m', 3_600_000],
    ['007s', 7_000],
    ['999999s', 999_999_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', 's', 'm', '5', '1h', '1.5m', '-1m', '+1m', '5 s', '5S', '1e3s', '1000000s', '5ms', ' 5s', '5s '])(
    '%j is undefined',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
