import { useDashboardPaths } from './dashboard-paths.js';

/** What a polling page shows before its first answer: that it is loading, or why the poll of `endpoint` failed. */
export function PollPlaceholder({ endpoint, error }: { endpoint: string; error: Error | undefined }) {
  const { api } = useDashboardPaths();
  return error ? (
    <p role="alert" className="error">
      Cannot load {api}/{endpoint}: {error.message}
    </p>
  ) : (
    <p role="status" className="muted">
      Loading metrics…
    </p>
  );
}
