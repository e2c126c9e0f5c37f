import 'server-only';
import { createLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram.js';

/**
 * Series per instrument that get a sketch, and series of all instruments together. In the history
 * a busy series' sketches cost what an HTTP series' do (every ring full, 420–720 KB for latencies:
 * `npm run bench -- history-memory`; values spread wider cost more), so the sketches stay within
 * MAX_SKETCHED_SERIES_IN_ALL times that; the percentiles of other series come from their buckets.
 */
export const MAX_SKETCHED_SERIES = 20;
export const MAX_SKETCHED_SERIES_IN_ALL = 100;

/** One instrument's sketches since the previous drain, and the series that have one at all. */
export interface DrainedSketches {
  /** By attribute set key: what each series recorded since the previous drain. */
  readonly series: ReadonlyMap<string, LatencyHistogram>;
  /** The series that get a sketch: one of them without one in `series` recorded nothing since. */
  readonly sketched: ReadonlySet<string>;
}

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
  private readonly budget = { left: MAX_SKETCHED_SERIES_IN_ALL };

  /** The sketches of one instrument, by instrument key; the same object for every call with that key. */
  of(instrument: string): InstrumentSketches {
    let sketches = this.instruments.get(instrument);
    if (sketches === undefined) {
      sketches = new InstrumentSketches(this.budget);
      this.instruments.set(instrument, sketches);
    }
    return sketches;
  }

  /** Every instrument with a sketched series: what it recorded since the previous call; recording goes on into fresh sketches. */
  drain(): ReadonlyMap<string, DrainedSketches> {
    const drained = new Map<string, DrainedSketches>();
    for (const [instrument, sketches] of this.instruments) {
      if (sketches.sketched.size > 0) drained.set(instrument, { series: sketches.drain(), sketched: sketches.sketched });
    }
    return drained;
  }
}

/** One instrument's sketches: the hot path holds this, so a measurement looks up its series only. */
export class InstrumentSketches {
  private current = new Map<string, LatencyHistogram>();
  /** Over the process's lifetime, the series that get a sketch. */
  readonly sketched = new Set<string>();

  constructor(private readonly budget: { left: number }) {}

  /**
   * The sketch that series `seriesKey` records into until the next drain; undefined past the
   * instrument's first MAX_SKETCHED_SERIES, or once every instrument's together are used up.
   */
  sketchOf(seriesKey: string): LatencyHistogram | undefined {
    let sketch = this.current.get(seriesKey);
    if (sketch === undefined) {
      if (!this.sketched.has(seriesKey)) {
        if (this.sketched.size >= MAX_SKETCHED_SERIES || this.budget.left <= 0) return undefined;
        this.sketched.add(seriesKey);
        this.budget.left--;
      }
      sketch = createLatencyHistogram();
      this.current.set(seriesKey, sketch);
    }
    return sketch;
  }

  /** What recorded since the previous drain; recording goes on into fresh sketches. */
  drain(): Map<string, LatencyHistogram> {
    const drained = this.current;
    if (drained.size > 0) this.current = new Map();
    return drained;
  }
}
