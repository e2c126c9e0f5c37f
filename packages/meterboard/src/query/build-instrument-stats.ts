import { instrumentKey, type Frame, type InstrumentFrame, type InstrumentKind, type InstrumentValue } from '../collect/frame.js';
import { isOwnScope } from '../collect/instrument-stats.js';
import type { StatsContext } from './build-stats.js';
import { perSecond } from './frame-point.js';
import { createLatencyHistogram, latencyQuantiles, mergeLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram.js';
import { addBucketCounts, histogramQuantile } from './histogram-quantile.js';

const SKETCH_QUANTILES = [0.5, 0.9, 0.99] as const;
import type {
  AttributeFilter,
  AttributeSet,
  AttributeValues,
  BucketBar,
  InstrumentDescriptor,
  InstrumentDetail,
  InstrumentGroupStats,
  InstrumentPoint,
  MeterIdentity,
} from './stats-types.js';
import { allFrames, pointsAfter, type WindowFrames } from './window-frames.js';

/** Most values listed per attribute in InstrumentDetail.attributes. */
export const MAX_ATTRIBUTE_VALUES = 100;

/** The group of every series when there is no breakdown. */
export const ALL_GROUP = 'all';

/** The group of the series that lack the breakdown attribute. */
export const NOT_SET_GROUP = '(not set)';

/** What buildInstrumentStats needs besides the frames. */
export interface InstrumentStatsContext extends Pick<StatsContext, 'serviceName' | 'instanceId' | 'window' | 'since'> {
  /** Every instrument the history has seen, by instrument key. */
  descriptors: ReadonlyMap<string, InstrumentDescriptor>;
  /** The instrument to show; undefined for the list alone. */
  instrument: (MeterIdentity & { name: string }) | undefined;
  /** The attribute to break the series down by; undefined for one group of all of them. */
  groupBy: string | undefined;
  filters: readonly AttributeFilter[];
}

/**
 * The /api/stats/instrument body for a window: the list of every instrument, and the one asked for
 * broken down by an attribute (after the filters) over the window's frames, with the chart points
 * the client does not have yet. Pure.
 */
export function buildInstrumentStats(frames: WindowFrames, context: InstrumentStatsContext): InstrumentDetail {
  const instruments = [...context.descriptors.values()].sort(byListOrder);
  const instrument = context.instrument ? findInstrument(context.descriptors, context.instrument) : null;
  const key = instrument ? instrumentKey(instrument, instrument.name) : undefined;
  const frameOf = (frame: Frame) => (key === undefined ? undefined : frame.instruments.get(key));

  const window = allFrames(frames);
  let coveredSeconds = 0;
  for (const frame of window) coveredSeconds += frame.seconds;

  const select = seriesSelector(context.groupBy, context.filters);
  const groups = new Map<string, GroupAccumulator>();
  const distribution = new BucketAccumulator();
  const catalogue = new AttributeCatalogue();
  for (const frame of window) {
    const instrumentFrame = frameOf(frame);
    if (instrumentFrame === undefined) continue;
    for (const [seriesKey, value] of instrumentFrame.series) {
      catalogue.add(value.attributes);
      const label = select(value.attributes);
      if (label === undefined) continue;
      let group = groups.get(label);
      if (group === undefined) {
        group = new GroupAccumulator(label, isRateKind(instrumentFrame.kind));
        groups.set(label, group);
      }
      group.add(seriesKey, value, frame);
      if ('bucketCounts' in value) distribution.add(value);
    }
  }

  const isRate = instrument !== null && isRateKind(instrument.kind);
  return {
    service: { name: context.serviceName, instanceId: context.instanceId },
    window: context.window,
    instruments,
    instrument,
    coveredSeconds,
    attributes: catalogue.values(),
    groupBy: context.groupBy ?? null,
    filters: [...context.filters],
    groups: [...groups.values()]
      .map((group) => group.toStats(coveredSeconds))
      .sort((a, b) => (isRate ? b.value - a.value : 0) || a.label.localeCompare(b.label)),
    distribution: distribution.bars(),
    points: pointsAfter(frames, context.since, (frame, partial) => instrumentPoint(frame, partial, instrument, frameOf(frame), select)),
    since: context.since ?? null,
    windowStart: frames.windowStart,
  };
}

/** Counters and histograms count events, charted per second; up-down counters and gauges are levels. */
function isRateKind(kind: InstrumentKind): boolean {
  return kind === 'counter' || kind === 'histogram';
}

/**
 * The instrument asked for: the one of exactly that meter identity, or, when the query names no
 * version or schema URL, the only one of that meter name and instrument name (a link written by
 * hand, or from before the meter had a version); null when there is none, or several to choose from.
 */
function findInstrument(descriptors: ReadonlyMap<string, InstrumentDescriptor>, asked: MeterIdentity & { name: string }): InstrumentDescriptor | null {
  const exact = descriptors.get(instrumentKey(asked, asked.name));
  if (exact !== undefined || asked.meterVersion !== undefined || asked.meterSchemaUrl !== undefined) return exact ?? null;
  const named = [...descriptors.values()].filter((descriptor) => descriptor.meter === asked.meter && descriptor.name === asked.name);
  return named.length === 1 ? named[0] : null;
}

/** The app's meters first, then meterboard's own; by meter, then by name. */
function byListOrder(a: InstrumentDescriptor, b: InstrumentDescriptor): number {
  return (
    Number(isOwnScope(a.meter)) - Number(isOwnScope(b.meter)) ||
    a.meter.localeCompare(b.meter) ||
    (a.meterVersion ?? '').localeCompare(b.meterVersion ?? '') ||
    a.name.localeCompare(b.name)
  );
}

/** An attribute value as the explorer compares and shows it. */
export function attributeText(value: AttributeSet[string] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** The group label of a series' attributes, or undefined when a filter rejects it. */
function seriesSelector(groupBy: string | undefined, filters: readonly AttributeFilter[]): (attributes: AttributeSet) => string | undefined {
  return (attributes) => {
    for (const { key, value } of filters) {
      if (attributeText(attributes[key]) !== value) return undefined;
    }
    if (groupBy === undefined) return ALL_GROUP;
    return attributeText(attributes[groupBy]) ?? NOT_SET_GROUP;
  };
}

function instrumentPoint(
  frame: Frame,
  partial: boolean,
  instrument: InstrumentDescriptor | null,
  instrumentFrame: InstrumentFrame | undefined,
  select: (attributes: AttributeSet) => string | undefined,
): InstrumentPoint {
  // No prototype: a group may be called "constructor" or "__proto__".
  const values: Record<string, number> = Object.create(null);
  const buckets = new BucketAccumulator();
  for (const value of instrumentFrame?.series.values() ?? []) {
    const label = select(value.attributes);
    if (label === undefined) continue;
    const amount = 'bucketCounts' in value ? value.count : value.value;
    values[label] = (values[label] ?? 0) + amount;
    if ('bucketCounts' in value) buckets.add(value);
  }
  if (instrument !== null && isRateKind(instrument.kind)) {
    for (const label in values) values[label] = perSecond(values[label], frame.seconds);
  }
  return {
    time: frame.start,
    seconds: frame.seconds,
    partial,
    values,
    percentiles: instrument?.kind === 'histogram' ? buckets.percentiles() : null,
  };
}

/** Adds up the series of one group over a window, frames oldest first. */
class GroupAccumulator {
  /** Counter: the increase; histogram: the count; up-down counter and gauge: the latest frame's sum of values. */
  private value = 0;
  private latestFrame: Frame | undefined;
  private readonly seriesKeys = new Set<string>();
  private sum = 0;
  private readonly buckets = new BucketAccumulator();
  private isHistogram = false;

  constructor(
    private readonly label: string,
    private readonly isRate: boolean,
  ) {}

  add(seriesKey: string, value: InstrumentValue, frame: Frame): void {
    this.seriesKeys.add(seriesKey);
    // A level's value is its latest: a newer frame replaces what the older ones said.
    if (!this.isRate && this.latestFrame !== frame) this.value = 0;
    this.latestFrame = frame;
    if ('bucketCounts' in value) {
      this.isHistogram = true;
      this.value += value.count;
      this.sum += value.sum;
      this.buckets.add(value);
    } else {
      this.value += value.value;
    }
  }

  toStats(seconds: number): InstrumentGroupStats {
    return {
      label: this.label,
      series: this.seriesKeys.size,
      value: this.value,
      perSecond: this.isRate ? perSecond(this.value, seconds) : null,
      sum: this.isHistogram ? this.sum : null,
      percentiles: this.isHistogram ? this.buckets.percentiles() : null,
    };
  }
}

/**
 * Histogram values merged: their bucket counts added up, on the first one's boundaries, and their
 * sketches (record/histogram-sketches.ts) while every value has one. Percentiles come from the
 * sketch when there is one (within 2%), else interpolated in the buckets.
 */
class BucketAccumulator {
  private boundaries: readonly number[] | undefined;
  private readonly counts: number[] = [];
  private sketch: LatencyHistogram | undefined;
  private withoutSketch = false;

  add(value: { readonly boundaries: readonly number[]; readonly bucketCounts: readonly number[]; readonly count: number; readonly sketch?: LatencyHistogram }): void {
    // An instrument's boundaries are fixed (advice or a view), so values of other boundaries cannot occur.
    this.boundaries ??= value.boundaries;
    addBucketCounts(this.counts, value.bucketCounts);
    if (value.count === 0 || this.withoutSketch) return;
    if (value.sketch === undefined) {
      this.withoutSketch = true;
      this.sketch = undefined;
      return;
    }
    this.sketch ??= createLatencyHistogram();
    mergeLatencyHistogram(this.sketch, value.sketch);
  }

  percentiles(): InstrumentPoint['percentiles'] {
    if (this.sketch !== undefined && this.sketch.count > 0) {
      const [p50, p90, p99] = latencyQuantiles(this.sketch, SKETCH_QUANTILES);
      return { p50, p90, p99 };
    }
    const boundaries = this.boundaries ?? [];
    const quantile = (q: number) => histogramQuantile(q, boundaries, this.counts);
    return { p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99) };
  }

  /** The buckets from the first to the last non-empty one. */
  bars(): BucketBar[] {
    const boundaries = this.boundaries ?? [];
    const first = this.counts.findIndex((count) => count > 0);
    if (first === -1) return [];
    const last = this.counts.findLastIndex((count) => count > 0);
    const bars: BucketBar[] = [];
    for (let i = first; i <= last; i++) {
      bars.push({ lower: i === 0 ? 0 : boundaries[i - 1], upper: i < boundaries.length ? boundaries[i] : null, count: this.counts[i] });
    }
    return bars;
  }
}

/** The distinct values of each attribute key, for the breakdown and filter pickers. */
class AttributeCatalogue {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly truncated = new Set<string>();

  add(attributes: AttributeSet): void {
    for (const key in attributes) {
      let values = this.byKey.get(key);
      if (values === undefined) {
        values = new Set();
        this.byKey.set(key, values);
      }
      const text = attributeText(attributes[key])!;
      if (values.has(text)) continue;
      if (values.size >= MAX_ATTRIBUTE_VALUES) this.truncated.add(key);
      else values.add(text);
    }
  }

  values(): AttributeValues[] {
    return [...this.byKey]
      .map(([key, values]) => ({ key, values: [...values].sort(), truncated: this.truncated.has(key) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}
