import type { Stats } from '../query/stats-types';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds, formatUptimeSeconds } from './format';

/** The headline numbers over the window. */
export function KpiTiles({ stats }: { stats: Stats }) {
  const { totals } = stats;
  const tiles = [
    { label: 'Requests / s', value: formatRate(totals.requestsPerSecond), detail: `${formatCount(totals.requests)} in window` },
    {
      label: 'Error rate',
      value: formatRatioAsPercent(totals.errorRate),
      detail: '5xx and aborted',
      alert: (totals.errorRate ?? 0) > 0,
    },
    { label: 'p95 latency', value: formatSeconds(totals.durationSeconds.p95), detail: `p50 ${formatSeconds(totals.durationSeconds.p50)}` },
    { label: 'In flight', value: formatCount(totals.inFlight), detail: 'requests being served' },
    { label: 'Uptime', value: formatUptimeSeconds(stats.uptimeSeconds), detail: `${formatCount(totals.requestsSinceStart)} requests since start` },
  ];
  return (
    <section aria-label="Key figures" className="kpis">
      {tiles.map((tile) => (
        <div key={tile.label} className={tile.alert ? 'kpi kpi-alert' : 'kpi'} role="group" aria-label={tile.label}>
          <div className="kpi-label">{tile.label}</div>
          <div className="kpi-value">{tile.value}</div>
          <div className="kpi-detail">{tile.detail}</div>
        </div>
      ))}
    </section>
  );
}
