import 'server-only';
import { logOnce } from '../log-once.js';
import { SourceError } from './source-error.js';

/** A Prometheus query that failed: the server was unreachable, or it refused the query; the message says which. */
export class PrometheusQueryError extends SourceError {
  override name = 'PrometheusQueryError';

  constructor(message: string) {
    super(502, 'prometheus_unavailable', message);
  }
}

/** One series of an instant vector: its labels and its value. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query: its labels and its values by evaluation time (epoch seconds). */
export interface RangeSeries {
  labels: Record<string, string>;
  values: Array<[time: number, value: number]>;
}

// https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats
interface ApiResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }> };
}

/** How long one query may take before the dashboard's poll gives up on it, milliseconds. */
export const PROMETHEUS_QUERY_TIMEOUT_MS = 5_000;

/** A client of a Prometheus server's HTTP query API. */
export class PrometheusClient {
  constructor(private readonly baseUrl: string) {}

  /** The instant vector of `query` at `time` (epoch seconds). */
  async instant(query: string, time: number): Promise<InstantSample[]> {
    const result = await this.call('/api/v1/query', { query, time: String(time) });
    return result.map(({ metric, value }) => ({ labels: metric, value: Number(value?.[1]) }));
  }

  /** The range vector of `query` evaluated every `stepSeconds` from `start` to `end` (epoch seconds). */
  async range(query: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]> {
    const result = await this.call('/api/v1/query_range', { query, start: String(start), end: String(end), step: String(stepSeconds) });
    return result.map(({ metric, values }) => ({ labels: metric, values: (values ?? []).map(([time, value]) => [time, Number(value)]) }));
  }

  private async call(path: string, parameters: Record<string, string>) {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(parameters),
        signal: AbortSignal.timeout(PROMETHEUS_QUERY_TIMEOUT_MS),
      });
    } catch (error) {
      // The address stays in the server's log; the browser learns only which variable to check.
      const { cause } = error as { cause?: { code?: string; message?: string } };
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      logOnce(`prometheus-unreachable ${reason}`, `Prometheus at ${this.baseUrl} did not answer (${reason})`);
      throw new PrometheusQueryError(`The Prometheus server in PROMETHEUS_URL did not answer (${reason}); the server log has the address.`);
    }
    const body = (await response.json().catch(() => undefined)) as ApiResponse | undefined;
    if (!response.ok || body?.status !== 'success' || !body.data) {
      logOnce(`prometheus-refused ${response.status}`, `Prometheus at ${this.baseUrl} refused a query (HTTP ${response.status}): ${body?.error ?? 'no error message'}`);
      throw new PrometheusQueryError(`The Prometheus server in PROMETHEUS_URL refused a query (HTTP ${response.status}): ${body?.error ?? 'no error message'}.`);
    }
    return body.data.result;
  }
}
