import { LatencyAccumulator } from './latency-accumulator.js';
import type { OutgoingHostStats, RouteOutgoingStats } from './stats-types.js';

/** Key of a host and port in WindowAggregate.outgoing. */
export function hostKey(host: string, port: number | undefined): string {
  return `${host}:${port ?? ''}`;
}

/** Adds up the http.client.request.duration series of one host and port (all outcomes and routes) over a window. */
export class OutgoingAccumulator extends LatencyAccumulator {
  constructor(
    private readonly host: string,
    private readonly port: number | undefined,
  ) {
    super();
  }

  /** A copy that can go on adding without changing this one. */
  clone(): OutgoingAccumulator {
    return new OutgoingAccumulator(this.host, this.port).copyFrom(this);
  }

  /** The row of what was added, over `seconds` of history. */
  toStats(seconds: number): OutgoingHostStats {
    const { requests, requestsPerSecond, errorRate, durationSeconds } = this.summary(seconds);
    return { host: this.host, port: this.port ?? null, calls: requests, callsPerSecond: requestsPerSecond, errorRate, durationSeconds };
  }

  /** The row of one route's calls, with their time as a share of the route's `requestSeconds` (its durations summed). */
  toRouteStats(seconds: number, requestSeconds: number): RouteOutgoingStats {
    return { ...this.toStats(seconds), waitingShare: requestSeconds > 0 ? this.durationSum() / requestSeconds : null };
  }
}
