import 'server-only';
import { SourceError } from './source-error.js';
/** A Prometheus query that failed: the server was unreachable, or it refused the query; the message says which. */
export declare class PrometheusQueryError extends SourceError {
    name: string;
    constructor(message: string);
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
/** How long one query may take before the dashboard's poll gives up on it, milliseconds. */
export declare const PROMETHEUS_QUERY_TIMEOUT_MS = 5000;
/** A client of a Prometheus server's HTTP query API. */
export declare class PrometheusClient {
    private readonly baseUrl;
    constructor(baseUrl: string);
    /** The instant vector of `query` at `time` (epoch seconds). */
    instant(query: string, time: number): Promise<InstantSample[]>;
    /** The range vector of `query` evaluated every `stepSeconds` from `start` to `end` (epoch seconds). */
    range(query: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]>;
    private call;
}
