import { BASE_PATH } from '../base-path.js';

/** What the dashboard shows before the app has served any measured request. */
export function EmptyState() {
  return (
    <section className="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No traffic yet</h2>
      <p>
        This dashboard shows the requests this app serves. None has been measured since the server started (the dashboard, its own
        endpoints and /metrics are not counted).
      </p>
      <p>
        Open a page of the app, for example <a href={`${BASE_PATH}/`}>its home page</a>, and it appears here within a second.
      </p>
    </section>
  );
}
