// The exporter's rules for turning OpenTelemetry names into Prometheus ones, shared by /metrics
// (lib/serialize/prometheus-text.ts) and the PromQL the dashboard shows. Pure: importable by client components.

const INVALID_NAME_CHARACTERS = /[^a-z0-9_]/gi;
const REPEATED_UNDERSCORES = /_{2,}/g;

/** Invalid characters become `_`, and runs of `_` one. */
function sanitize(name: string): string {
  return name.replace(INVALID_NAME_CHARACTERS, '_').replace(REPEATED_UNDERSCORES, '_');
}

/** The Prometheus label for an attribute key: sanitized, with `_` before a leading digit. */
export function prometheusLabelName(key: string): string {
  const label = sanitize(key);
  return label[0] >= '0' && label[0] <= '9' ? `_${label}` : label;
}

/**
 * The Prometheus family name of an instrument: sanitized, `_` before a leading digit, `_total` after
 * a monotonic sum (a counter); undefined when nothing valid is left.
 */
export function prometheusMetricName(name: string, monotonicSum: boolean): string | undefined {
  // The exporter escapes a metric name's backslashes and newlines before sanitizing it (a label key's it does not).
  let family = sanitize(name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n'));
  if (family === '' || family === '_') return undefined;
  if (family[0] >= '0' && family[0] <= '9') family = `_${family}`;
  if (monotonicSum && !family.endsWith('_total')) family += '_total';
  return family;
}
