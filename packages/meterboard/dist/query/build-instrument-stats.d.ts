import type { StatsContext } from './build-stats.js';
import type { AttributeFilter, AttributeSet, InstrumentDescriptor, InstrumentDetail, MeterIdentity } from './stats-types.js';
import { type WindowFrames } from './window-frames.js';
/** Most values listed per attribute in InstrumentDetail.attributes. */
export declare const MAX_ATTRIBUTE_VALUES = 100;
/** The group of every series when there is no breakdown. */
export declare const ALL_GROUP = "all";
/** The group of the series that lack the breakdown attribute. */
export declare const NOT_SET_GROUP = "(not set)";
/** What buildInstrumentStats needs besides the frames. */
export interface InstrumentStatsContext extends Pick<StatsContext, 'serviceName' | 'instanceId' | 'window' | 'since'> {
    /** Every instrument the history has seen, by instrument key. */
    descriptors: ReadonlyMap<string, InstrumentDescriptor>;
    /** The instrument to show; undefined for the list alone. */
    instrument: (MeterIdentity & {
        name: string;
    }) | undefined;
    /** The attribute to break the series down by; undefined for one group of all of them. */
    groupBy: string | undefined;
    filters: readonly AttributeFilter[];
}
/**
 * The /api/stats/instrument body for a window: the list of every instrument, and the one asked for
 * broken down by an attribute (after the filters) over the window's frames, with the chart points
 * the client does not have yet. Pure.
 */
export declare function buildInstrumentStats(frames: WindowFrames, context: InstrumentStatsContext): InstrumentDetail;
/** An attribute value as the explorer compares and shows it. */
export declare function attributeText(value: AttributeSet[string] | undefined): string | undefined;
