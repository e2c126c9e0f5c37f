import type { SeriesPoint } from '../query/stats-types.js';
import { type PromqlScope } from '../promql/queries.js';
/** Colours of the status classes, in every chart and list that shows them. */
export declare const STATUS_CLASS_COLORS: {
    readonly '2xx': "#2f9e44";
    readonly '3xx': "#1c7ed6";
    readonly '4xx': "#f08c00";
    readonly '5xx': "#e03131";
};
/** Colours of the percentile lines, in every chart that draws them. */
export declare const PERCENTILE_COLORS: {
    readonly p50: "#1c7ed6";
    readonly p90: "#f08c00";
    readonly p99: "#e03131";
};
/** What every chart over time draws: a window's points, one per step of `stepSeconds`, of the series `selector` picks in PromQL. */
interface ChartProps {
    points: readonly SeriesPoint[];
    stepSeconds: number;
    /** The label matchers (e.g. one route's) and the rate range of the chart's PromQL. */
    promql: PromqlScope;
}
/** Requests per second over time, stacked by status class. */
export declare function RequestRateChart({ points, stepSeconds, promql }: ChartProps): import("react").JSX.Element;
/** p50/p90/p99 latency per step, in milliseconds. */
export declare function LatencyChart({ points, stepSeconds, promql }: ChartProps): import("react").JSX.Element;
/** Share of each step's requests that were errors (5xx and aborted), in percent. */
export declare function ErrorRateChart({ points, stepSeconds, promql }: ChartProps): import("react").JSX.Element;
interface LinesOverTimeProps {
    label: string;
    caption: string;
    rows: Array<{
        time: number;
    }>;
    /** One line per key of the rows, with its name in the legend and its colour. */
    lines: ReadonlyArray<{
        key: string;
        name: string;
        color: string;
    }>;
    /** Unit of the values, shown in the tooltip after three significant digits. */
    unit: string;
    /** Formats a value for the tooltip and the y axis instead; `unit` is then not used. */
    format?: (value: number) => string;
    /** The PromQL that draws the same lines. */
    promql?: readonly string[];
}
/** Lines over time; a step without a value (null) is bridged. */
export declare function LinesOverTime({ label, caption, rows, lines, unit, format, promql }: LinesOverTimeProps): import("react").JSX.Element;
export {};
