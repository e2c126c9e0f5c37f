import 'server-only';
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
import type { Attributes, Meter } from '@opentelemetry/api';
import type { DurationHistogram, DurationHistograms } from './duration-histograms.js';
import { type DrainedSeries, type RecordedSeries } from './recorded-series.js';
/**
 * Whether a request path (with the app's basePath) is one of `prefixes` (without it) or lies below
 * one: `/meterboard` matches `/meterboard` and `/meterboard/api/stats`, not `/meterboards`.
 */
export declare function pathMatcher(prefixes: readonly string[], basePath?: string): (path: string) => boolean;
/** What meterboard keeps about one request in flight. */
export interface RequestState {
    /** performance.now() when the server received the request, milliseconds. */
    readonly startTime: number;
    readonly attributes: AttributeCache;
    /** Extra attributes added while serving (see withRouteMetrics); semconv attributes win on conflict. */
    extraAttributes: Attributes | undefined;
    /** The Next-Action header of a POST: the server action it runs, unverified client input. */
    readonly serverActionId: string | undefined;
    /** The status line's code, set when the headers were written; undefined while none was. */
    sentStatus: number | undefined;
    readonly response: ServerResponse;
    /** Set once the request is recorded, by whichever 'close' came first. */
    ended: boolean;
}
interface Options {
    meter: Meter;
    /** Where the duration histograms go: the MetricProducer of meterboard's reader(s). */
    durationHistograms: DurationHistograms;
    /** Path prefixes not measured, without basePath (Config.excludedPaths). */
    excludedPaths: readonly string[];
    /** next.config's basePath ('' for none): every request path starts with it. */
    basePath: string;
    /** Entered for every measured request when given, for setRequestAttributes; undefined costs nothing. */
    requestContext: AsyncLocalStorage<RequestState> | undefined;
}
/** What instrumentHttpServer hands to the history. */
export interface HttpServerRecorder {
    /**
     * The series that recorded anything since the previous call, each with a fresh histogram from
     * now on: http.server.request.duration's (semconv attributes, without withRouteMetrics extras)
     * and next.server_action.duration's.
     */
    drain(): {
        http: DrainedSeries[];
        serverActions: DrainedSeries[];
    };
}
/**
 * Measures every request the process's HTTP servers receive: http.server.request.duration and
 * http.server.active_requests, labelled with Next's route template, and next.server_action.duration
 * for the requests that run a server action. Patches Server#emit('request') once per process, so it
 * sees requests before Next does and responses after they are closed, and ServerResponse#writeHead,
 * so the status recorded is the one the status line carried.
 *
 * Each duration is recorded twice, both through the series cached for its attributes, so no
 * measurement hashes attributes (FIELD-NOTES, "sdk-metrics 2.x cost model"): into the series'
 * cumulative semconv explicit buckets, which the reader collects from durationHistograms (a
 * MetricProducer) for /metrics, and into its base-2 exponential histogram for the dashboard's
 * percentiles. Only requests with extra attributes (setRequestAttributes) hash those extras.
 */
export declare function instrumentHttpServer({ meter, durationHistograms, excludedPaths, basePath, requestContext }: Options): HttpServerRecorder;
/**
 * The series of one method and scheme, built once per (route, status) and reused, so recording
 * allocates nothing for the common case.
 */
declare class AttributeCache {
    private readonly histogram;
    /** Attributes of http.server.active_requests. */
    readonly active: Attributes;
    /** Requests of this method and scheme in flight. */
    activeCount: number;
    private readonly byRoute;
    constructor(method: string, scheme: string, histogram: DurationHistogram);
    forResponse(route: string | undefined, status: number | undefined, aborted: boolean): RecordedSeries;
}
export {};
