import { LatencyAccumulator } from './latency-accumulator.js';
import type { ServerActionStats } from './stats-types.js';

/** Adds up the next.server_action.duration series of one action (all its outcomes) over a window. */
export class ServerActionAccumulator extends LatencyAccumulator {
  constructor(
    private readonly name: string,
    private readonly file: string | undefined,
  ) {
    super();
  }

  /** A copy that can go on adding without changing this one. */
  clone(): ServerActionAccumulator {
    return new ServerActionAccumulator(this.name, this.file).copyFrom(this);
  }

  /** The row of what was added, over `seconds` of history. */
  toStats(seconds: number): ServerActionStats {
    return { name: this.name, file: this.file ?? null, ...this.summary(seconds) };
  }
}
