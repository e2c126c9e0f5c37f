import type { InstanceStats } from '../query/stats-types.js';
import { formatRate, formatRatioAsPercent, formatSeconds } from './format.js';

/** With METRICS_SOURCE=prometheus: every instance Prometheus scrapes, and how each is doing over the window. */
export function InstancesTable({ instances }: { instances: readonly InstanceStats[] }) {
  return (
    <section aria-labelledby="instances-heading">
      <h2 id="instances-heading">Instances</h2>
      <p className="muted">
        Read from Prometheus (<code>METRICS_SOURCE=prometheus</code>): the numbers above add up every instance below. The runtime panel and
        custom metrics are per instance: see them in Prometheus or in <code>deploy/grafana-dashboard.json</code>.
      </p>
      {instances.length === 0 ? (
        <p className="muted">Prometheus scrapes no instance that matches the selector yet: check PROMETHEUS_SELECTOR and its scrape config.</p>
      ) : (
        <table aria-labelledby="instances-heading">
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Scrape</th>
              <th scope="col" className="num">Req/s</th>
              <th scope="col" className="num">Error %</th>
              <th scope="col" className="num">p99</th>
              <th scope="col" className="num">In flight</th>
            </tr>
          </thead>
          <tbody>
            {instances.map((instance) => (
              <tr key={instance.instance}>
                <th scope="row">
                  <code>{instance.instance}</code>
                </th>
                <td className={instance.up ? undefined : 'error'}>{instance.up ? 'up' : 'down'}</td>
                <td className="num">{formatRate(instance.requestsPerSecond)}</td>
                <td className={(instance.errorRate ?? 0) > 0 ? 'num error' : 'num'}>{formatRatioAsPercent(instance.errorRate)}</td>
                <td className="num">{formatSeconds(instance.p99Seconds)}</td>
                <td className="num">{instance.inFlight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
