// What OTEL_METRICS_EXPORTER and the periodic reader's and OTLP exporter's variables say, parsed
// from the environment lib/config.ts hands over. Following the specification
// (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/), a value that
// cannot be used is warned about and replaced by its default: a push setting never turns metrics off.
// meterboard serves /metrics by default; the specification's default, otlp, would push to a
// collector most development machines do not run.
const DEFAULT_EXPORTERS = 'prometheus';
const KNOWN_EXPORTERS = new Set(['prometheus', 'otlp', 'console', 'none']);
const DEFAULT_EXPORT_INTERVAL_MS = 60_000;
const DEFAULT_EXPORT_TIMEOUT_MS = 30_000;
const DEFAULT_OTLP_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_OTLP_BASE_ENDPOINT = 'http://localhost:4318';
/** Parses OTEL_METRICS_EXPORTER and the settings of the exporters it names; never throws. */
export function parseExporters(env, warnings) {
    const names = new Set((env.OTEL_METRICS_EXPORTER?.trim() || DEFAULT_EXPORTERS)
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== ''));
    for (const name of names) {
        if (!KNOWN_EXPORTERS.has(name))
            warnings.push(`OTEL_METRICS_EXPORTER names "${name}", which meterboard does not know; it is ignored (known: prometheus, otlp, console, none).`);
    }
    // As the JavaScript SDK does: none turns every exporter off, whatever else is named.
    if (names.has('none')) {
        if (names.size > 1)
            warnings.push(`OTEL_METRICS_EXPORTER=${JSON.stringify(env.OTEL_METRICS_EXPORTER)} names none: no exporter is used.`);
        names.clear();
    }
    const exportIntervalMs = parseMilliseconds(env, 'OTEL_METRIC_EXPORT_INTERVAL', DEFAULT_EXPORT_INTERVAL_MS, warnings);
    let exportTimeoutMs = parseMilliseconds(env, 'OTEL_METRIC_EXPORT_TIMEOUT', DEFAULT_EXPORT_TIMEOUT_MS, warnings);
    if (exportTimeoutMs > exportIntervalMs) {
        // Like the SDK's reader; said out loud only when both were set.
        if (env.OTEL_METRIC_EXPORT_TIMEOUT?.trim())
            warnings.push(`OTEL_METRIC_EXPORT_TIMEOUT (${exportTimeoutMs} ms) exceeds OTEL_METRIC_EXPORT_INTERVAL (${exportIntervalMs} ms); the interval is used.`);
        exportTimeoutMs = exportIntervalMs;
    }
    return {
        prometheus: names.has('prometheus'),
        otlp: names.has('otlp') ? parseOtlp(env, exportTimeoutMs, warnings) : undefined,
        console: names.has('console'),
        exportIntervalMs,
        exportTimeoutMs,
    };
}
function parseOtlp(env, exportTimeoutMs, warnings) {
    const protocolVariable = env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
    const protocol = env[protocolVariable]?.trim() || 'http/protobuf';
    if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
        warnings.push(`OTLP export is off: ${protocolVariable}=${JSON.stringify(protocol)} is not supported; use http/protobuf or http/json.`);
        return undefined;
    }
    const endpoint = otlpEndpoint(env, warnings);
    if (endpoint === undefined)
        return undefined;
    const timeoutVariable = env.OTEL_EXPORTER_OTLP_METRICS_TIMEOUT?.trim() ? 'OTEL_EXPORTER_OTLP_METRICS_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
    const requestTimeoutMs = Math.min(parseMilliseconds(env, timeoutVariable, DEFAULT_OTLP_REQUEST_TIMEOUT_MS, warnings), exportTimeoutMs);
    return { protocol, endpointForLog: `${endpoint.origin}${endpoint.pathname}`, requestTimeoutMs };
}
// https://opentelemetry.io/docs/specs/otel/protocol/exporter/#endpoint-urls-for-otlphttp: the
// signal's own variable is used as is, the shared one gets v1/metrics appended.
function otlpEndpoint(env, warnings) {
    const own = env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT?.trim();
    const [variable, url] = own
        ? ['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', own]
        : ['OTEL_EXPORTER_OTLP_ENDPOINT', `${(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || DEFAULT_OTLP_BASE_ENDPOINT).replace(/\/+$/, '')}/v1/metrics`];
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:')
        return parsed;
    // The value is not repeated: it may hold credentials.
    warnings.push(`OTLP export is off: ${variable} is not an http:// or https:// URL.`);
    return undefined;
}
function parseMilliseconds(env, name, fallback, warnings) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '')
        return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (value > 0)
        return value;
    warnings.push(`${name}=${JSON.stringify(env[name])} is not a whole number of milliseconds greater than 0; the default, ${fallback}, is used.`);
    return fallback;
}
