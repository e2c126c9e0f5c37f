import type { RouteStats } from '../query/stats-types.js';
import { NO_STATUS, statusClassOf } from '../query/status-codes.js';
import { toStatusCodeRows } from './chart-data.js';
import { STATUS_CLASS_COLORS } from './charts.js';
import { formatCount, formatRatioAsPercent } from './format.js';

/** A route's requests over the window by exact status code: code, count and share, with a bar for the share. */
export function StatusCodes({ statusCodes }: { statusCodes: RouteStats['statusCodes'] }) {
  return (
    <section aria-labelledby="status-codes-heading">
      <h2 id="status-codes-heading">Status codes</h2>
      <table aria-labelledby="status-codes-heading" className="status-codes">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {toStatusCodeRows(statusCodes).map(({ code, count, share }) => {
            const statusClass = statusClassOf(Number(code));
            return (
              <tr key={code}>
                <th scope="row">{code === NO_STATUS ? 'none (client left first)' : code}</th>
                <td className="num">{formatCount(count)}</td>
                <td>
                  <div className="share">
                    <span className="share-track" aria-hidden="true">
                      <span
                        className="share-bar"
                        style={{ width: `${share * 100}%`, background: statusClass ? STATUS_CLASS_COLORS[statusClass] : 'var(--muted)' }}
                      />
                    </span>
                    {formatRatioAsPercent(share)}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
