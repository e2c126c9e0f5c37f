'use client';

import Link from 'next/link.js';
import { useSearchParams } from 'next/navigation.js';
import { useState } from 'react';
import type { RouteDetail, WindowName } from '../query/stats-types.js';
import { routeLabel } from './chart-data.js';
import { rateRange, DEFAULT_SELECTOR, labelMatcher } from '../promql/queries.js';
import { ErrorRateChart, LatencyChart, RequestRateChart } from './charts.js';
import { RouteKpiTiles } from './kpi-tiles.js';
import { LatencyDistributionChart } from './distribution-chart.js';
import { ErrorsPanel } from './errors-panel.js';
import { OutgoingCallsTable } from './outgoing-calls-table.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { dashboardHref } from './links.js';
import { LiveControls } from './live-controls.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { RouteEmptyState } from './route-empty-state.js';
import { StatusCodes } from './status-codes.js';
import { usePolledStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';

const ROUTE_PARAMETERS = ['method', 'route'] as const;

/**
 * One route's page: a method and route template (?method=&route=, route empty for the requests that
 * matched no route) over the window in the URL, polled from /api/stats/route and drawn.
 */
export function RoutePage() {
  const { page } = useDashboardPaths();
  const searchParams = useSearchParams();
  const method = searchParams.get('method');
  const route = searchParams.get('route');
  const [window, setWindow] = useWindowParam();
  const [paused, setPaused] = useState(false);
  const query = method === null || route === null ? null : { method, route, window };
  const { stats: detail, updatedAt, error } = usePolledStats<RouteDetail>('stats/route', query, paused);

  const back = (
    <Link href={dashboardHref(page, window)} prefetch={false} className="back-link">
      <span aria-hidden="true">← </span>Back to the dashboard
    </Link>
  );
  if (method === null || route === null) {
    const missing = ROUTE_PARAMETERS.filter((name) => searchParams.get(name) === null).map((name) => `"${name}"`);
    return (
      <section>
        {back}
        <h1>Which route?</h1>
        <p role="alert" className="error">
          This page shows one route, and its address is missing {missing.join(' and ')}. Open a route from the dashboard&apos;s Routes
          table.
        </p>
      </section>
    );
  }

  return (
    <>
      <div className="dashboard-header">
        <div>
          {back}
          <h1>
            <code>{method}</code> <span className={route === '' ? 'unmatched' : undefined}>{routeLabel(route === '' ? null : route)}</span>
          </h1>
        </div>
        <LiveControls window={window} onWindowChange={setWindow} paused={paused} onPausedChange={setPaused} updatedAt={updatedAt} error={error} />
      </div>
      {detail ? <RouteDetailView detail={detail} window={window} /> : <PollPlaceholder endpoint="stats/route" error={error} />}
    </>
  );
}

/** The route's numbers, or what to do when it had no requests in the window. */
function RouteDetailView({ detail, window }: { detail: RouteDetail; window: WindowName }) {
  if (detail.route.requests === 0) return <RouteEmptyState route={detail.route} window={window} />;
  // Requests that matched no route have no http_route label; PromQL matches a missing label as "".
  const selector = [DEFAULT_SELECTOR, labelMatcher('http_request_method', detail.route.method), labelMatcher('http_route', detail.route.route ?? '')].join(',');
  const promql = { selector, range: rateRange(detail.window.stepSeconds) };
  return (
    <>
      <RouteKpiTiles route={detail.route} />
      <div className="charts">
        <RequestRateChart points={detail.points} stepSeconds={detail.window.stepSeconds} promql={promql} />
        <LatencyChart points={detail.points} stepSeconds={detail.window.stepSeconds} promql={promql} />
        <ErrorRateChart points={detail.points} stepSeconds={detail.window.stepSeconds} promql={promql} />
        <LatencyDistributionChart bars={detail.latencyDistribution} />
      </div>
      <StatusCodes statusCodes={detail.route.statusCodes} />
      <ErrorsPanel errors={detail.errors} showRoute={false} />
      <OutgoingCallsTable hosts={detail.outgoing} />
    </>
  );
}
