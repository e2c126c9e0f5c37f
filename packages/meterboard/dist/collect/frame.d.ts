import type { Attributes } from '@opentelemetry/api';
import type { AttributeSet, MeterIdentity } from '../query/stats-types.js';
import { type LatencyHistogram } from './latency-histogram.js';
/** One http.server.request.duration series over one frame. */
export interface FrameHttpSeries {
    readonly method: string;
    /** Undefined for requests that matched no route. */
    readonly route: string | undefined;
    /** Undefined when the client left before a status was sent. */
    readonly status: number | undefined;
    readonly errorType: string | undefined;
    /** The frame's durations, seconds; its count and sum are the frame's. */
    readonly latency: LatencyHistogram;
}
/** One next.server_action.duration series (an action and an outcome) over one frame. */
export interface FrameServerActionSeries {
    /** The action's exported name (code.function.name); _OTHER for ids the build does not know. */
    readonly name: string;
    /** The file that defines it (code.file.path); undefined for _OTHER. */
    readonly file: string | undefined;
    readonly errorType: string | undefined;
    /** The frame's durations, seconds. */
    readonly latency: LatencyHistogram;
}
/** What one series of an SDK instrument did over one frame. */
export type InstrumentValue = 
/** Counter: the increase; up-down counter and gauge: the last value. */
{
    readonly attributes: AttributeSet;
    value: number;
}
/** Histogram: the recordings that fell within the frame. */
 | {
    readonly attributes: AttributeSet;
    count: number;
    sum: number;
    readonly boundaries: readonly number[];
    readonly bucketCounts: number[];
};
/** Kinds of instrument, as the dashboard charts them. */
export type InstrumentKind = 'counter' | 'up-down-counter' | 'gauge' | 'histogram';
/** One SDK instrument over one frame, by series key (its attribute set as JSON). */
export interface InstrumentFrame {
    readonly kind: InstrumentKind;
    readonly series: Map<string, InstrumentValue>;
}
/**
 * Everything the history keeps of one step of time: the sampler makes one per sampling interval
 * (a tick) and merges ticks into the frames of each window's ring.
 */
export interface Frame {
    /** Epoch milliseconds: a tick's start (the end of the tick before it), or for a ring's frame the start of its step. */
    readonly start: number;
    /** Epoch milliseconds of the last tick merged in. */
    end: number;
    /** Seconds of sampling the frame holds (the sum of its ticks' intervals). */
    seconds: number;
    /** By series key (the attribute set as JSON). */
    readonly http: Map<string, FrameHttpSeries>;
    /** By series key (the attribute set as JSON). */
    readonly serverActions: Map<string, FrameServerActionSeries>;
    /** http.server.active_requests at `end`. */
    activeRequests: number;
    /** By instrument key (meter and name, see instrumentKey). */
    readonly instruments: Map<string, InstrumentFrame>;
}
/** A frame that holds nothing yet. */
export declare function emptyFrame(start: number): Frame;
/** Key of an instrument in Frame.instruments: the SDK's meter identity (name, version, schema URL) and the instrument's name. */
export declare function instrumentKey(meter: MeterIdentity, name: string): string;
/** The identity of the meter that reported `scope`, its empty version and schema URL left out. */
export declare function meterIdentityOf(scope: {
    name: string;
    version?: string;
    schemaUrl?: string;
}): MeterIdentity;
/** The frame's view of a drained series of meterboard's HTTP recorder. */
export declare function frameHttpSeries(attributes: Attributes, latency: LatencyHistogram): FrameHttpSeries;
/** The frame's view of a drained series of next.server_action.duration. */
export declare function frameServerActionSeries(attributes: Attributes, latency: LatencyHistogram): FrameServerActionSeries;
/**
 * Adds a later frame (usually a tick) into `into`: durations and counts add up, values of
 * up-down counters and gauges are replaced by the later ones. Never keeps a reference to `from`'s
 * mutable parts, so `from` can be merged into several frames.
 */
export declare function mergeFrame(into: Frame, from: Frame): void;
/** Adds a later value of a series into `into` and returns it: counts add up, and so do counter increases; other values are replaced. */
export declare function addInstrumentValue(kind: InstrumentKind, into: InstrumentValue, from: InstrumentValue): InstrumentValue;
