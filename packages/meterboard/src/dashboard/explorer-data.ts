// Chart shaping for the metrics explorer. Pure.

import type { BucketBar, InstrumentGroupStats, InstrumentPoint } from '../query/stats-types.js';
import { formatWithUnit } from './format.js';

/** Most groups drawn as lines in a chart; the breakdown table lists every group. */
export const MAX_CHARTED_GROUPS = 8;

/** Lines over time, one per group: rows keyed g0, g1, … (labels are not safe recharts keys: a dot is a path). */
export interface GroupChart {
  rows: Array<{ time: number } & Record<string, number | null>>;
  lines: Array<{ key: string; name: string }>;
}

/**
 * The first `max` groups in the API's order (counters and histograms: most first; up-down counters
 * and gauges: by label) as lines over the points; a step without a group's value is null.
 */
export function toGroupChart(points: readonly InstrumentPoint[], groups: readonly InstrumentGroupStats[], max = MAX_CHARTED_GROUPS): GroupChart {
  const charted = groups.slice(0, max);
  const lines = charted.map((group, index) => ({ key: `g${index}`, name: group.label }));
  const rows = points.map((point) => {
    const row: { time: number } & Record<string, number | null> = { time: point.time };
    charted.forEach((group, index) => {
      row[`g${index}`] = point.values[group.label] ?? null;
    });
    return row;
  });
  return { rows, lines };
}

/** One row of a histogram's percentile chart, in the instrument's unit; null where the step recorded nothing. */
export interface PercentileRow {
  time: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

/** Rows for a histogram's percentile chart. */
export function toPercentileRows(points: readonly InstrumentPoint[]): PercentileRow[] {
  return points.map(({ time, percentiles }) => ({ time, p50: percentiles?.p50 ?? null, p90: percentiles?.p90 ?? null, p99: percentiles?.p99 ?? null }));
}

/** One bar of a histogram's distribution: its bucket as a range in the unit, e.g. "10 USD – 50 USD", and its recordings. */
export interface BucketRow {
  range: string;
  count: number;
}

/** Rows for a histogram's distribution chart; the +Inf bucket reads "> lower". */
export function toBucketRows(bars: readonly BucketBar[], unit: string): BucketRow[] {
  return bars.map(({ lower, upper, count }) => ({
    range: upper === null ? `> ${formatWithUnit(lower, unit)}` : `${formatWithUnit(lower, unit)} – ${formatWithUnit(upper, unit)}`,
    count,
  }));
}
