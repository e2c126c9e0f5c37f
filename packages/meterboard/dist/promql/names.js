// How OpenTelemetry names become Prometheus ones (metric names as the compatibility specification
// and Prometheus's OTLP translator build them, label names as the exporter does), shared by /metrics
// (lib/serialize/prometheus-text.ts) and the PromQL the dashboard shows. Pure: importable by client components.
const INVALID_NAME_CHARACTERS = /[^a-z0-9_]/gi;
const REPEATED_UNDERSCORES = /_{2,}/g;
/** Invalid characters become `_`, and runs of `_` one. */
function sanitize(name) {
    return name.replace(INVALID_NAME_CHARACTERS, '_').replace(REPEATED_UNDERSCORES, '_');
}
/** The Prometheus label for an attribute key: sanitized, with `_` before a leading digit. */
export function prometheusLabelName(key) {
    const label = sanitize(key);
    return label[0] >= '0' && label[0] <= '9' ? `_${label}` : label;
}
/**
 * The Prometheus family name of an instrument, as the OpenTelemetry–Prometheus compatibility
 * specification builds it (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/#metric-metadata-1)
 * and as Prometheus's OTLP receiver and the Collector do (prometheus/otlptranslator, normalizeName),
 * so one metric has one name whether it was scraped or pushed: the name split into tokens at every
 * character other than `[a-zA-Z0-9:]`, the unit's words added unless a token already is one
 * (`s` → `seconds`, `By/s` → `bytes_per_second`, `{…}` adds nothing), `total` moved to the end of
 * a counter, `ratio` to the end of a gauge in unit `1`, joined with `_`, and `_` before a leading
 * digit; undefined when no token is left.
 */
export function prometheusMetricName(name, { unit, monotonicSum, gauge }) {
    let tokens = name.split(NOT_NAME_CHARACTERS).filter((token) => token !== '');
    if (tokens.length === 0)
        return undefined;
    const [main, per] = unitSuffixes(unit);
    tokens = addUnitTokens(tokens, main, per);
    if (monotonicSum)
        tokens = [...tokens.filter((token) => token !== 'total'), 'total'];
    if (unit === '1' && gauge)
        tokens = [...tokens.filter((token) => token !== 'ratio'), 'ratio'];
    const family = tokens.join('_');
    return family[0] >= '0' && family[0] <= '9' ? `_${family}` : family;
}
const NOT_NAME_CHARACTERS = /[^a-zA-Z0-9:]+/;
// The translator's unitMap and perUnitMap.
const UNIT_WORDS = {
    d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds',
    By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes', TiBy: 'tibibytes',
    KBy: 'kilobytes', MBy: 'megabytes', GBy: 'gigabytes', TBy: 'terabytes',
    m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius', Hz: 'hertz', '1': '', '%': 'percent',
};
const PER_UNIT_WORDS = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };
// The unit's main and "per" suffixes (`By/s` → `bytes`, `per_second`), cleaned to name characters;
// a part with `{…}` in it adds nothing.
function unitSuffixes(unit) {
    const slash = unit.indexOf('/');
    const mainUnit = (slash === -1 ? unit : unit.slice(0, slash)).trim();
    const perUnit = slash === -1 ? '' : unit.slice(slash + 1).trim();
    const main = mainUnit !== '' && !/[{}]/.test(mainUnit) ? (UNIT_WORDS[mainUnit] ?? mainUnit) : '';
    const perWord = perUnit !== '' && !/[{}]/.test(perUnit) ? (PER_UNIT_WORDS[perUnit] ?? perUnit) : '';
    return [cleanUnit(main), cleanUnit(perWord === '' ? '' : `per_${perWord}`)];
}
function cleanUnit(unit) {
    return unit.replace(/[^a-zA-Z0-9:]/g, '_').replace(REPEATED_UNDERSCORES, '_').replace(/^_/, '');
}
// The unit's tokens after the name's, unless the name has them already.
function addUnitTokens(tokens, main, per) {
    let mainSuffix = tokens.includes(main) ? '' : main;
    let perSuffix = per === 'per_' ? '' : per.replace(/_$/, '');
    if (tokens.includes(perSuffix))
        perSuffix = '';
    if (perSuffix !== '')
        mainSuffix = mainSuffix.replace(/_$/, '');
    return [...tokens, ...[mainSuffix, perSuffix].filter((suffix) => suffix !== '')];
}
