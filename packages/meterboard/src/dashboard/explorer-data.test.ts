import { describe, expect, test } from 'vitest';
import type { InstrumentGroupStats, InstrumentPoint } from '../query/stats-types.js';
import { MAX_CHARTED_GROUPS, toBucketRows, toGroupChart, toPercentileRows } from './explorer-data.js';

function group(label: string, value: number): InstrumentGroupStats {
  return { label, series: 1, value, perSecond: value, sum: null, percentiles: null };
}

function point(time: number, values: Record<string, number>, percentiles: InstrumentPoint['percentiles'] = null): InstrumentPoint {
  return { time, seconds: 1, partial: false, values, percentiles };
}

describe('toGroupChart', () => {
  test('one line per group, keyed by position so labels with dots stay labels; a missing value is null', () => {
    const chart = toGroupChart([point(1, { 'v1.2': 3, web: 1 }), point(2, { web: 2 })], [group('v1.2', 3), group('web', 3)]);
    expect(chart.lines).toEqual([
      { key: 'g0', name: 'v1.2' },
      { key: 'g1', name: 'web' },
    ]);
    expect(chart.rows).toEqual([
      { time: 1, g0: 3, g1: 1 },
      { time: 2, g0: null, g1: 2 },
    ]);
  });

  test(`draws the first ${MAX_CHARTED_GROUPS} groups only`, () => {
    const groups = Array.from({ length: MAX_CHARTED_GROUPS + 3 }, (_, i) => group(`g${i}`, 100 - i));
    expect(toGroupChart([], groups).lines.map((line) => line.name)).toEqual(groups.slice(0, MAX_CHARTED_GROUPS).map((g) => g.label));
  });
});

describe('toPercentileRows', () => {
  test.each<[InstrumentPoint['percentiles'], { p50: number | null; p90: number | null; p99: number | null }]>([
    [{ p50: 1, p90: 2, p99: 3 }, { p50: 1, p90: 2, p99: 3 }],
    [{ p50: null, p90: null, p99: null }, { p50: null, p90: null, p99: null }],
    [null, { p50: null, p90: null, p99: null }],
  ])('%j → %j', (percentiles, expected) => {
    expect(toPercentileRows([point(5, {}, percentiles)])).toEqual([{ time: 5, ...expected }]);
  });
});

describe('toBucketRows', () => {
  test.each<[{ lower: number; upper: number | null; count: number }, string, string]>([
    [{ lower: 10, upper: 50, count: 4 }, 'USD', '10 USD – 50 USD'],
    [{ lower: 0.005, upper: 0.01, count: 1 }, 's', '5 ms – 10 ms'],
    [{ lower: 500, upper: null, count: 2 }, 'USD', '> 500 USD'],
    [{ lower: 0, upper: 1024, count: 2 }, 'By', '0 B – 1 KB'],
  ])('%j in %s reads %j', (bar, unit, range) => {
    expect(toBucketRows([bar], unit)).toEqual([{ range, count: bar.count }]);
  });
});
