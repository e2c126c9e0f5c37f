import { ValueType, type Attributes, type HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type CollectionResult,
  type HistogramMetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { createLatencyHistogram } from '../collect/latency-histogram.js';
import { attributesKey } from './attributes-key.js';
import { ExplicitHistogram } from './explicit-histogram.js';
import { OVERFLOW_ATTRIBUTES } from './http-instruments.js';
import type { RecordedSeries } from './recorded-series.js';

/** Series per histogram, the overflow series included, unless configured otherwise: the SDK's default cardinality limit. */
export const DEFAULT_CARDINALITY_LIMIT = 2000;


/** What a duration histogram is, as an instrument's options would say it. */
export interface DurationHistogramOptions {
  description: string;
  unit: string;
  /** Explicit bucket boundaries, ascending. */
  boundaries: readonly number[];
}

/**
 * meterboard's request and server action duration histograms, recorded through series the hot path
 * looks up once and keeps, and handed to the MetricReader as a MetricProducer
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#metricproducer): a measurement costs a
 * bucket increment instead of the SDK's per-measurement attribute hashing (FIELD-NOTES, "sdk-metrics
 * 2.x cost model"). What the reader receives is what the SDK would report for the same instrument:
 * cumulative explicit-bucket points, a cardinality limit with an overflow series.
 */
export class DurationHistograms implements MetricProducer {
  private readonly histograms: DurationHistogram[] = [];

  constructor(
    private readonly scope: { name: string; version?: string },
    private cardinalityLimit = DEFAULT_CARDINALITY_LIMIT,
  ) {}

  /**
   * The series limit of the histograms created from now on: a reader shared with the app's own
   * MeterProvider is made before meterboard's configuration is read (telemetry.ts, sharedMetricReader).
   */
  limitSeriesTo(cardinalityLimit: number): void {
    this.cardinalityLimit = cardinalityLimit;
  }

  /** A new histogram instrument; its name must be unique in the scope. */
  histogram(name: string, options: DurationHistogramOptions): DurationHistogram {
    const histogram = new DurationHistogram(name, options, this.cardinalityLimit);
    this.histograms.push(histogram);
    return histogram;
  }

  async collect(): Promise<CollectionResult> {
    const endTime = hrTimeOf(Date.now());
    return {
      // The reader keeps its provider's resource; this one is never read.
      resourceMetrics: {
        resource: EMPTY_RESOURCE,
        scopeMetrics: [{ scope: this.scope, metrics: this.histograms.map((histogram) => histogram.toMetricData(endTime)) }],
      },
      errors: [],
    };
  }
}

const EMPTY_RESOURCE = resourceFromAttributes({});

/** One histogram instrument: its series, each with its cumulative explicit-bucket histogram. */
export class DurationHistogram {
  /** Every series the hot path created, for the history to drain (their `latency`). */
  readonly series: RecordedSeries[] = [];
  private readonly exported: ExplicitHistogram[] = [];
  /** The series that extra attributes made, by the hash of their whole attribute set; never the overflow one, so bounded by the limit. */
  private readonly withExtras = new Map<string, ExplicitHistogram>();
  private overflow: ExplicitHistogram | undefined;

  constructor(
    private readonly name: string,
    private readonly options: DurationHistogramOptions,
    private readonly cardinalityLimit = DEFAULT_CARDINALITY_LIMIT,
  ) {}

  /** A new series for `attributes`, built once by the caller and kept. */
  newSeries(attributes: Attributes): RecordedSeries {
    const series: RecordedSeries = { attributes, latency: createLatencyHistogram(), histogram: this.exportedFor(attributes) };
    this.series.push(series);
    return series;
  }

  /**
   * A new series for the history under `attributes` that records, for /metrics, into the exported
   * histogram of another series (`exported`): attributes the history keeps apart and /metrics does not.
   */
  newSeriesSharing(attributes: Attributes, exported: ExplicitHistogram): RecordedSeries {
    const series: RecordedSeries = { attributes, latency: createLatencyHistogram(), histogram: exported };
    this.series.push(series);
    return series;
  }

  /**
   * The histogram of `series` with `extra` attributes added (the series' own win on conflict):
   * for requests that called setRequestAttributes, so the only ones whose attributes are hashed.
   * Extras that add no key of their own are the series itself, so one attribute set is never two series.
   */
  withExtraAttributes(series: RecordedSeries, extra: Attributes): ExplicitHistogram {
    const attributes = { ...extra, ...series.attributes };
    if (Object.keys(attributes).length === Object.keys(series.attributes).length) return series.histogram;
    const key = attributesKey(attributes);
    let histogram = this.withExtras.get(key);
    if (histogram === undefined) {
      histogram = this.exportedFor(attributes);
      // Past the limit every new set shares the overflow series: remembering each one would grow without bound.
      if (histogram !== this.overflow) this.withExtras.set(key, histogram);
    }
    return histogram;
  }

  toMetricData(endTime: HrTime): HistogramMetricData {
    const histograms = this.overflow ? [...this.exported, this.overflow] : this.exported;
    return {
      descriptor: {
        name: this.name,
        description: this.options.description,
        unit: this.options.unit,
        valueType: ValueType.DOUBLE,
      },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints: histograms.filter((histogram) => histogram.count > 0).map((histogram) => histogram.toDataPoint(endTime)),
    };
  }

  // A new exported series, or the overflow one once limit - 1 series exist (the limit counts it).
  private exportedFor(attributes: Attributes): ExplicitHistogram {
    if (this.exported.length < this.cardinalityLimit - 1) {
      const histogram = new ExplicitHistogram(this.options.boundaries, attributes, hrTimeOf(Date.now()));
      this.exported.push(histogram);
      return histogram;
    }
    this.overflow ??= new ExplicitHistogram(this.options.boundaries, OVERFLOW_ATTRIBUTES, hrTimeOf(Date.now()));
    return this.overflow;
  }
}

function hrTimeOf(epochMs: number): HrTime {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1e6)];
}
