/** What a polling page shows before its first answer: that it is loading, or why the poll failed. */
export function PollPlaceholder({ source, error }: { source: string; error: Error | undefined }) {
  return error ? (
    <p role="alert" className="error">
      Cannot load {source}: {error.message}
    </p>
  ) : (
    <p role="status" className="muted">
      Loading metrics…
    </p>
  );
}
