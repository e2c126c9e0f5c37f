import { BASE_PATH } from '../base-path.js';
import type { RouteStats, WindowName } from '../query/stats-types.js';
import { formatCount } from './format.js';
import { trafficHint } from './traffic-hint.js';

/** What a route's page shows when the route had no requests in the window: that, and how to send it some. */
export function RouteEmptyState({ route, window }: { route: RouteStats; window: WindowName }) {
  const hint = trafficHint(route.method, route.route);
  return (
    <section className="empty" aria-labelledby="route-empty-heading">
      <h2 id="route-empty-heading">No requests in the last {window}</h2>
      <p>
        {route.requestsSinceStart > 0
          ? `This route was requested ${formatCount(route.requestsSinceStart)} times since the server started, but not within the window: pick a longer one, or send it a request.`
          : 'This route has not been requested since the server started (or the app has no such route). Its numbers appear here as soon as it is.'}
      </p>
      <p>
        {hint.kind === 'link' && (
          <>
            Open <a href={`${BASE_PATH}${hint.href}`}>{hint.href}</a>
          </>
        )}
        {hint.kind === 'request' && (
          <>
            Send <code>{`${hint.method} ${hint.path}`}</code>
            {hint.parameters.length > 0 && <> with {hint.parameters.map((name) => `[${name}]`).join(', ')} filled in</>}
          </>
        )}
        {hint.kind === 'unmatched' && (
          <>
            Requests to paths the app has no route for land here: open <a href={`${BASE_PATH}${hint.example}`}>{hint.example}</a>
          </>
        )}
        .
      </p>
    </section>
  );
}
