import type { InstrumentDetail, InstrumentGroupStats } from '../query/stats-types.js';
import type { InstrumentKind } from '../collect/frame.js';
import { formatCount, formatRate, formatWithUnit } from './format.js';

type Column = { header: string; cell: (group: InstrumentGroupStats, unit: string) => string };

const SERIES: Column = { header: 'Series', cell: (group) => formatCount(group.series) };
const PER_SECOND: Column = { header: 'Per second', cell: (group) => formatRate(group.perSecond ?? 0) };
const percentile = (key: 'p50' | 'p90' | 'p99'): Column => ({ header: key, cell: (group, unit) => formatWithUnit(group.percentiles?.[key] ?? null, unit) });

/** The numbers each kind of instrument has per group. */
const COLUMNS: Record<InstrumentKind, Column[]> = {
  counter: [SERIES, { header: 'Increase', cell: (group, unit) => formatWithUnit(group.value, unit) }, PER_SECOND],
  histogram: [
    SERIES,
    { header: 'Recordings', cell: (group) => formatCount(group.value) },
    PER_SECOND,
    { header: 'Mean', cell: (group, unit) => formatWithUnit(group.value > 0 && group.sum !== null ? group.sum / group.value : null, unit) },
    percentile('p50'),
    percentile('p90'),
    percentile('p99'),
  ],
  'up-down-counter': [SERIES, { header: 'Latest value', cell: (group, unit) => formatWithUnit(group.value, unit) }],
  gauge: [SERIES, { header: 'Latest value', cell: (group, unit) => formatWithUnit(group.value, unit) }],
};

/** The instrument's groups over the window, with the numbers that fit its kind. */
export function InstrumentGroupsTable({ detail, kind, unit }: { detail: InstrumentDetail; kind: InstrumentKind; unit: string }) {
  const columns = COLUMNS[kind];
  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">{detail.groupBy === null ? 'All series' : `By ${detail.groupBy}`}</h2>
      <table aria-labelledby="groups-heading">
        <thead>
          <tr>
            <th scope="col">{detail.groupBy ?? 'Group'}</th>
            {columns.map(({ header }) => (
              <th key={header} scope="col" className="num">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.groups.map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label}</th>
              {columns.map(({ header, cell }) => (
                <td key={header} className="num">
                  {cell(group, unit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
