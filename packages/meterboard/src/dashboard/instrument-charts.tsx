import { instrumentChartQueries } from '../promql/instrument-queries.js';
import type { InstrumentDetail } from '../query/stats-types.js';
import { LinesOverTime, PERCENTILE_COLORS } from './charts.js';
import { DistributionChart } from './distribution-chart.js';
import { toBucketRows, toGroupChart, toPercentileRows } from './explorer-data.js';
import { formatRate, formatWithUnit, unitLabel } from './format.js';

/** Colours of the groups' lines, in the order of the groups. */
const GROUP_COLORS = ['#1c7ed6', '#f08c00', '#2f9e44', '#e03131', '#7048e8', '#0c8599', '#d6336c', '#868e96'];

/**
 * The charts that fit the instrument's kind: a counter as a rate, an up-down counter or a gauge as
 * its value, a histogram as percentiles, recordings per second and its distribution.
 */
export function InstrumentCharts({ detail }: { detail: InstrumentDetail & { instrument: NonNullable<InstrumentDetail['instrument']> } }) {
  const { instrument, points, groups, groupBy, window } = detail;
  const step = `${window.stepSeconds} s steps`;
  const by = groupBy === null ? '' : `, by ${groupBy}`;
  const chart = toGroupChart(points, groups);
  const lines = chart.lines.map((line, index) => ({ ...line, color: GROUP_COLORS[index % GROUP_COLORS.length] }));
  const unit = unitLabel(instrument.unit);
  const promql = instrumentChartQueries(instrument, { groupBy, filters: detail.filters, stepSeconds: window.stepSeconds });

  if (instrument.kind === 'counter') {
    return (
      <div className="charts">
        <LinesOverTime label="Rate" caption={`Increase per second${unit ? ` (${unit}/s)` : ''}${by} · ${step}`} rows={chart.rows} lines={lines} unit="" format={formatRate} promql={promql.Rate} />
      </div>
    );
  }
  if (instrument.kind !== 'histogram') {
    return (
      <div className="charts">
        <LinesOverTime
          label="Value"
          caption={`Value at the end of each step${groups.length > 0 && groups.some((group) => group.series > 1) ? ', summed over the series' : ''}${by} · ${step}`}
          rows={chart.rows}
          lines={lines}
          unit=""
          format={(value) => formatWithUnit(value, instrument.unit)}
          promql={promql.Value}
        />
      </div>
    );
  }
  const percentileLines = (Object.keys(PERCENTILE_COLORS) as Array<keyof typeof PERCENTILE_COLORS>).map((key) => ({ key, name: key, color: PERCENTILE_COLORS[key] }));
  return (
    <div className="charts">
      <LinesOverTime
        label="Percentiles"
        caption={`p50/p90/p99 · ${step}`}
        rows={toPercentileRows(points)}
        lines={percentileLines}
        unit=""
        format={(value) => formatWithUnit(value, instrument.unit)}
        promql={promql.Percentiles}
      />
      <LinesOverTime
        label="Recordings per second"
        caption={`Recordings per second${by} · ${step}`}
        rows={chart.rows}
        lines={lines}
        unit=""
        format={formatRate}
        promql={promql['Recordings per second']}
      />
      <DistributionChart
        label="Distribution"
        caption="Recordings per bucket over the window"
        rows={toBucketRows(detail.distribution, instrument.unit)}
        noun="recordings"
      />
    </div>
  );
}
