import type { AttributeFilter, InstrumentDescriptor } from '../query/stats-types.js';
/** The PromQL of each of the explorer's charts for one instrument, by chart label; empty when its name has no Prometheus form. */
export declare function instrumentChartQueries(instrument: InstrumentDescriptor, { groupBy, filters, stepSeconds }: {
    groupBy: string | null;
    filters: readonly AttributeFilter[];
    stepSeconds: number;
}): Record<string, string[]>;
