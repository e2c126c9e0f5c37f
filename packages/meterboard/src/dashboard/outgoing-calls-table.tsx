import type { OutgoingHostStats, RouteOutgoingStats } from '../query/stats-types.js';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds } from './format.js';

/**
 * The app's outgoing HTTP calls in the window (http.client.request.duration), by host, most calls
 * first. On a route's page, the hosts that route called and the share of its time spent waiting on each.
 */
export function OutgoingCallsTable({ hosts }: { hosts: readonly OutgoingHostStats[] | readonly RouteOutgoingStats[] }) {
  const perRoute = hosts.length > 0 && 'waitingShare' in hosts[0];
  return (
    <section aria-labelledby="outgoing-heading">
      <h2 id="outgoing-heading">Outgoing calls</h2>
      {hosts.length === 0 ? (
        <p className="muted">
          No outgoing HTTP call in this window. Calls made with <code>fetch</code> or <code>node:http</code>/<code>https</code> show here
          by host, with their error rate and latency.
        </p>
      ) : (
        <>
          {perRoute && (
            <p className="muted">Calls made while serving this route template, by any of its methods (a call knows its route, not its method).</p>
          )}
          <table aria-labelledby="outgoing-heading">
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col" className="num">Calls</th>
                <th scope="col" className="num">Calls/s</th>
                <th scope="col" className="num">Error %</th>
                <th scope="col" className="num">p50</th>
                <th scope="col" className="num">p95</th>
                <th scope="col" className="num">p99</th>
                {perRoute && (
                  <th scope="col" className="num" title="The calls' durations summed, as a share of the route's request durations summed">
                    Share of route time
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {hosts.map((host) => (
                <tr key={`${host.host}:${host.port}`}>
                  <th scope="row">
                    <code>{host.port === null ? host.host : `${host.host}:${host.port}`}</code>
                  </th>
                  <td className="num">{formatCount(host.calls)}</td>
                  <td className="num">{formatRate(host.callsPerSecond)}</td>
                  <td className={(host.errorRate ?? 0) > 0 ? 'num error' : 'num'}>{formatRatioAsPercent(host.errorRate)}</td>
                  <td className="num">{formatSeconds(host.durationSeconds.p50)}</td>
                  <td className="num">{formatSeconds(host.durationSeconds.p95)}</td>
                  <td className="num">{formatSeconds(host.durationSeconds.p99)}</td>
                  {perRoute && 'waitingShare' in host && <td className="num">{formatRatioAsPercent(host.waitingShare)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
