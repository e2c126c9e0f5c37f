import 'server-only';
import { createLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram.js';

/**
 * Series per instrument that get a sketch. In the history a busy series' sketches cost what an HTTP
 * series' do (every ring full, 420–720 KB: `npm run bench -- history-memory`), so an instrument
 * costs at most this many times that; the percentiles of its other series come from its buckets.
 */
export const MAX_SKETCHED_SERIES = 20;

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
  // Over the process's lifetime, the series of each instrument that get a sketch.
  private readonly sketched = new Map<string, Set<string>>();

  /**
   * The sketch that `instrument`'s series `seriesKey` records into until the next drain; undefined
   * past the first MAX_SKETCHED_SERIES of the instrument, whose percentiles then come from buckets.
   */
  sketchOf(instrument: string, seriesKey: string): LatencyHistogram | undefined {
    let series = this.byInstrument.get(instrument);
    if (series === undefined) {
      series = new Map();
      this.byInstrument.set(instrument, series);
    }
    let sketch = series.get(seriesKey);
    if (sketch === undefined) {
      let keys = this.sketched.get(instrument);
      if (keys === undefined) {
        keys = new Set();
        this.sketched.set(instrument, keys);
      }
      if (!keys.has(seriesKey)) {
        if (keys.size >= MAX_SKETCHED_SERIES) return undefined;
        keys.add(seriesKey);
      }
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
