import 'server-only';
import { logOnce } from '../log-once.js';
import { SourceError } from './source-error.js';
/** A Prometheus query that failed: the server was unreachable, or it refused the query; the message says which. */
export class PrometheusQueryError extends SourceError {
    name = 'PrometheusQueryError';
    constructor(message) {
        super(502, 'prometheus_unavailable', message);
    }
}
/** How long one query may take before the dashboard's poll gives up on it, milliseconds. */
export const PROMETHEUS_QUERY_TIMEOUT_MS = 5_000;
/** A client of a Prometheus server's HTTP query API. */
export class PrometheusClient {
    baseUrl;
    constructor(baseUrl) {
        this.baseUrl = baseUrl;
    }
    /** The instant vector of `query` at `time` (epoch seconds). */
    async instant(query, time) {
        const result = await this.call('/api/v1/query', { query, time: String(time) });
        return result.map(({ metric, value }) => ({ labels: metric, value: Number(value?.[1]) }));
    }
    /** The range vector of `query` evaluated every `stepSeconds` from `start` to `end` (epoch seconds). */
    async range(query, start, end, stepSeconds) {
        const result = await this.call('/api/v1/query_range', { query, start: String(start), end: String(end), step: String(stepSeconds) });
        return result.map(({ metric, values }) => ({ labels: metric, values: (values ?? []).map(([time, value]) => [time, Number(value)]) }));
    }
    async call(path, parameters) {
        const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
        let response;
        try {
            response = await fetch(url, {
                method: 'POST',
                body: new URLSearchParams(parameters),
                signal: AbortSignal.timeout(PROMETHEUS_QUERY_TIMEOUT_MS),
            });
        }
        catch (error) {
            // The address stays in the server's log; the browser learns only which variable to check.
            const { cause } = error;
            const reason = cause?.code ?? cause?.message ?? error.message;
            logOnce(`prometheus-unreachable ${reason}`, `Prometheus at ${this.baseUrl} did not answer (${reason})`);
            throw new PrometheusQueryError(`The Prometheus server in PROMETHEUS_URL did not answer (${reason}); the server log has the address.`);
        }
        const body = (await response.json().catch(() => undefined));
        if (!response.ok || body?.status !== 'success' || !body.data) {
            logOnce(`prometheus-refused ${response.status}`, `Prometheus at ${this.baseUrl} refused a query (HTTP ${response.status}): ${body?.error ?? 'no error message'}`);
            throw new PrometheusQueryError(`The Prometheus server in PROMETHEUS_URL refused a query (HTTP ${response.status}): ${body?.error ?? 'no error message'}.`);
        }
        return body.data.result;
    }
}
