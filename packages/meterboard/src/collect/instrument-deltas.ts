import { DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { Attributes } from '@opentelemetry/api';
import type { AttributeSet, InstrumentDescriptor } from '../query/stats-types.js';
import { addInstrumentValue, instrumentKey, meterIdentityOf, type InstrumentFrame, type InstrumentKind, type InstrumentValue } from './frame.js';
import { OVERFLOW_ATTRIBUTES } from '../record/http-instruments.js';
import { attributesKey } from '../record/attributes-key.js';
import { instrumentKindOf } from './instrument-stats.js';
import type { DrainedSketches } from '../record/histogram-sketches.js';
import { createLatencyHistogram, mergeLatencyHistogram, type LatencyHistogram } from './latency-histogram.js';

/** What the sketches recorded since the previous tick, by instrument key (record/histogram-sketches.ts). */
export type Sketches = ReadonlyMap<string, DrainedSketches>;

/**
 * Series the history keeps per instrument; later ones add up in one overflow series, as the SDK
 * does past its cardinality limit (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#cardinality-limits).
 */
export const HISTORY_SERIES_PER_INSTRUMENT = 200;

const OVERFLOW_KEY = JSON.stringify(OVERFLOW_ATTRIBUTES);

type Cumulative = { value: number } | { count: number; sum: number; bucketCounts: readonly number[] };

/**
 * Turns the SDK's cumulative collections into what happened between two of them, per series:
 * counters and histograms as increases, up-down counters and gauges as their value. A series whose
 * count went down restarted from zero (a counter reset), so its increase is its whole new value:
 * never a negative rate.
 */
export class InstrumentDeltas {
  private readonly previous = new Map<string, Map<string, Cumulative>>();
  private readonly seriesKeys = new Map<string, Set<string>>();
  // Sketches no series of a tick took, by instrument and series key: a recording made while the
  // collection ran is in that tick's sketch and the next tick's buckets, so it waits for them.
  private readonly pendingSketches = new Map<string, Map<string, LatencyHistogram>>();
  /** Every instrument seen so far, by instrument key. */
  readonly descriptors = new Map<string, InstrumentDescriptor>();

  /**
   * The increases and values since the previous call, by instrument key; a histogram's series
   * carries its sketch from `sketches` when there is one.
   */
  next(resourceMetrics: ResourceMetrics, sketches: Sketches = new Map()): Map<string, InstrumentFrame> {
    const frames = new Map<string, InstrumentFrame>();
    for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
      for (const metric of metrics) {
        const meter = meterIdentityOf(scope);
        const key = instrumentKey(meter, metric.descriptor.name);
        const kind = instrumentKindOf(metric);
        if (!this.descriptors.has(key)) {
          const { name, description, unit } = metric.descriptor;
          this.descriptors.set(key, { ...meter, name, description, unit, kind });
        }
        frames.set(key, { kind, series: this.seriesOf(key, kind, metric, this.withPending(key, sketches.get(key))) });
      }
    }
    return frames;
  }

  // The tick's sketches of `instrument` with those still waiting from earlier ticks merged in.
  private withPending(instrument: string, drained: DrainedSketches | undefined): SeriesSketches | undefined {
    if (drained === undefined) return undefined;
    const series = new Map(drained.series);
    for (const [seriesKey, waiting] of this.pendingSketches.get(instrument) ?? []) {
      const sketch = series.get(seriesKey);
      if (sketch === undefined) series.set(seriesKey, waiting);
      else mergeLatencyHistogram(sketch, waiting);
    }
    const pending = new Map(series);
    this.pendingSketches.set(instrument, pending);
    return { series, sketched: drained.sketched, pending };
  }

  private seriesOf(instrument: string, kind: InstrumentKind, metric: MetricData, sketches: SeriesSketches | undefined): Map<string, InstrumentValue> {
    let previous = this.previous.get(instrument);
    if (previous === undefined) {
      previous = new Map();
      this.previous.set(instrument, previous);
    }
    const series = new Map<string, InstrumentValue>();
    for (const point of metric.dataPoints) {
      const attributes = point.attributes as AttributeSet;
      const seriesKey = JSON.stringify(attributes);
      const current = cumulativeOf(metric, point.value);
      if (current === undefined) continue;
      const delta = kind === 'counter' || kind === 'histogram' ? increase(current, previous.get(seriesKey)) : current;
      previous.set(seriesKey, current);
      const keptKey = this.keep(instrument, seriesKey);
      const kept = keptKey === seriesKey ? attributes : OVERFLOW_ATTRIBUTES;
      const value = toValue(kept, delta, metric);
      if (sketches !== undefined && 'bucketCounts' in value && value.count > 0) value.sketch = takeSketch(sketches, attributes);
      const existing = series.get(keptKey);
      // Only the overflow series has several members; it sums them whatever the kind: a total is all it can say.
      series.set(keptKey, existing === undefined ? value : addInstrumentValue('counter', existing, value));
    }
    return series;
  }

  // The key a series is kept under: its own while the instrument has room, the overflow one after.
  private keep(instrument: string, seriesKey: string): string {
    let keys = this.seriesKeys.get(instrument);
    if (keys === undefined) {
      keys = new Set();
      this.seriesKeys.set(instrument, keys);
    }
    if (keys.has(seriesKey)) return seriesKey;
    if (keys.size >= HISTORY_SERIES_PER_INSTRUMENT) return OVERFLOW_KEY;
    keys.add(seriesKey);
    return seriesKey;
  }
}

interface SeriesSketches {
  readonly series: ReadonlyMap<string, LatencyHistogram>;
  readonly sketched: ReadonlySet<string>;
  /** The sketches no series has taken yet this tick. */
  readonly pending: Map<string, LatencyHistogram>;
}

// The sketch of a series that recorded this tick; an empty one for a sketched series whose
// recordings went into an earlier tick's sketch; undefined for a series without sketches.
function takeSketch(sketches: SeriesSketches, attributes: AttributeSet): LatencyHistogram | undefined {
  let key: string;
  try {
    key = attributesKey(attributes as Attributes);
  } catch {
    return undefined;
  }
  if (!sketches.sketched.has(key)) return undefined;
  sketches.pending.delete(key);
  return sketches.series.get(key) ?? createLatencyHistogram();
}

function cumulativeOf(metric: MetricData, value: unknown): Cumulative | undefined {
  if (metric.dataPointType === DataPointType.HISTOGRAM) {
    const histogram = value as { count: number; sum?: number; buckets: { counts: number[] } };
    return { count: histogram.count, sum: histogram.sum ?? 0, bucketCounts: histogram.buckets.counts };
  }
  if (metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) {
    const histogram = value as { count: number; sum?: number };
    return { count: histogram.count, sum: histogram.sum ?? 0, bucketCounts: [] };
  }
  return typeof value === 'number' ? { value } : undefined;
}

/** What a cumulative series gained since `before`; all of it if it restarted from zero. */
export function increase(current: Cumulative, before: Cumulative | undefined): Cumulative {
  if (before === undefined) return current;
  if ('value' in current && 'value' in before) {
    return current.value >= before.value ? { value: current.value - before.value } : current;
  }
  if ('count' in current && 'count' in before) {
    if (current.count < before.count) return current;
    return {
      count: current.count - before.count,
      sum: current.sum - before.sum,
      bucketCounts: current.bucketCounts.map((count, i) => count - (before.bucketCounts[i] ?? 0)),
    };
  }
  return current;
}

function toValue(attributes: AttributeSet, cumulative: Cumulative, metric: MetricData): InstrumentValue {
  if ('value' in cumulative) return { attributes, value: cumulative.value };
  const boundaries =
    metric.dataPointType === DataPointType.HISTOGRAM
      ? ((metric.dataPoints[0]?.value as { buckets?: { boundaries: number[] } }).buckets?.boundaries ?? [])
      : [];
  return { attributes, count: cumulative.count, sum: cumulative.sum, boundaries, bucketCounts: [...cumulative.bucketCounts] };
}
