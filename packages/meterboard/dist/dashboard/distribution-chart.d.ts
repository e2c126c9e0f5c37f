import type { LatencyBar } from '../collect/latency-histogram.js';
interface DistributionChartProps {
    label: string;
    caption: string;
    /** Adjacent ranges, lowest first, each labelled. */
    rows: ReadonlyArray<{
        range: string;
        count: number;
    }>;
    /** What is counted, plural, for the tooltip: "requests". */
    noun: string;
}
/** How many of something fell in each range: one bar per range. */
export declare function DistributionChart({ label, caption, rows, noun }: DistributionChartProps): import("react").JSX.Element;
/** How many requests took how long over the window: one bar per latency range, fastest first. */
export declare function LatencyDistributionChart({ bars }: {
    bars: readonly LatencyBar[];
}): import("react").JSX.Element;
export {};
