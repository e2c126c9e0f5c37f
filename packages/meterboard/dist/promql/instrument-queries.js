import { prometheusLabelName, prometheusMetricName } from './names.js';
import { rateRange, DEFAULT_SELECTOR, labelMatcher } from './queries.js';
/** The PromQL of each of the explorer's charts for one instrument, by chart label; empty when its name has no Prometheus form. */
export function instrumentChartQueries(instrument, { groupBy, filters, stepSeconds }) {
    const family = prometheusMetricName(instrument.name, { unit: instrument.unit, monotonicSum: instrument.kind === 'counter', gauge: instrument.kind === 'gauge' });
    if (family === undefined)
        return {};
    const scope = [labelMatcher('otel_scope_name', instrument.meter), ...(instrument.meterVersion === undefined ? [] : [labelMatcher('otel_scope_version', instrument.meterVersion)])];
    const selector = [DEFAULT_SELECTOR, ...scope, ...filters.map(({ key, value }) => labelMatcher(prometheusLabelName(key), value))].join(',');
    const range = rateRange(stepSeconds);
    const by = groupBy === null ? '' : ` by (${prometheusLabelName(groupBy)})`;
    switch (instrument.kind) {
        case 'counter':
            return { Rate: [`sum${by} (rate(${family}{${selector}}[${range}]))`] };
        case 'histogram':
            return {
                Percentiles: [0.5, 0.9, 0.99].map((q) => `histogram_quantile(${q}, sum by (le) (rate(${family}_bucket{${selector}}[${range}])))`),
                'Recordings per second': [`sum${by} (rate(${family}_count{${selector}}[${range}]))`],
            };
        default:
            return { Value: [`sum${by} (${family}{${selector}})`] };
    }
}
