import { messageOf, normaliseMessage, stackOf } from './error-message.js';

/** Most error groups a process keeps, the overflow group (OVERFLOW_ERROR_TYPE) included, which holds the errors of every later one. */
export const MAX_ERROR_GROUPS = 100;

/** Longest raw message read off an error, characters: the rest is not normalised nor kept. */
const MAX_RAW_MESSAGE_LENGTH = 2_000;

/** error.type of the overflow group, which holds every error past MAX_ERROR_GROUPS groups. */
export const OVERFLOW_ERROR_TYPE = '_OTHER';

/** One error a request failed with, as onRequestError reports it. */
export interface ErrorOccurrence {
  /** http.request.method of the request; undefined when the request is not known (an error in proxy.ts). */
  readonly method: string | undefined;
  /** The route template; undefined for a request that matched no route. */
  readonly route: string | undefined;
  /** The server action the request ran (its exported name); undefined for other requests. */
  readonly serverAction: string | undefined;
  /** The exception's type, as error.type has it (exceptionTypeOf). */
  readonly errorType: string;
  readonly error: unknown;
}

/** The errors of one bug: same request method, route, server action, type and normalised message. */
export interface ErrorGroup {
  /** Identifies the group in Frame.errors. */
  readonly key: string;
  readonly method: string | undefined;
  readonly route: string | undefined;
  readonly serverAction: string | undefined;
  readonly errorType: string;
  /** The message with numbers and ids folded (normaliseMessage). */
  readonly message: string;
  /** Errors since the process started. */
  count: number;
  /** Epoch milliseconds. */
  readonly firstSeen: number;
  /** Epoch milliseconds. */
  lastSeen: number;
  /** The latest error's own message and stack trace, unfolded: dashboard only, never an attribute. */
  latestMessage: string;
  latestStack: string | undefined;
}

/**
 * The process's request errors grouped so that one bug is one group, bounded to MAX_ERROR_GROUPS
 * groups (the rest share one overflow group), with the count of each since the last drain for the
 * history's windows.
 */
export class ErrorGroups {
  private readonly groups = new Map<string, ErrorGroup>();
  private counts = new Map<string, number>();

  /** Adds one error to its group, which it creates if the bound allows. */
  record(occurrence: ErrorOccurrence, now = Date.now()): ErrorGroup {
    const rawMessage = messageOf(occurrence.error).slice(0, MAX_RAW_MESSAGE_LENGTH);
    const message = normaliseMessage(rawMessage);
    const { method, route, serverAction, errorType } = occurrence;
    let key = [method ?? '', route ?? '', serverAction ?? '', errorType, message].join('\n');
    let group = this.groups.get(key);
    if (group === undefined) {
      // The overflow group takes the last place, as otel.metric.overflow does in a series limit.
      if (this.groups.size >= MAX_ERROR_GROUPS - 1) {
        key = OVERFLOW_ERROR_TYPE;
        group = this.groups.get(key);
      }
      group ??= this.newGroup(key, key === OVERFLOW_ERROR_TYPE ? overflowOccurrence : occurrence, message, now);
    }
    group.count++;
    group.lastSeen = now;
    group.latestMessage = rawMessage;
    group.latestStack = stackOf(occurrence.error);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return group;
  }

  /** Errors per group key since the previous call. */
  drain(): Map<string, number> {
    const counts = this.counts;
    this.counts = new Map();
    return counts;
  }

  /** Every group, by key. */
  all(): ReadonlyMap<string, ErrorGroup> {
    return this.groups;
  }

  private newGroup(key: string, occurrence: Omit<ErrorOccurrence, 'error'>, message: string, now: number): ErrorGroup {
    const group: ErrorGroup = {
      key,
      method: occurrence.method,
      route: occurrence.route,
      serverAction: occurrence.serverAction,
      errorType: occurrence.errorType,
      message: key === OVERFLOW_ERROR_TYPE ? `errors past the first ${MAX_ERROR_GROUPS - 1} groups` : message,
      count: 0,
      firstSeen: now,
      lastSeen: now,
      latestMessage: '',
      latestStack: undefined,
    };
    this.groups.set(key, group);
    return group;
  }
}

const overflowOccurrence = { method: undefined, route: undefined, serverAction: undefined, errorType: OVERFLOW_ERROR_TYPE };
