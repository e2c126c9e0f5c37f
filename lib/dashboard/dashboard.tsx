'use client';

import { useState } from 'react';
import { formatClock } from './format';
import { EmptyState } from './empty-state';
import { InstrumentsTable } from './instruments-table';
import { KpiTiles } from './kpi-tiles';
import { LatencyChart, RequestRateChart } from './charts';
import { RoutesTable } from './routes-table';
import { useStats } from './use-stats';

/** The live dashboard: polls /api/stats and draws it. */
export function Dashboard() {
  const { data: stats, error } = useStats();
  const [sendingDemo, setSendingDemo] = useState(false);

  if (!stats) {
    return error ? (
      <p role="alert" className="error">
        Cannot load /api/stats: {error.message}
      </p>
    ) : (
      <p role="status" className="muted">
        Loading metrics…
      </p>
    );
  }

  return (
    <>
      <div className="dashboard-header">
        <h1>{stats.service.name}</h1>
        <p className="muted" role="status">
          {error ? (
            <span className="error">Server unreachable: {error.message}. Showing the last numbers received.</span>
          ) : (
            <>
              Last {Math.round(stats.windowSeconds)} s · updated{' '}
              {stats.series.length > 0 ? formatClock(stats.series[stats.series.length - 1].time) : 'just now'}
            </>
          )}
        </p>
      </div>
      {(stats.totals.requestsSinceStart === 0 || sendingDemo) && <EmptyState onSendingChange={setSendingDemo} />}
      <KpiTiles stats={stats} />
      <div className="charts">
        <RequestRateChart series={stats.series} />
        <LatencyChart series={stats.series} />
      </div>
      <RoutesTable routes={stats.routes} />
      <InstrumentsTable instruments={stats.instruments} />
    </>
  );
}
