import type { InstrumentDetail } from '../query/stats-types.js';
/**
 * The charts that fit the instrument's kind: a counter as a rate, an up-down counter or a gauge as
 * its value, a histogram as percentiles, recordings per second and its distribution.
 */
export declare function InstrumentCharts({ detail }: {
    detail: InstrumentDetail & {
        instrument: NonNullable<InstrumentDetail['instrument']>;
    };
}): import("react").JSX.Element;
