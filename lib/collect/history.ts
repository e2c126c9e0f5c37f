import 'server-only';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { logOnce } from '../log-once';
import { DURATION_BUCKETS_S } from '../record/http-instruments';
import type { InstrumentStats } from '../query/stats-types';
import { emptySample, readInstruments, toSample, type Sample } from './sample';

/** How often the history collects, milliseconds; also the resolution of the dashboard's charts. */
export const SAMPLE_INTERVAL_MS = 1_000;

/** How far back the history reaches, milliseconds. */
export const HISTORY_DURATION_MS = 5 * 60_000;

const HISTORY_SAMPLES = HISTORY_DURATION_MS / SAMPLE_INTERVAL_MS + 1;

/**
 * A rolling window of cumulative samples of the process's metrics, collected every
 * SAMPLE_INTERVAL_MS from the one MetricReader. Bounded: HISTORY_SAMPLES samples, and a sample
 * shares every series that did not change with the sample before it.
 */
export class History {
  private readonly samples: Sample[];
  private instruments: readonly InstrumentStats[] = [];
  private collecting = false;

  private constructor(
    private readonly reader: MetricReader,
    start: Sample,
  ) {
    this.samples = [start];
  }

  /** A history whose first sample is "nothing recorded yet", sampling in the background from now on. */
  static start(reader: MetricReader): History {
    const history = new History(reader, emptySample(Date.now(), DURATION_BUCKETS_S));
    setInterval(() => void history.sample(), SAMPLE_INTERVAL_MS).unref();
    return history;
  }

  /** Collects once and appends the sample (dropping the oldest beyond HISTORY_SAMPLES). */
  async sample(): Promise<void> {
    if (this.collecting) return;
    this.collecting = true;
    try {
      const { resourceMetrics, errors } = await this.reader.collect();
      if (errors.length > 0) logOnce('collect', 'a metric failed to collect; later failures are not logged', errors[0]);
      this.samples.push(toSample(Date.now(), resourceMetrics, this.latest()));
      this.instruments = readInstruments(resourceMetrics);
      if (this.samples.length > HISTORY_SAMPLES) this.samples.shift();
    } catch (error) {
      logOnce('sample', 'sampling metrics failed; later failures are not logged', error);
    } finally {
      this.collecting = false;
    }
  }

  /** The app's own instruments as of the latest sample (only the latest is kept). */
  latestInstruments(): readonly InstrumentStats[] {
    return this.instruments;
  }

  /** The most recent sample. */
  latest(): Sample {
    return this.samples[this.samples.length - 1];
  }

  /** Samples from the last one taken at or before `since` (or the oldest kept) up to the latest, oldest first. */
  since(since: number): readonly Sample[] {
    let first = this.samples.length - 1;
    while (first > 0 && this.samples[first].time > since) first--;
    return this.samples.slice(first);
  }
}
