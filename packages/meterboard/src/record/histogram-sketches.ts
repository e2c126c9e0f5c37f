import 'server-only';
import { createLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram.js';

/**
 * A base-2 exponential histogram next to each series of the app's own histograms (any
 * createHistogram of the global MeterProvider), so that the dashboard's percentiles of them are
 * within 2% like those of the request durations, whatever buckets the app chose: explicit buckets
 * only allow interpolation, off by 25% at p90 for a log-normal latency on the default buckets.
 * /metrics and the exporters keep the app's buckets. By instrument key (collect/frame.ts) and
 * attribute set key (attributes-key.ts).
 */
export class HistogramSketches {
  private byInstrument = new Map<string, Map<string, LatencyHistogram>>();

  /** The sketch that `instrument`'s series `seriesKey` records into until the next drain. */
  sketchOf(instrument: string, seriesKey: string): LatencyHistogram {
    let series = this.byInstrument.get(instrument);
    if (series === undefined) {
      series = new Map();
      this.byInstrument.set(instrument, series);
    }
    let sketch = series.get(seriesKey);
    if (sketch === undefined) {
      sketch = createLatencyHistogram();
      series.set(seriesKey, sketch);
    }
    return sketch;
  }

  /** The sketches that recorded since the previous call; recording goes on into fresh ones. */
  drain(): ReadonlyMap<string, ReadonlyMap<string, LatencyHistogram>> {
    const drained = this.byInstrument;
    this.byInstrument = new Map();
    return drained;
  }
}
