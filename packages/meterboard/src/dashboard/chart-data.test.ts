import { describe, expect, test } from 'vitest';
import type { DurationPercentiles, RouteStats, SeriesPoint } from '../query/stats-types.js';
import { NO_STATUS } from '../query/status-codes.js';
import {
  isSingleValue,
  routeLabel,
  sortRoutes,
  toDistributionRows,
  toErrorRateRows,
  toLatencyRows,
  toRateRows,
  toStatusCodeRows,
  UNMATCHED_ROUTE_LABEL,
  type RouteSortKey,
} from './chart-data.js';

function point(time: number, rates: [number, number, number, number], durations: SeriesPoint['durationSeconds']): SeriesPoint {
  const [ok, redirect, clientError, serverError] = rates;
  return {
    time,
    seconds: 1,
    partial: false,
    requestsPerSecond: { '2xx': ok, '3xx': redirect, '4xx': clientError, '5xx': serverError },
    errorRate: null,
    durationSeconds: durations,
    activeRequests: 0,
  };
}

const SERIES: SeriesPoint[] = [
  point(1_000, [1.5, 0, 0.25, 0], { p50: 0.5, p90: 0.25, p99: 2 }),
  point(2_000, [0, 0, 0, 0], { p50: null, p90: null, p99: null }),
  point(3_000, [3, 0.5, 1, 0.125], { p50: 0, p90: 0.125, p99: null }),
];

describe('toRateRows', () => {
  test('one row per point with its time and the rates by status class', () => {
    expect(toRateRows(SERIES)).toEqual([
      { time: 1_000, '2xx': 1.5, '3xx': 0, '4xx': 0.25, '5xx': 0 },
      { time: 2_000, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      { time: 3_000, '2xx': 3, '3xx': 0.5, '4xx': 1, '5xx': 0.125 },
    ]);
  });

  test('no points, no rows', () => {
    expect(toRateRows([])).toEqual([]);
  });
});

describe('toLatencyRows', () => {
  test('turns seconds into milliseconds, keeps null, and keeps 0 as 0', () => {
    expect(toLatencyRows(SERIES)).toEqual([
      { time: 1_000, p50: 500, p90: 250, p99: 2_000 },
      { time: 2_000, p50: null, p90: null, p99: null },
      { time: 3_000, p50: 0, p90: 125, p99: null },
    ]);
  });

  test('no points, no rows', () => {
    expect(toLatencyRows([])).toEqual([]);
  });
});

describe('isSingleValue', () => {
  test.each<[string, Array<{ time: number; p50: number | null }>, boolean]>([
    ['no rows', [], false],
    ['one row with a value', [{ time: 1, p50: 4 }], true],
    ['one value among empty steps', [{ time: 1, p50: null }, { time: 2, p50: 4 }, { time: 3, p50: null }], true],
    ['two values', [{ time: 1, p50: 4 }, { time: 2, p50: 5 }], false],
    ['only empty steps', [{ time: 1, p50: null }], false],
    ['zero is a value', [{ time: 1, p50: 0 }], true],
  ])('%s → %s', (_name, rows, expected) => {
    expect(isSingleValue(rows, 'p50')).toBe(expected);
  });
});

describe('toErrorRateRows', () => {
  test('turns the ratio into percent and keeps null for a step without requests', () => {
    const points = [SERIES[0], { ...SERIES[1], errorRate: 0.25 }, { ...SERIES[2], errorRate: 0 }];
    expect(toErrorRateRows(points)).toEqual([
      { time: 1_000, errorPercent: null },
      { time: 2_000, errorPercent: 25 },
      { time: 3_000, errorPercent: 0 },
    ]);
  });
});

describe('toDistributionRows', () => {
  test.each([
    [{ lower: 0.0095, upper: 0.0104, count: 3 }, '9.5 ms – 10.4 ms'],
    [{ lower: 0.5, upper: 1, count: 1 }, '500 ms – 1 s'],
    [{ lower: 0, upper: 0.000_5, count: 2 }, '0 µs – 500 µs'],
    // Only zero durations: one bar at 0.
    [{ lower: 0, upper: 0, count: 4 }, '0 µs'],
  ])('%j is labelled %s', (bar, range) => {
    expect(toDistributionRows([bar])).toEqual([{ range, ...bar }]);
  });

  test('keeps the order of the bars; no bars, no rows', () => {
    const bars = [
      { lower: 0.001, upper: 0.002, count: 1 },
      { lower: 0.002, upper: 0.004, count: 0 },
      { lower: 0.004, upper: 0.008, count: 7 },
    ];
    expect(toDistributionRows(bars).map((row) => row.count)).toEqual([1, 0, 7]);
    expect(toDistributionRows([])).toEqual([]);
  });
});

describe('toStatusCodeRows', () => {
  test.each<[Record<string, number>, Array<[string, number, number]>]>([
    [{ 200: 7, 404: 2 }, [['200', 7, 7 / 9], ['404', 2, 2 / 9]]],
    // By code, not by count, so rows keep their place as counts change; no status goes last.
    [{ [NO_STATUS]: 1, 500: 1, 201: 2 }, [['201', 2, 0.5], ['500', 1, 0.25], [NO_STATUS, 1, 0.25]]],
    [{ 304: 5 }, [['304', 5, 1]]],
    [{}, []],
  ])('%j', (statusCodes, rows) => {
    expect(toStatusCodeRows(statusCodes).map(({ code, count, share }) => [code, count, share])).toEqual(rows);
  });
});

function row(
  method: string,
  route: string | null,
  requests: number,
  errorRate: number | null,
  [p50, p95, p99]: [number | null, number | null, number | null],
): RouteStats {
  const durationSeconds: DurationPercentiles = { p50, p90: p95, p95, p99 };
  return {
    method,
    route,
    requests,
    requestsSinceStart: requests * 2,
    requestsPerSecond: requests / 10,
    errorRate,
    statusCodes: {},
    durationSeconds,
  };
}

// C and E had no requests in the window: their error rate and percentiles are null.
const ROWS = {
  A: row('GET', '/orders', 10, 0.1, [0.02, 0.2, 0.5]),
  B: row('POST', '/api/orders', 3, 0, [0.05, 0.1, 0.9]),
  C: row('DELETE', null, 0, null, [null, null, null]),
  D: row('GET', '/orders/[id]', 25, 0.5, [0.01, 0.3, 0.4]),
  E: row('PATCH', '/api/orders/[id]/ship', 0, null, [null, null, null]),
};
type RowName = keyof typeof ROWS;

// Shuffled, with null rows early, so sorting has work to do; ties keep this order (A before D, C before E).
const INPUT: RowName[] = ['A', 'C', 'B', 'E', 'D'];

function names(routes: RouteStats[]): RowName[] {
  return routes.map((r) => (Object.keys(ROWS) as RowName[]).find((name) => ROWS[name] === r)!);
}

describe('sortRoutes', () => {
  test.each<[RouteSortKey, string, string]>([
    // Strings by code unit; ties keep their order.
    ['method', 'CADEB', 'BEADC'],
    // By label: "(unmatched)" sorts before any "/…" template.
    ['route', 'CBEAD', 'DAEBC'],
    ['requests', 'CEBAD', 'DABCE'],
    ['requestsPerSecond', 'CEBAD', 'DABCE'],
    // Null (no requests) last in both directions.
    ['errorRate', 'BADCE', 'DABCE'],
    ['p50', 'DABCE', 'BADCE'],
    ['p95', 'BADCE', 'DABCE'],
    ['p99', 'DABCE', 'BADCE'],
  ])('by %s: ascending %s, descending %s', (key, ascending, descending) => {
    const input = INPUT.map((name) => ROWS[name]);
    expect(names(sortRoutes(input, { key, direction: 'ascending' })).join('')).toBe(ascending);
    expect(names(sortRoutes(input, { key, direction: 'descending' })).join('')).toBe(descending);
  });

  test.each(['p50', 'p95', 'p99', 'errorRate'] as const)(
    'rows without %s go last in both directions, wherever they start',
    (key) => {
      for (const input of [
        [ROWS.C, ROWS.A, ROWS.B],
        [ROWS.A, ROWS.C, ROWS.B],
        [ROWS.A, ROWS.B, ROWS.C],
      ]) {
        for (const direction of ['ascending', 'descending'] as const) {
          const sorted = sortRoutes(input, { key, direction });
          expect(sorted).toHaveLength(3);
          expect(sorted[2]).toBe(ROWS.C);
        }
      }
    },
  );

  test('returns a sorted copy and leaves the input alone', () => {
    const input = INPUT.map((name) => ROWS[name]);
    const sorted = sortRoutes(input, { key: 'requests', direction: 'descending' });
    expect(sorted).not.toBe(input);
    expect(names(input)).toEqual(INPUT);
  });

  test('no routes, no rows', () => {
    expect(sortRoutes([], { key: 'p99', direction: 'ascending' })).toEqual([]);
  });
});

describe('routeLabel', () => {
  test.each([
    [null, UNMATCHED_ROUTE_LABEL],
    ['/orders/[id]', '/orders/[id]'],
    ['/', '/'],
  ])('%s → %s', (route, label) => {
    expect(routeLabel(route)).toBe(label);
  });

  test('the unmatched label reads "(unmatched)"', () => {
    expect(UNMATCHED_ROUTE_LABEL).toBe('(unmatched)');
  });
});
