'use client';

import { useState } from 'react';
import { SignOutButton } from '../access/sign-out-button.js';
import { rateRange, DEFAULT_SELECTOR } from '../promql/queries.js';
import { CardinalityWarning } from './cardinality-warning.js';
import { EmptyState } from './empty-state.js';
import { ErrorsPanel } from './errors-panel.js';
import { InstancesTable } from './instances-table.js';
import { OutgoingCallsTable } from './outgoing-calls-table.js';
import { InstrumentsTable } from './instruments-table.js';
import { KpiTiles } from './kpi-tiles.js';
import { LatencyChart, RequestRateChart } from './charts.js';
import { LiveControls } from './live-controls.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { RoutesTable } from './routes-table.js';
import { RuntimePanel } from './runtime-panel.js';
import { ServerActionsTable } from './server-actions-table.js';
import { useStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';

/** The live dashboard: polls the stats endpoint for the window in the URL and draws it; `signedIn` adds a Sign out button. */
export function Dashboard({ signedIn = false }: { signedIn?: boolean }) {
  const [window, setWindow] = useWindowParam();
  const [paused, setPaused] = useState(false);
  const { stats, updatedAt, error } = useStats(window, paused);

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
        <PollPlaceholder endpoint="stats" error={error} />
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
      {stats.totals.requestsSinceStart === 0 && <EmptyState />}
      <CardinalityWarning instruments={stats.overflowingInstruments} window={window} />
      <KpiTiles stats={stats} />
      <div className="charts">
        <RequestRateChart points={stats.points} stepSeconds={stats.window.stepSeconds} promql={promql} />
        <LatencyChart points={stats.points} stepSeconds={stats.window.stepSeconds} promql={promql} />
      </div>
      <RoutesTable routes={stats.routes} window={window} />
      <ServerActionsTable actions={stats.serverActions} />
      <ErrorsPanel errors={stats.errors} showRoute />
      <OutgoingCallsTable hosts={stats.outgoing} />
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
