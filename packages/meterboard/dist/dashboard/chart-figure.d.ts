import type { ReactElement } from 'react';
/** Space around the plot of every chart, pixels. */
export declare const CHART_MARGIN: {
    readonly top: 8;
    readonly right: 16;
    readonly bottom: 0;
    readonly left: 0;
};
/**
 * A chart's frame: a figure named `label` (how tests and screen readers find it), its caption, the
 * chart filling the box, and the PromQL that draws the same in Prometheus or Grafana, if any.
 */
export declare function ChartFigure({ label, caption, promql, children }: {
    label: string;
    caption: string;
    promql?: readonly string[];
    children: ReactElement;
}): import("react").JSX.Element;
/**
 * The x axis of a chart over time: rows' `time`, epoch milliseconds, shown as clock times. A function
 * rather than a component, so the chart gets the XAxis element itself as a direct child.
 */
export declare function timeAxis(): ReactElement;
