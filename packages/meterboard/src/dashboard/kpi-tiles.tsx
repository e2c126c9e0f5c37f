import type { RouteStats, Stats } from '../query/stats-types.js';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds, formatUptimeSeconds } from './format.js';

/** One headline number, with a line that says what it is. */
export interface Kpi {
  label: string;
  value: string;
  detail: string;
  /** Drawn as bad news (an error rate above zero). */
  alert?: boolean;
}

/** A row of headline numbers, each a group named by its label. */
export function KpiList({ label, tiles }: { label: string; tiles: readonly Kpi[] }) {
  return (
    <section aria-label={label} className="kpis">
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

/** The headline numbers over the window. */
export function KpiTiles({ stats }: { stats: Stats }) {
  const { totals } = stats;
  const tiles: Kpi[] = [
    { label: 'Requests / s', value: formatRate(totals.requestsPerSecond), detail: `${formatCount(totals.requests)} in window` },
    {
      label: 'Error rate',
      value: formatRatioAsPercent(totals.errorRate),
      detail: '5xx and aborted',
      alert: (totals.errorRate ?? 0) > 0,
    },
    { label: 'p95 latency', value: formatSeconds(totals.durationSeconds.p95), detail: `p50 ${formatSeconds(totals.durationSeconds.p50)}` },
    { label: 'In flight', value: formatCount(totals.inFlight), detail: 'requests being served' },
    // A fleet has no one uptime: from Prometheus, how many instances answer instead.
    stats.instances
      ? {
          label: 'Instances',
          value: `${stats.instances.filter((instance) => instance.up).length} / ${stats.instances.length} up`,
          detail: `${formatCount(totals.requestsSinceStart)} requests since they started`,
        }
      : { label: 'Uptime', value: formatUptimeSeconds(stats.uptimeSeconds), detail: `${formatCount(totals.requestsSinceStart)} requests since start` },
  ];
  return <KpiList label="Key figures" tiles={tiles} />;
}

/** The headline numbers of one route over the window. */
export function RouteKpiTiles({ route }: { route: RouteStats }) {
  const { p50, p90, p95, p99 } = route.durationSeconds;
  const tiles: Kpi[] = [
    { label: 'Requests / s', value: formatRate(route.requestsPerSecond), detail: 'average over the window' },
    { label: 'Error rate', value: formatRatioAsPercent(route.errorRate), detail: '5xx and aborted', alert: (route.errorRate ?? 0) > 0 },
    { label: 'p50 latency', value: formatSeconds(p50), detail: `p90 ${formatSeconds(p90)}` },
    { label: 'p99 latency', value: formatSeconds(p99), detail: `p95 ${formatSeconds(p95)}` },
    { label: 'Requests', value: formatCount(route.requests), detail: `in window · ${formatCount(route.requestsSinceStart)} since start` },
  ];
  return <KpiList label="Key figures" tiles={tiles} />;
}
