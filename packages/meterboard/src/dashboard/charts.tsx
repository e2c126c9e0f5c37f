import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { SeriesPoint } from '../query/stats-types.js';
import { CHART_MARGIN, ChartFigure, timeAxis } from './chart-figure.js';
import { isSingleValue, toErrorRateRows, toLatencyRows, toRateRows } from './chart-data.js';
import { formatClock, formatRate } from './format.js';
import { errorRatio, latencyQuantile, requestRateByStatusClass, type PromqlScope } from '../promql/queries.js';

/** Colours of the status classes, in every chart and list that shows them. */
export const STATUS_CLASS_COLORS = { '2xx': '#2f9e44', '3xx': '#1c7ed6', '4xx': '#f08c00', '5xx': '#e03131' } as const;
/** Colours of the percentile lines, in every chart that draws them. */
export const PERCENTILE_COLORS = { p50: '#1c7ed6', p90: '#f08c00', p99: '#e03131' } as const;

/** What every chart over time draws: a window's points, one per step of `stepSeconds`, of the series `selector` picks in PromQL. */
interface ChartProps {
  points: readonly SeriesPoint[];
  stepSeconds: number;
  /** The label matchers (e.g. one route's) and the rate range of the chart's PromQL. */
  promql: PromqlScope;
}

/** Requests per second over time, stacked by status class. */
export function RequestRateChart({ points, stepSeconds, promql }: ChartProps) {
  return (
    <ChartFigure
      label="Request rate by status class"
      caption={`Requests per second, by status class · ${stepSeconds} s steps`}
      promql={[requestRateByStatusClass(promql.selector, promql.range)]}
    >
      <AreaChart data={toRateRows(points)} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        {timeAxis()}
        <YAxis tickFormatter={formatRate} width={48} allowDecimals />
        <Tooltip labelFormatter={(time) => formatClock(Number(time))} formatter={(value) => `${formatRate(Number(value))} req/s`} />
        <Legend />
        {(Object.keys(STATUS_CLASS_COLORS) as Array<keyof typeof STATUS_CLASS_COLORS>).map((statusClass) => (
          <Area
            key={statusClass}
            dataKey={statusClass}
            stackId="status"
            stroke={STATUS_CLASS_COLORS[statusClass]}
            fill={STATUS_CLASS_COLORS[statusClass]}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFigure>
  );
}

/** p50/p90/p99 latency per step, in milliseconds. */
export function LatencyChart({ points, stepSeconds, promql }: ChartProps) {
  const lines = (Object.keys(PERCENTILE_COLORS) as Array<keyof typeof PERCENTILE_COLORS>).map((percentile) => ({
    key: percentile,
    name: percentile,
    color: PERCENTILE_COLORS[percentile],
  }));
  const queries = [0.5, 0.9, 0.99].map((q) => latencyQuantile(q, promql.selector, promql.range));
  return <LinesOverTime label="Latency percentiles" caption={`Latency percentiles (ms) · ${stepSeconds} s steps`} rows={toLatencyRows(points)} lines={lines} unit="ms" promql={queries} />;
}

/** Share of each step's requests that were errors (5xx and aborted), in percent. */
export function ErrorRateChart({ points, stepSeconds, promql }: ChartProps) {
  const lines = [{ key: 'errorPercent', name: 'error rate', color: STATUS_CLASS_COLORS['5xx'] }];
  const queries = [errorRatio(promql.selector, promql.range)];
  return <LinesOverTime label="Error rate" caption={`Error rate (%), 5xx and aborted · ${stepSeconds} s steps`} rows={toErrorRateRows(points)} lines={lines} unit="%" promql={queries} />;
}

interface LinesOverTimeProps {
  label: string;
  caption: string;
  rows: Array<{ time: number }>;
  /** One line per key of the rows, with its name in the legend and its colour. */
  lines: ReadonlyArray<{ key: string; name: string; color: string }>;
  /** Unit of the values, shown in the tooltip after three significant digits. */
  unit: string;
  /** Formats a value for the tooltip and the y axis instead; `unit` is then not used. */
  format?: (value: number) => string;
  /** The PromQL that draws the same lines. */
  promql?: readonly string[];
}

/** Lines over time; a step without a value (null) is bridged, and a line of one value is a dot. */
export function LinesOverTime({ label, caption, rows, lines, unit, format, promql }: LinesOverTimeProps) {
  const formatValue = format ?? ((value: number) => `${value.toPrecision(3)} ${unit}`);
  return (
    <ChartFigure label={label} caption={caption} promql={promql}>
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        {timeAxis()}
        <YAxis width={format ? 72 : 48} tickFormatter={format} />
        <Tooltip
          labelFormatter={(time) => formatClock(Number(time))}
          formatter={(value) => (value === null ? '–' : formatValue(Number(value)))}
        />
        <Legend />
        {lines.map(({ key, name, color }) => (
          <Line key={key} dataKey={key} name={name} stroke={color} dot={isSingleValue(rows, key) ? { r: 3, fill: color } : false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
