import { RouteAccumulator } from './route-accumulator.js';
import { ServerActionAccumulator } from './server-action-accumulator.js';
/** Key of a method and route template (undefined: the requests that matched no route) in WindowAggregate.routes. */
export function routeKey(method, route) {
    return `${method} ${route ?? ''}`;
}
// The complete frames' part by ring; it changes only when a frame completes (ring.version), which
// for the 1 h window is once a minute, so a poll adds up one frame instead of sixty-one.
const completeParts = new WeakMap();
/**
 * The window's series added up, to be read (and added to) by one answer: a copy of the cached sum
 * of its complete frames with the frame in progress added. Pure apart from that cache.
 */
export function windowAggregate(frames) {
    const current = frames.currentFrame();
    const aggregate = copyOf(completePart(frames));
    if (current)
        addFrame(aggregate, current);
    return aggregate;
}
/**
 * One method and route template of windowAggregate(frames), and the seconds the window covers,
 * without copying the other rows: what a route's page reads.
 */
export function windowRoute(frames, method, route) {
    const complete = completePart(frames);
    const current = frames.currentFrame();
    const row = complete.routes.get(routeKey(method, route))?.clone() ?? new RouteAccumulator(method, route);
    for (const series of current?.http.values() ?? []) {
        if (series.method === method && series.route === route)
            row.add(series);
    }
    return { row, coveredSeconds: complete.coveredSeconds + (current?.seconds ?? 0) };
}
// The cached sum of the complete frames, rebuilt when the ring's version moved.
function completePart(frames) {
    let cached = completeParts.get(frames);
    if (cached === undefined || cached.version !== frames.version) {
        cached = { version: frames.version, aggregate: aggregateOf(frames.completeFrames()) };
        completeParts.set(frames, cached);
    }
    return cached.aggregate;
}
/** The series of `frames` added up, without any cache (what windowAggregate must equal). */
export function aggregateOf(frames) {
    const aggregate = { routes: new Map(), total: new RouteAccumulator('', undefined), serverActions: new Map(), coveredSeconds: 0 };
    for (const frame of frames)
        addFrame(aggregate, frame);
    return aggregate;
}
function addFrame(aggregate, frame) {
    aggregate.coveredSeconds += frame.seconds;
    for (const series of frame.http.values()) {
        const key = routeKey(series.method, series.route);
        let row = aggregate.routes.get(key);
        if (row === undefined) {
            row = new RouteAccumulator(series.method, series.route);
            aggregate.routes.set(key, row);
        }
        row.add(series);
        aggregate.total.add(series);
    }
    for (const series of frame.serverActions.values()) {
        let row = aggregate.serverActions.get(series.name);
        if (row === undefined) {
            row = new ServerActionAccumulator(series.name, series.file);
            aggregate.serverActions.set(series.name, row);
        }
        row.add(series);
    }
}
function copyOf(aggregate) {
    return {
        routes: new Map([...aggregate.routes].map(([key, row]) => [key, row.clone()])),
        total: aggregate.total.clone(),
        serverActions: new Map([...aggregate.serverActions].map(([key, row]) => [key, row.clone()])),
        coveredSeconds: aggregate.coveredSeconds,
    };
}
