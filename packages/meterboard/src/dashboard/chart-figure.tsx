import type { ReactElement } from 'react';
import { ResponsiveContainer, XAxis } from 'recharts';
import { formatClock } from './format.js';
import { PromqlDisclosure } from './promql-disclosure.js';

/** Space around the plot of every chart, pixels. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 } as const;

/**
 * A chart's frame: a figure named `label` (how tests and screen readers find it), its caption, the
 * chart filling the box, and the PromQL that draws the same in Prometheus or Grafana, if any.
 */
export function ChartFigure({ label, caption, promql = [], children }: { label: string; caption: string; promql?: readonly string[]; children: ReactElement }) {
  return (
    <figure className="chart" aria-label={label}>
      <figcaption>{caption}</figcaption>
      {promql.length > 0 && <PromqlDisclosure queries={promql} />}
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * The x axis of a chart over time: rows' `time`, epoch milliseconds, shown as clock times. A function
 * rather than a component, so the chart gets the XAxis element itself as a direct child.
 */
export function timeAxis(): ReactElement {
  return <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} minTickGap={48} />;
}
