'use client';

import Link from 'next/link.js';
import { useState } from 'react';
import type { RouteStats, WindowName } from '../query/stats-types.js';
import { routeLabel, sortRoutes, type RouteSort, type RouteSortKey } from './chart-data.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { routeHref } from './links.js';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds } from './format.js';

const COLUMNS: Array<{ key: RouteSortKey; label: string; numeric: boolean }> = [
  { key: 'method', label: 'Method', numeric: false },
  { key: 'route', label: 'Route', numeric: false },
  { key: 'requests', label: 'Requests', numeric: true },
  { key: 'requestsPerSecond', label: 'Req/s', numeric: true },
  { key: 'errorRate', label: 'Error %', numeric: true },
  { key: 'p50', label: 'p50', numeric: true },
  { key: 'p95', label: 'p95', numeric: true },
  { key: 'p99', label: 'p99', numeric: true },
];

const DEFAULT_SORT: RouteSort = { key: 'requests', direction: 'descending' };

/** Per-route numbers over the window, sortable by any column; each route links to its own page. */
export function RoutesTable({ routes, window }: { routes: readonly RouteStats[]; window: WindowName }) {
  const { page } = useDashboardPaths();
  const [sort, setSort] = useState<RouteSort>(DEFAULT_SORT);

  function sortBy(key: RouteSortKey, numeric: boolean) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: numeric ? 'descending' : 'ascending' },
    );
  }

  return (
    <section aria-labelledby="routes-heading">
      <h2 id="routes-heading">Routes</h2>
      <table aria-labelledby="routes-heading" className="routes">
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, numeric }) => (
              <th
                key={key}
                scope="col"
                className={numeric ? 'num' : undefined}
                aria-sort={sort.key === key ? sort.direction : 'none'}
              >
                <button type="button" onClick={() => sortBy(key, numeric)}>
                  {label}
                  <span aria-hidden="true">{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sortRoutes(routes, sort).map((row) => (
            <tr key={`${row.method} ${row.route ?? ''}`}>
              <td>
                <code>{row.method}</code>
              </td>
              <th scope="row" className={row.route === null ? 'unmatched' : undefined}>
                <Link href={routeHref(page, row.method, row.route, window)} prefetch={false}>
                  {routeLabel(row.route)}
                </Link>
              </th>
              <td className="num" title={`${formatCount(row.requestsSinceStart)} since start`}>
                {formatCount(row.requests)}
              </td>
              <td className="num">{formatRate(row.requestsPerSecond)}</td>
              <td className={(row.errorRate ?? 0) > 0 ? 'num error' : 'num'}>{formatRatioAsPercent(row.errorRate)}</td>
              <td className="num">{formatSeconds(row.durationSeconds.p50)}</td>
              <td className="num">{formatSeconds(row.durationSeconds.p95)}</td>
              <td className="num">{formatSeconds(row.durationSeconds.p99)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
