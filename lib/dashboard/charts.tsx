import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesPoint } from '../query/stats-types';
import { toLatencyRows, toRateRows } from './chart-data';
import { formatClock, formatRate } from './format';

const STATUS_CLASS_COLORS = { '2xx': '#2f9e44', '3xx': '#1c7ed6', '4xx': '#f08c00', '5xx': '#e03131' } as const;
const PERCENTILE_COLORS = { p50: '#1c7ed6', p90: '#f08c00', p99: '#e03131' } as const;

/** Requests per second over time, stacked by status class. */
export function RequestRateChart({ points, stepSeconds }: { points: readonly SeriesPoint[]; stepSeconds: number }) {
  return (
    <figure className="chart" aria-label="Request rate by status class">
      <figcaption>Requests per second, by status class · {stepSeconds} s steps</figcaption>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={toRateRows(points)} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} minTickGap={48} />
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
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** p50/p90/p99 latency per step, in milliseconds. */
export function LatencyChart({ points, stepSeconds }: { points: readonly SeriesPoint[]; stepSeconds: number }) {
  return (
    <figure className="chart" aria-label="Latency percentiles">
      <figcaption>Latency percentiles (ms) · {stepSeconds} s steps</figcaption>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={toLatencyRows(points)} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} minTickGap={48} />
            <YAxis width={48} />
            <Tooltip
              labelFormatter={(time) => formatClock(Number(time))}
              formatter={(value) => (value === null ? '–' : `${Number(value).toPrecision(3)} ms`)}
            />
            <Legend />
            {(Object.keys(PERCENTILE_COLORS) as Array<keyof typeof PERCENTILE_COLORS>).map((percentile) => (
              <Line
                key={percentile}
                dataKey={percentile}
                stroke={PERCENTILE_COLORS[percentile]}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
