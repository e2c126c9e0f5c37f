import type { ErrorGroupStats, WindowErrors } from '../query/stats-types.js';
import { routeLabel } from './chart-data.js';
import { formatClock, formatCount } from './format.js';

/**
 * The window's errors grouped by route, exception type and message (numbers and ids folded), most
 * frequent first, each with the latest stack trace. `showRoute` is false on a route's own page.
 */
export function ErrorsPanel({ errors, showRoute }: { errors: WindowErrors | null; showRoute: boolean }) {
  return (
    <section aria-labelledby="errors-heading">
      <h2 id="errors-heading">Errors</h2>
      {errors === null ? (
        <p className="muted">
          Error groups, with their messages and stack traces, stay in the process that saw them and are not in Prometheus: open one
          instance&apos;s own dashboard to read them. The routes table&apos;s error rates cover every instance.
        </p>
      ) : errors.groups.length === 0 ? (
        <p className="muted">
          No request failed with an exception in this window. When one does, its type, message and latest stack trace show here, one
          row per bug (numbers and ids in messages are folded). Next reports them through the <code>onRequestError</code> that
          instrumentation.ts exports from <code>meterboard/register</code>.
        </p>
      ) : (
        <>
          {errors.groupCount > errors.groups.length && (
            <p className="muted">
              The {errors.groups.length} most frequent of {errors.groupCount} groups.
            </p>
          )}
          <table aria-labelledby="errors-heading" className="errors-table">
            <thead>
              <tr>
                <th scope="col">Exception</th>
                {showRoute && <th scope="col">Where</th>}
                <th scope="col" className="num">Count</th>
                <th scope="col" className="num">First seen</th>
                <th scope="col" className="num">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {errors.groups.map((group) => (
                <ErrorRow key={groupKey(group)} group={group} showRoute={showRoute} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ErrorRow({ group, showRoute }: { group: ErrorGroupStats; showRoute: boolean }) {
  return (
    <tr>
      <th scope="row">
        <code className="error">{group.errorType}</code> <span>{group.message}</span>
        {group.serverAction !== null && !showRoute && (
          <span className="muted">
            {' '}
            in action <code>{group.serverAction}</code>
          </span>
        )}
        <details>
          <summary>Latest stack trace</summary>
          <pre>{group.latestStack ?? group.latestMessage}</pre>
        </details>
      </th>
      {showRoute && (
        <td>
          {group.serverAction !== null ? (
            <>
              action <code>{group.serverAction}</code> on{' '}
            </>
          ) : null}
          {group.method !== null && <code>{group.method}</code>} {routeLabel(group.route)}
        </td>
      )}
      <td className="num">{formatCount(group.count)}</td>
      <td className="num">{formatClock(Date.parse(group.firstSeen))}</td>
      <td className="num">{formatClock(Date.parse(group.lastSeen))}</td>
    </tr>
  );
}

function groupKey(group: ErrorGroupStats): string {
  return [group.method, group.route, group.serverAction, group.errorType, group.message].join('\n');
}
