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

/** What decides an instrument's Prometheus name besides its own: its unit and what kind of data it is. */
export interface NameContext {
  /** The instrument's unit (UCUM, as OpenTelemetry writes it: `s`, `By`, `{request}`, `1`). */
  unit: string;
  /** A monotonic sum (a counter): the name ends in `_total`. */
  monotonicSum: boolean;
  /** A gauge: the unit `1` is `ratio`. */
  gauge: boolean;
}

/**
 * The Prometheus family name of an instrument, as the OpenTelemetry–Prometheus compatibility
 * specification builds it (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/#metric-metadata-1)
 * and so as an OTLP push lands in Prometheus or a Collector: sanitized, `_` before a leading digit,
 * the unit as a suffix in words (`_seconds`, `_bytes`; `{…}` annotations dropped) unless the name
 * already ends with it, then `_total` after a counter; undefined when nothing valid is left.
 */
export function prometheusMetricName(name: string, { unit, monotonicSum, gauge }: NameContext): string | undefined {
  // The exporter escapes a metric name's backslashes and newlines before sanitizing it (a label key's it does not).
  let family = sanitize(name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n'));
  if (family === '' || family === '_') return undefined;
  if (family[0] >= '0' && family[0] <= '9') family = `_${family}`;
  // The unit comes before the type's suffix: `jobs_total` in seconds is `jobs_seconds_total`.
  if (monotonicSum && family.endsWith('_total')) family = family.slice(0, -'_total'.length);
  const suffix = unitSuffix(unit, gauge);
  if (suffix !== '' && !family.endsWith(`_${suffix}`)) family += `_${suffix}`;
  return monotonicSum ? `${family}_total` : family;
}

// https://github.com/open-telemetry/opentelemetry-collector-contrib/blob/main/pkg/translator/prometheus/normalize_name.go
const UNIT_WORDS: Readonly<Record<string, string>> = {
  d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds',
  By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes', TiBy: 'tibibytes',
  KBy: 'kilobytes', MBy: 'megabytes', GBy: 'gigabytes', TBy: 'terabytes',
  m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius', Hz: 'hertz', '%': 'percent',
};
const PER_UNIT_WORDS: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };

/** The name suffix of a UCUM unit: `s` → `seconds`, `By/s` → `bytes_per_second`, `{request}` → nothing, `1` → `ratio` for a gauge. */
export function unitSuffix(unit: string, gauge: boolean): string {
  const bare = unit.replace(/\{[^}]*\}/g, '').trim();
  if (bare === '') return '';
  if (bare === '1') return gauge ? 'ratio' : '';
  const [main, per] = bare.split('/', 2);
  const words = [main === '' ? '' : (UNIT_WORDS[main] ?? main), per === undefined || per === '' ? '' : `per_${PER_UNIT_WORDS[per] ?? per}`];
  return sanitize(words.filter((word) => word !== '').join('_')).replace(/^_+|_+$/g, '');
}
