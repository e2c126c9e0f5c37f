import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyBar } from '../collect/latency-histogram.js';
import { CHART_MARGIN, ChartFigure } from './chart-figure.js';
import { toDistributionRows } from './chart-data.js';
import { formatCount } from './format.js';

interface DistributionChartProps {
  label: string;
  caption: string;
  /** Adjacent ranges, lowest first, each labelled. */
  rows: ReadonlyArray<{ range: string; count: number }>;
  /** What is counted, plural, for the tooltip: "requests". */
  noun: string;
}

/** How many of something fell in each range: one bar per range. */
export function DistributionChart({ label, caption, rows, noun }: DistributionChartProps) {
  return (
    <ChartFigure label={label} caption={caption}>
      <BarChart data={rows} margin={CHART_MARGIN} barCategoryGap={1}>
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" vertical={false} />
        <XAxis dataKey="range" interval="preserveStartEnd" minTickGap={24} tick={{ fontSize: 11 }} />
        <YAxis width={48} allowDecimals={false} />
        <Tooltip formatter={(value) => [`${formatCount(Number(value))} ${noun}`, 'count']} />
        <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** How many requests took how long over the window: one bar per latency range, fastest first. */
export function LatencyDistributionChart({ bars }: { bars: readonly LatencyBar[] }) {
  return (
    <DistributionChart
      label="Latency distribution"
      caption="Latency distribution (requests per duration range)"
      rows={toDistributionRows(bars)}
      noun="requests"
    />
  );
}
