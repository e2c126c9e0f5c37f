import type { SeriesTotal } from '../collect/history.js';
import type { RuntimeStats } from '../collect/runtime-reading.js';
import type { InstrumentStats, MeterIdentity, Stats, WindowInfo } from './stats-types.js';
import { type WindowFrames } from './window-frames.js';
/** What buildStats needs to know about the process besides its frames. */
export interface StatsContext {
    serviceName: string;
    instanceId: string;
    /** Epoch milliseconds. */
    startTime: number;
    /** Epoch milliseconds. */
    now: number;
    window: WindowInfo;
    /** Only points that start after this (epoch milliseconds); undefined for all of them. */
    since: number | undefined;
    seriesTotals: ReadonlyMap<string, SeriesTotal>;
    runtime: RuntimeStats | null;
    instruments: readonly InstrumentStats[];
    overflowingInstruments: ReadonlyArray<MeterIdentity & {
        name: string;
    }>;
}
/**
 * The /api/stats body for a window: totals and routes over all its frames, and the chart points
 * the client does not have yet. Pure, apart from caching what complete frames add up to and their
 * points (complete frames no longer change).
 */
export declare function buildStats(frames: WindowFrames, context: StatsContext): Stats;
