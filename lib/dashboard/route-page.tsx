'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { RouteDetail, WindowName } from '../query/stats-types';
import { routeLabel } from './chart-data';
import { rateRange, DEFAULT_SELECTOR, labelMatcher } from '../promql/queries';
import { ErrorRateChart, LatencyChart, RequestRateChart } from './charts';
import { RouteKpiTiles } from './kpi-tiles';
import { LatencyDistributionChart } from './distribution-chart';
import { dashboardHref } from './links';
import { LiveControls } from './live-controls';
import { PollPlaceholder } from './poll-placeholder';
import { RouteEmptyState } from './route-empty-state';
import { StatusCodes } from './status-codes';
import { usePolledStats } from './use-stats';
import { useWindowParam } from './use-window-param';

const ROUTE_PARAMETERS = ['method', 'route'] as const;

/**
 * One route's page: a method and route template (?method=&route=, route empty for the requests that
 * matched no route) over the window in the URL, polled from /api/stats/route and drawn.
 */
export function RoutePage() {
  const searchParams = useSearchParams();
  const method = searchParams.get('method');
  const route = searchParams.get('route');
  const [window, setWindow] = useWindowParam();
  const [paused, setPaused] = useState(false);
  const query = method === null || route === null ? null : { method, route, window };
  const { stats: detail, updatedAt, error } = usePolledStats<RouteDetail>('/api/stats/route', query, paused);

  const back = (
    <Link href={dashboardHref(window)} prefetch={false} className="back-link">
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
      {detail ? <RouteDetailView detail={detail} window={window} /> : <PollPlaceholder source="/api/stats/route" error={error} />}
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
    </>
  );
}
