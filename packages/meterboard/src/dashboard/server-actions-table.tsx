import type { ServerActionStats } from '../query/stats-types.js';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds } from './format.js';

/** Server actions that ran in the window, by the name they are exported under. */
export function ServerActionsTable({ actions }: { actions: readonly ServerActionStats[] }) {
  return (
    <section aria-labelledby="server-actions-heading">
      <h2 id="server-actions-heading">Server actions</h2>
      {actions.length === 0 ? (
        <p className="muted">
          No server action ran in this window. Each one is measured under its exported name as soon as a
          form or a client component calls it.
        </p>
      ) : (
        <table aria-labelledby="server-actions-heading">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">File</th>
              <th scope="col" className="num">Calls</th>
              <th scope="col" className="num">Calls/s</th>
              <th scope="col" className="num">Error %</th>
              <th scope="col" className="num">p50</th>
              <th scope="col" className="num">p99</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.name}>
                <th scope="row">
                  <code>{action.name}</code>
                </th>
                <td className="muted">{action.file ?? 'unknown to this build'}</td>
                <td className="num">{formatCount(action.requests)}</td>
                <td className="num">{formatRate(action.requestsPerSecond)}</td>
                <td className={(action.errorRate ?? 0) > 0 ? 'num error' : 'num'}>{formatRatioAsPercent(action.errorRate)}</td>
                <td className="num">{formatSeconds(action.durationSeconds.p50)}</td>
                <td className="num">{formatSeconds(action.durationSeconds.p99)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
