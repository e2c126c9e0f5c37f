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

// The complete frames' part by ring, kept as the ring moves on: the frames that completed since are
// added and those that left the window subtracted, so a step costs two frames of work however many
// the window holds (the 1m window's step is every second).
interface CompletePart {
  /** The ring's version when `frames` became its complete frames; undefined while catching up. */
  version: number | undefined;
  /** The frames added up, oldest first; while catching up, they may lack the newest. */
  readonly frames: Frame[];
  readonly aggregate: WindowAggregate;
  /** Frames were subtracted since the part was last caught up. */
  subtracted: boolean;
}

const completeParts = new WeakMap<WindowFrames, CompletePart>();

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

// The sum of the complete frames, caught up with the ring in one go.
function completePart(frames: WindowFrames): WindowAggregate {
  catchUp(frames, Infinity);
  return completeParts.get(frames)!.aggregate;
}

/**
 * Moves the window's sum of complete frames towards the ring's by at most `maxFrames` frames added
 * or subtracted; true once it is there. In slices, so that no one answer blocks the event loop for
 * long (prepareWindow); windowAggregate catches up with whatever is left.
 */
export function catchUp(frames: WindowFrames, maxFrames: number): boolean {
  let part = completeParts.get(frames);
  if (part?.version === frames.version) return true;
  const complete = frames.completeFrames();
  const present = new Set(complete);
  if (part === undefined || !slidesTo(part, complete, present)) part = newPart(frames);
  part.version = undefined;
  let budget = maxFrames;
  for (; budget > 0 && part.frames.length > 0 && !present.has(part.frames[0]); budget--) {
    subtractFrame(part.aggregate, part.frames.shift()!);
    part.subtracted = true;
  }
  if (budget === 0) return false;
  // A frame of extreme durations made what is left coarser than its frames are, and has left.
  if (part.subtracted && isCoarse(part.aggregate)) part = newPart(frames);
  part.subtracted = false;
  for (; budget > 0 && part.frames.length < complete.length; budget--) {
    const frame = complete[part.frames.length];
    addFrame(part.aggregate, frame);
    part.frames.push(frame);
  }
  if (part.frames.length < complete.length) return false;
  // Added up in the same order as aggregateOf, so the two agree to the last bit.
  part.aggregate.coveredSeconds = complete.reduce((seconds, frame) => seconds + frame.seconds, 0);
  part.version = frames.version;
  return true;
}

/**
 * Whether `part` becomes `complete` by losing some oldest frames and gaining some newest; not when
 * the ring dropped newer frames (the clock stepped back), which are added up again from none.
 */
function slidesTo(part: CompletePart, complete: readonly Frame[], present: ReadonlySet<Frame>): boolean {
  const firstStaying = part.frames.findIndex((frame) => present.has(frame));
  return firstStaying === -1 || part.frames.slice(firstStaying).every((frame, i) => frame === complete[i]);
}

function newPart(frames: WindowFrames): CompletePart {
  const part: CompletePart = { version: undefined, frames: [], aggregate: aggregateOf([]), subtracted: false };
  completeParts.set(frames, part);
  return part;
}

// Every route's durations are in the total, so if no route went coarse, the total did not either.
function isCoarse(aggregate: WindowAggregate): boolean {
  return aggregate.total.isCoarse() || [...aggregate.serverActions.values(), ...aggregate.outgoing.values()].some((row) => row.isCoarse());
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

// Undoes addFrame(aggregate, frame) for the oldest frame added: rows left with no series go.
function subtractFrame(aggregate: WindowAggregate, frame: Frame): void {
  for (const series of frame.http.values()) {
    subtractFrom(aggregate.routes, routeKey(series.method, series.route), series);
    aggregate.total.subtract(series);
  }
  for (const series of frame.serverActions.values()) subtractFrom(aggregate.serverActions, series.name, series);
  for (const series of frame.outgoing.values()) subtractFrom(aggregate.outgoing, hostKey(series.host, series.port), series);
  for (const [key, count] of frame.errors) {
    const left = aggregate.errors.get(key)! - count;
    if (left === 0) aggregate.errors.delete(key);
    else aggregate.errors.set(key, left);
  }
}

function subtractFrom<Series>(rows: Map<string, { subtract(series: Series): void; isEmpty(): boolean }>, key: string, series: Series): void {
  const row = rows.get(key)!;
  row.subtract(series);
  if (row.isEmpty()) rows.delete(key);
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
