import 'server-only';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { InstrumentDescriptor, InstrumentStats, MeterIdentity, WindowName } from '../query/stats-types.js';
import type { HttpServerRecorder } from '../record/http-server-metrics.js';
import { type FrameHttpSeries } from './frame.js';
import { FrameRing } from './frame-ring.js';
import { type RuntimeStats } from './runtime-reading.js';
/** How often the history samples, milliseconds; also the step of the shortest window. */
export declare const SAMPLE_INTERVAL_MS = 1000;
/** The history's name as a collection consumer (lib/collect/collection-consumer.ts). */
export declare const HISTORY_CONSUMER = "history";
/** Requests of one HTTP series since the process started. */
export type SeriesTotal = Omit<FrameHttpSeries, 'latency'> & {
    count: number;
};
/**
 * The process's recent metrics, sampled every SAMPLE_INTERVAL_MS: each sample (a tick) holds what
 * happened since the previous one and is merged into one ring of frames per window (WINDOWS), so
 * any window is WINDOW_POINTS frames at its own step, however long it is. Bounded: WINDOWS.length
 * rings of WINDOW_POINTS + 1 frames; a frame holds only the series that changed within it, at most
 * HISTORY_SERIES_PER_INSTRUMENT per instrument.
 */
export declare class History {
    private readonly reader;
    private readonly http;
    private readonly rings;
    private readonly deltas;
    private readonly totals;
    private lastTick;
    private instruments;
    private overflowing;
    private runtimeReading;
    private runtime;
    private collecting;
    constructor(reader: MetricReader, http: HttpServerRecorder, now?: number);
    /** A history that samples in the background from now on. */
    static start(reader: MetricReader, http: HttpServerRecorder): History;
    /** Collects once and merges what happened since the previous sample into every ring. */
    sample(now?: number): Promise<void>;
    /** The frames of a window. */
    ring(window: WindowName): FrameRing;
    /** Requests of every HTTP series since the process started, by series key. */
    seriesTotals(): ReadonlyMap<string, SeriesTotal>;
    /** Every SDK instrument seen so far, by instrument key. */
    descriptors(): ReadonlyMap<string, InstrumentDescriptor>;
    /** The app's own instruments (not meterboard's) with their values at the latest sample. */
    latestInstruments(): readonly InstrumentStats[];
    /** The instruments past their cardinality limit at the latest sample. */
    overflowingInstruments(): ReadonlyArray<MeterIdentity & {
        name: string;
    }>;
    /** Runtime health over the latest sampling interval; null before the second sample. */
    latestRuntime(): RuntimeStats | null;
    private addToTotals;
}
