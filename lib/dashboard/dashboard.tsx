'use client';

import { useState } from 'react';
import { SignOutButton } from '../access/sign-out-button';
import { rateRange, DEFAULT_SELECTOR } from '../promql/queries';
import { CardinalityWarning } from './cardinality-warning';
import { EmptyState } from './empty-state';
import { InstancesTable } from './instances-table';
import { InstrumentsTable } from './instruments-table';
import { KpiTiles } from './kpi-tiles';
import { LatencyChart, RequestRateChart } from './charts';
import { LiveControls } from './live-controls';
import { PollPlaceholder } from './poll-placeholder';
import { RoutesTable } from './routes-table';
import { RuntimePanel } from './runtime-panel';
import { ServerActionsTable } from './server-actions-table';
import { useStats } from './use-stats';
import { useWindowParam } from './use-window-param';

/** The live dashboard: polls /api/stats for the window in the URL and draws it; `signedIn` adds a Sign out button. */
export function Dashboard({ signedIn = false }: { signedIn?: boolean }) {
  const [window, setWindow] = useWindowParam();
  const [paused, setPaused] = useState(false);
  const { stats, updatedAt, error } = useStats(window, paused);
  const [sendingDemo, setSendingDemo] = useState(false);

  const controls = (
    <div className="dashboard-controls">
      <LiveControls
        window={window}
        onWindowChange={setWindow}
        paused={paused}
        onPausedChange={setPaused}
        updatedAt={updatedAt}
        error={error}
      />
      {signedIn && <SignOutButton />}
    </div>
  );

  if (!stats) {
    return (
      <>
        {controls}
        <PollPlaceholder source="/api/stats" error={error} />
      </>
    );
  }

  // From Prometheus, the charts show the very queries that drew them; otherwise the ones that would.
  const promql = stats.promql ?? { selector: DEFAULT_SELECTOR, range: rateRange(stats.window.stepSeconds) };
  return (
    <>
      <div className="dashboard-header">
        <h1>{stats.service.name}</h1>
        {controls}
      </div>
      {(stats.totals.requestsSinceStart === 0 || sendingDemo) && <EmptyState onSendingChange={setSendingDemo} />}
      <CardinalityWarning instruments={stats.overflowingInstruments} window={window} />
      <KpiTiles stats={stats} />
      <div className="charts">
        <RequestRateChart points={stats.points} stepSeconds={stats.window.stepSeconds} promql={promql} />
        <LatencyChart points={stats.points} stepSeconds={stats.window.stepSeconds} promql={promql} />
      </div>
      <RoutesTable routes={stats.routes} window={window} />
      <ServerActionsTable actions={stats.serverActions} />
      {stats.instances ? (
        <InstancesTable instances={stats.instances} />
      ) : (
        <>
          <RuntimePanel runtime={stats.runtime} />
          <InstrumentsTable instruments={stats.instruments} window={window} />
        </>
      )}
    </>
  );
}
