import type { Attributes } from '@opentelemetry/api';
import { createLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram';

/**
 * One series of a duration histogram as the hot path caches it: its attribute object, built once,
 * and the durations (seconds) recorded into it since the history last drained it.
 */
export interface RecordedSeries {
  readonly attributes: Attributes;
  latency: LatencyHistogram;
}

/** A new series for `attributes`, registered in `all` so that drainSeries finds it. */
export function newRecordedSeries(attributes: Attributes, all: RecordedSeries[]): RecordedSeries {
  const series = { attributes, latency: createLatencyHistogram() };
  all.push(series);
  return series;
}

/** The series of `all` that recorded anything since the last drain, each with a fresh histogram from now on. */
export function drainSeries(all: readonly RecordedSeries[]): RecordedSeries[] {
  const drained: RecordedSeries[] = [];
  for (const series of all) {
    if (series.latency.count === 0) continue;
    drained.push({ attributes: series.attributes, latency: series.latency });
    series.latency = createLatencyHistogram();
  }
  return drained;
}
