// Chart shaping for the metrics explorer. Pure.
import { formatWithUnit } from './format.js';
/** Most groups drawn as lines in a chart; the breakdown table lists every group. */
export const MAX_CHARTED_GROUPS = 8;
/**
 * The first `max` groups in the API's order (counters and histograms: most first; up-down counters
 * and gauges: by label) as lines over the points; a step without a group's value is null.
 */
export function toGroupChart(points, groups, max = MAX_CHARTED_GROUPS) {
    const charted = groups.slice(0, max);
    const lines = charted.map((group, index) => ({ key: `g${index}`, name: group.label }));
    const rows = points.map((point) => {
        const row = { time: point.time };
        charted.forEach((group, index) => {
            row[`g${index}`] = point.values[group.label] ?? null;
        });
        return row;
    });
    return { rows, lines };
}
/** Rows for a histogram's percentile chart. */
export function toPercentileRows(points) {
    return points.map(({ time, percentiles }) => ({ time, p50: percentiles?.p50 ?? null, p90: percentiles?.p90 ?? null, p99: percentiles?.p99 ?? null }));
}
/** Rows for a histogram's distribution chart; the +Inf bucket reads "> lower". */
export function toBucketRows(bars, unit) {
    return bars.map(({ lower, upper, count }) => ({
        range: upper === null ? `> ${formatWithUnit(lower, unit)}` : `${formatWithUnit(lower, unit)} – ${formatWithUnit(upper, unit)}`,
        count,
    }));
}
