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
  private readonly instruments = new Map<string, InstrumentSketches>();

  /** The sketches of one instrument, by instrument key; the same object for every call with that key. */
  of(instrument: string): InstrumentSketches {
    let sketches = this.instruments.get(instrument);
    if (sketches === undefined) {
      sketches = new InstrumentSketches();
      this.instruments.set(instrument, sketches);
    }
    return sketches;
  }

  /** The sketches that recorded since the previous call, by instrument key and series key; recording goes on into fresh ones. */
  drain(): ReadonlyMap<string, ReadonlyMap<string, LatencyHistogram>> {
    const drained = new Map<string, ReadonlyMap<string, LatencyHistogram>>();
    for (const [instrument, sketches] of this.instruments) {
      const series = sketches.drain();
      if (series.size > 0) drained.set(instrument, series);
    }
    return drained;
  }
}

/** One instrument's sketches: the hot path holds this, so a measurement looks up its series only. */
export class InstrumentSketches {
  private current = new Map<string, LatencyHistogram>();
  // Over the process's lifetime, the series that get a sketch.
  private readonly sketched = new Set<string>();

  /**
   * The sketch that series `seriesKey` records into until the next drain; undefined past the
   * first MAX_SKETCHED_SERIES of the instrument, whose percentiles then come from buckets.
   */
  sketchOf(seriesKey: string): LatencyHistogram | undefined {
    let sketch = this.current.get(seriesKey);
    if (sketch === undefined) {
      if (!this.sketched.has(seriesKey)) {
        if (this.sketched.size >= MAX_SKETCHED_SERIES) return undefined;
        this.sketched.add(seriesKey);
      }
      sketch = createLatencyHistogram();
      this.current.set(seriesKey, sketch);
    }
    return sketch;
  }

  /** What recorded since the previous drain; recording goes on into fresh sketches. */
  drain(): Map<string, LatencyHistogram> {
    const drained = this.current;
    this.current = new Map();
    return drained;
  }
}
