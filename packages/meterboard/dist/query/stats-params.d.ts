import type { AttributeFilter, MeterIdentity, WindowInfo } from './stats-types.js';
/** Parsed query of GET /api/stats. */
export interface StatsParams {
    window: WindowInfo;
    /** Epoch milliseconds: only chart points that start after it. */
    since: number | undefined;
}
/** Parsed query of GET /api/stats/route. */
export interface RouteStatsParams extends StatsParams {
    method: string;
    /** Route template; undefined for the requests that matched no route (`route=` empty). */
    route: string | undefined;
}
/** Parsed query of GET /api/stats/instrument. */
export interface InstrumentStatsParams extends StatsParams {
    /** Undefined: only the list of instruments. */
    instrument: (MeterIdentity & {
        name: string;
    }) | undefined;
    groupBy: string | undefined;
    filters: AttributeFilter[];
}
/** The query of GET /api/stats, or a message naming the bad parameter. */
export declare function parseStatsParams(query: URLSearchParams): StatsParams | {
    error: string;
};
/**
 * The query of GET /api/stats/route, or a message naming the bad or missing parameter. A method or
 * route nobody has requested is not an error: it has no requests yet.
 */
export declare function parseRouteStatsParams(query: URLSearchParams): RouteStatsParams | {
    error: string;
};
/**
 * The query of GET /api/stats/instrument, or a message naming the bad parameter. `meter` and `name`
 * come together or not at all; an instrument no meter has (yet) is not an error. `filter` may repeat.
 */
export declare function parseInstrumentStatsParams(query: URLSearchParams): InstrumentStatsParams | {
    error: string;
};
