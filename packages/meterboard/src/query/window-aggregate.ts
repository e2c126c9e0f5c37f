import type { Frame } from '../collect/frame.js';
import { RouteAccumulator } from './route-accumulator.js';
import { ServerActionAccumulator } from './server-action-accumulator.js';
import { hostKey, OutgoingAccumulator } from './outgoing-accumulator.js';
import type { WindowFrames } from './window-frames.js';

/** A window's HTTP and server action series added up: per method and route, in total, per action. */
export interface WindowAggregate {
  /** By routeKey(method, route). */
  readonly routes: Map<string, RouteAccumulator>;
  readonly total: RouteAccumulator;
  /** By action name. */
  readonly serverActions: Map<string, ServerActionAccumulator>;
  /** Outgoing calls by hostKey(host, port). */
  readonly outgoing: Map<string, OutgoingAccumulator>;
  /** Errors by error group key. */
  readonly errors: Map<string, number>;
  /** Seconds of history the frames hold. */
  coveredSeconds: number;
}

/** Key of a method and route template (undefined: the requests that matched no route) in WindowAggregate.routes. */
export function routeKey(method: string, route: string | undefined): string {
  return `${method} ${route ?? ''}`;
}

// The complete frames' part by ring; it changes only when a frame completes (ring.version), which
// for the 1 h window is once a minute, so a poll adds up one frame instead of sixty-one.
const completeParts = new WeakMap<WindowFrames, { version: number; aggregate: WindowAggregate }>();

/**
 * The window's series added up, to be read (and added to) by one answer: a copy of the cached sum
 * of its complete frames with the frame in progress added. Pure apart from that cache.
 */
export function windowAggregate(frames: WindowFrames): WindowAggregate {
  const current = frames.currentFrame();
  const aggregate = copyOf(completePart(frames));
  if (current) addFrame(aggregate, current);
  return aggregate;
}

/**
 * One method and route template of windowAggregate(frames), and the seconds the window covers,
 * without copying the other rows: what a route's page reads.
 */
export function windowRoute(frames: WindowFrames, method: string, route: string | undefined): { row: RouteAccumulator; coveredSeconds: number } {
  const complete = completePart(frames);
  const current = frames.currentFrame();
  const row = complete.routes.get(routeKey(method, route))?.clone() ?? new RouteAccumulator(method, route);
  for (const series of current?.http.values() ?? []) {
    if (series.method === method && series.route === route) row.add(series);
  }
  return { row, coveredSeconds: complete.coveredSeconds + (current?.seconds ?? 0) };
}

// The cached sum of the complete frames, rebuilt when the ring's version moved.
function completePart(frames: WindowFrames): WindowAggregate {
  let cached = completeParts.get(frames);
  if (cached === undefined || cached.version !== frames.version) {
    cached = { version: frames.version, aggregate: aggregateOf(frames.completeFrames()) };
    completeParts.set(frames, cached);
  }
  return cached.aggregate;
}

/** The series of `frames` added up, without any cache (what windowAggregate must equal). */
export function aggregateOf(frames: readonly Frame[]): WindowAggregate {
  const aggregate: WindowAggregate = {
    routes: new Map(),
    total: new RouteAccumulator('', undefined),
    serverActions: new Map(),
    outgoing: new Map(),
    errors: new Map(),
    coveredSeconds: 0,
  };
  for (const frame of frames) addFrame(aggregate, frame);
  return aggregate;
}

function addFrame(aggregate: WindowAggregate, frame: Frame): void {
  aggregate.coveredSeconds += frame.seconds;
  for (const series of frame.http.values()) {
    rowOf(aggregate.routes, routeKey(series.method, series.route), () => new RouteAccumulator(series.method, series.route)).add(series);
    aggregate.total.add(series);
  }
  for (const series of frame.serverActions.values()) {
    rowOf(aggregate.serverActions, series.name, () => new ServerActionAccumulator(series.name, series.file)).add(series);
  }
  for (const series of frame.outgoing.values()) {
    rowOf(aggregate.outgoing, hostKey(series.host, series.port), () => new OutgoingAccumulator(series.host, series.port)).add(series);
  }
  for (const [key, count] of frame.errors) aggregate.errors.set(key, (aggregate.errors.get(key) ?? 0) + count);
}

/** The row under `key`, made by `create` the first time. */
export function rowOf<Row>(rows: Map<string, Row>, key: string, create: () => Row): Row {
  let row = rows.get(key);
  if (row === undefined) {
    row = create();
    rows.set(key, row);
  }
  return row;
}

function copyOf(aggregate: WindowAggregate): WindowAggregate {
  return {
    routes: new Map([...aggregate.routes].map(([key, row]) => [key, row.clone()])),
    total: aggregate.total.clone(),
    serverActions: new Map([...aggregate.serverActions].map(([key, row]) => [key, row.clone()])),
    outgoing: new Map([...aggregate.outgoing].map(([key, row]) => [key, row.clone()])),
    errors: new Map(aggregate.errors),
    coveredSeconds: aggregate.coveredSeconds,
  };
}
