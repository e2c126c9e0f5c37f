import { LatencyAccumulator } from './latency-accumulator.js';
import type { ServerActionStats } from './stats-types.js';
/** Adds up the next.server_action.duration series of one action (all its outcomes) over a window. */
export declare class ServerActionAccumulator extends LatencyAccumulator {
    private readonly name;
    private readonly file;
    constructor(name: string, file: string | undefined);
    /** A copy that can go on adding without changing this one. */
    clone(): ServerActionAccumulator;
    /** The row of what was added, over `seconds` of history. */
    toStats(seconds: number): ServerActionStats;
}
