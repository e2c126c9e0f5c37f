import type { FrameHttpSeries } from '../collect/frame.js';
import { LatencyAccumulator } from './latency-accumulator.js';
import type { RouteStats } from './stats-types.js';
/** Adds up the HTTP series of one method and route template (or of all of them) over a window. */
export declare class RouteAccumulator extends LatencyAccumulator {
    private readonly method;
    /** Undefined for requests that matched no route. */
    private readonly route;
    /** Requests since the process started; the caller adds them from the history's series totals. */
    requestsSinceStart: number;
    private statusCodes;
    constructor(method: string, 
    /** Undefined for requests that matched no route. */
    route: string | undefined);
    /** A copy that can go on adding without changing this one. */
    clone(): RouteAccumulator;
    /** Counts a series' requests of one frame: by status code, as errors (5xx, aborted), and their durations. */
    add(series: FrameHttpSeries): void;
    /** The row of what was added, over `seconds` of history. */
    toRouteStats(seconds: number): RouteStats;
}
