import type { Frame } from '../collect/frame.js';
import { RouteAccumulator } from './route-accumulator.js';
import { ServerActionAccumulator } from './server-action-accumulator.js';
import type { WindowFrames } from './window-frames.js';
/** A window's HTTP and server action series added up: per method and route, in total, per action. */
export interface WindowAggregate {
    /** By routeKey(method, route). */
    readonly routes: Map<string, RouteAccumulator>;
    readonly total: RouteAccumulator;
    /** By action name. */
    readonly serverActions: Map<string, ServerActionAccumulator>;
    /** Seconds of history the frames hold. */
    coveredSeconds: number;
}
/** Key of a method and route template (undefined: the requests that matched no route) in WindowAggregate.routes. */
export declare function routeKey(method: string, route: string | undefined): string;
/**
 * The window's series added up, to be read (and added to) by one answer: a copy of the cached sum
 * of its complete frames with the frame in progress added. Pure apart from that cache.
 */
export declare function windowAggregate(frames: WindowFrames): WindowAggregate;
/**
 * One method and route template of windowAggregate(frames), and the seconds the window covers,
 * without copying the other rows: what a route's page reads.
 */
export declare function windowRoute(frames: WindowFrames, method: string, route: string | undefined): {
    row: RouteAccumulator;
    coveredSeconds: number;
};
/** The series of `frames` added up, without any cache (what windowAggregate must equal). */
export declare function aggregateOf(frames: readonly Frame[]): WindowAggregate;
