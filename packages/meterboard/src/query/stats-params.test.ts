import { describe, expect, test } from 'vitest';
import { parseInstrumentStatsParams, parseRouteStatsParams, parseStatsParams } from './stats-params.js';
import { DEFAULT_WINDOW, WINDOWS } from './windows.js';

function parse(query: string) {
  return parseStatsParams(new URLSearchParams(query));
}

function parseRoute(query: string) {
  return parseRouteStatsParams(new URLSearchParams(query));
}

/** The message of a result that must be an error. */
function messageOf(result: object): string {
  expect(result).toHaveProperty('error');
  return (result as { error: string }).error;
}

function errorOf(query: string): string {
  return messageOf(parse(query));
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

  test.each(['window=1m&window=5m', 'window=1m&window=1m', 'since=1&window=1m&since=2'])('rejects %s: a parameter given twice is a 400 that names it', (query) => {
    const name = query.startsWith('since') ? 'since' : 'window';
    expect(errorOf(query)).toBe(`Query parameter "${name}" is given 2 times; give it once.`);
  });
});

describe('every endpoint refuses a parameter given twice, except filter', () => {
  test.each<[string, (query: URLSearchParams) => object, string, string]>([
    ['/api/stats/route', parseRouteStatsParams, 'method=GET&method=POST&route=/a', 'method'],
    ['/api/stats/route', parseRouteStatsParams, 'method=GET&route=/a&route=/b', 'route'],
    ['/api/stats/route', parseRouteStatsParams, 'method=GET&route=/a&window=1m&window=5m', 'window'],
    ['/api/stats/instrument', parseInstrumentStatsParams, 'meter=a&meter=b&name=c', 'meter'],
    ['/api/stats/instrument', parseInstrumentStatsParams, 'meter=a&name=c&name=d', 'name'],
    ['/api/stats/instrument', parseInstrumentStatsParams, 'meter=a&name=c&groupBy=x&groupBy=y', 'groupBy'],
    ['/api/stats/instrument', parseInstrumentStatsParams, 'since=1&since=1', 'since'],
  ])('%s?%s names "%s"', (_endpoint, parser, query, name) => {
    expect(messageOf(parser(new URLSearchParams(query)))).toBe(`Query parameter "${name}" is given 2 times; give it once.`);
  });

  test('filter may repeat', () => {
    expect(parseInstrumentStatsParams(new URLSearchParams('filter=a=1&filter=b=2'))).toHaveProperty('filters', [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });
});

describe('parseRouteStatsParams', () => {
  test.each([
    ['method=GET&route=%2Forders%2F%5Bid%5D&window=5m', 'GET', '/orders/[id]'],
    ['method=POST&route=/api/orders', 'POST', '/api/orders'],
    // An empty route is the requests that matched no route.
    ['method=GET&route=', 'GET', undefined],
    ['route=&method=_OTHER', '_OTHER', undefined],
    // Well-formed but never requested: the page shows it has no requests, not an error.
    ['method=BREW&route=/no/such/route', 'BREW', '/no/such/route'],
  ])('%s is %s %s', (query, method, route) => {
    expect(parseRoute(query)).toEqual({ window: expect.objectContaining({ name: '5m' }), since: undefined, method, route });
  });

  test('window and since as for /api/stats', () => {
    expect(parseRoute('method=GET&route=/a&window=1h&since=1700000000000')).toEqual({
      window: { name: '1h', seconds: 3600, stepSeconds: 60 },
      since: 1_700_000_000_000,
      method: 'GET',
      route: '/a',
    });
  });

  test.each<[string, RegExp]>([
    ['route=/a', /^Missing query parameter "method"/],
    ['method=GET', /^Missing query parameter "route"/],
    ['', /^Missing query parameter "method"/],
    ['method=&route=/a', /^"method" must be an HTTP method .*got ""/],
    ['method=G%20ET&route=/a', /^"method" must be an HTTP method .*got "G ET"/],
    ['method=GET&route=orders', /^"route" must be a route template starting with "\/".*got "orders"/],
    ['method=GET&route=/a&window=2m', /^"window" must be one of .*got "2m"/],
    ['method=GET&route=/a&since=yesterday', /^"since" must be a time in epoch milliseconds/],
    ['method=GET&route=/a&path=/b', /^Unknown query parameter "path"/],
  ])('%j: a message that names the parameter, %s', (query, message) => {
    expect(messageOf(parseRoute(query))).toMatch(message);
  });

  test('the unknown-parameter message lists the parameters', () => {
    expect(messageOf(parseRoute('method=GET&route=/a&x=1'))).toContain('"method", "route", "window" and "since"');
    expect(errorOf('x=1')).toContain('"window" and "since"');
  });
});

describe('parseInstrumentStatsParams', () => {
  function parseInstrument(query: string) {
    return parseInstrumentStatsParams(new URLSearchParams(query));
  }

  test('no instrument: the list alone, over the default window', () => {
    expect(parseInstrument('')).toEqual({
      window: expect.objectContaining({ name: '5m' }),
      since: undefined,
      instrument: undefined,
      groupBy: undefined,
      filters: [],
    });
  });

  test('a meter version and schema URL tell meters of one name apart', () => {
    expect(parseInstrument('meter=lib&meterVersion=2.0.0&meterSchemaUrl=https%3A%2F%2Fopentelemetry.io%2Fschemas%2F1.30.0&name=jobs')).toHaveProperty('instrument', {
      meter: 'lib',
      meterVersion: '2.0.0',
      meterSchemaUrl: 'https://opentelemetry.io/schemas/1.30.0',
      name: 'jobs',
    });
    expect(parseInstrument('meter=lib&name=jobs')).toHaveProperty('instrument', { meter: 'lib', name: 'jobs' });
  });

  test('an instrument, a breakdown and repeated filters; a value may hold "="', () => {
    const query = new URLSearchParams([
      ['meter', 'orders'],
      ['name', 'orders.created'],
      ['groupBy', 'order.channel'],
      ['filter', 'region=eu'],
      ['filter', 'query=a=b'],
      ['filter', 'empty='],
      ['window', '15m'],
    ]);
    expect(parseInstrumentStatsParams(query)).toEqual({
      window: expect.objectContaining({ name: '15m' }),
      since: undefined,
      instrument: { meter: 'orders', name: 'orders.created' },
      groupBy: 'order.channel',
      filters: [
        { key: 'region', value: 'eu' },
        { key: 'query', value: 'a=b' },
        { key: 'empty', value: '' },
      ],
    });
  });

  test.each<[string, RegExp]>([
    ['meter=orders', /^Missing query parameter "name"/],
    ['name=orders.created', /^Missing query parameter "meter"/],
    ['meter=orders&name=', /^"name" must be the name of an instrument/],
    ['groupBy=', /^"groupBy" must be an attribute key/],
    ['filter=region', /^"filter" must be an attribute key, "=" and a value.*got "region"/],
    ['filter==eu', /^"filter" must be an attribute key, "=" and a value.*got "=eu"/],
    ['window=2m', /^"window" must be one of .*got "2m"/],
    ['since=soon', /^"since" must be a time in epoch milliseconds/],
    ['instrument=orders.created', /^Unknown query parameter "instrument"; the parameters are "meter", "meterVersion", "meterSchemaUrl", "name", "groupBy", "filter", "window" and "since"/],
    ['meterVersion=1.0.0', /^"meterVersion" belongs to an instrument/],
    ['meter=lib&meterVersion=&name=jobs', /^"meterVersion" must be the meter's version/],
  ])('%j: a message that names the parameter, %s', (query, message) => {
    expect(messageOf(parseInstrument(query))).toMatch(message);
  });
});
