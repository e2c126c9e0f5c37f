import 'server-only';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { logOnce } from '../log-once.js';
import { collectFor } from './collection-consumer.js';
import type { InstrumentDescriptor, InstrumentStats, MeterIdentity, WindowName } from '../query/stats-types.js';
import { WINDOWS } from '../query/windows.js';
import type { HttpServerRecorder } from '../record/http-server-metrics.js';
import { METRIC_HTTP_SERVER_ACTIVE_REQUESTS } from '../record/http-instruments.js';
import { METER_NAME, METER_VERSION } from '../scope.js';
import { frameHttpSeries, frameOutgoingSeries, frameServerActionSeries, instrumentKey, type Frame, type FrameHttpSeries } from './frame.js';
import type { ErrorGroups } from '../record/error-groups.js';
import type { DrainedSeries } from '../record/recorded-series.js';
import { FrameRing } from './frame-ring.js';
import type { HistogramSketches } from '../record/histogram-sketches.js';
import { InstrumentDeltas } from './instrument-deltas.js';
import { overflowingInstruments, readInstruments } from './instrument-stats.js';
import { readRuntime, runtimeStats, type RuntimeReading, type RuntimeStats } from './runtime-reading.js';

/** How often the history samples, milliseconds; also the step of the shortest window. */
export const SAMPLE_INTERVAL_MS = 1_000;

/** The history's name as a collection consumer (lib/collect/collection-consumer.ts). */
export const HISTORY_CONSUMER = 'history';

/** Where the history's ticks come from besides the reader's collection. */
export interface HistoryRecorders {
  readonly http: Pick<HttpServerRecorder, 'drain'>;
  /** The app's outgoing HTTP calls (http.client.request.duration), their series with http.route when known. */
  readonly outgoing?: { drain(): DrainedSeries[] };
  /** The errors Next reported (onRequestError). */
  readonly errors?: ErrorGroups;
  /** The sketches of the app's histograms, when meterboard's provider records them. */
  readonly sketches?: HistogramSketches;
}

/** Requests of one HTTP series since the process started. */
export type SeriesTotal = Omit<FrameHttpSeries, 'latency'> & { count: number };

const ACTIVE_REQUESTS_KEY = instrumentKey({ meter: METER_NAME, meterVersion: METER_VERSION }, METRIC_HTTP_SERVER_ACTIVE_REQUESTS);

/**
 * The process's recent metrics, sampled every SAMPLE_INTERVAL_MS: each sample (a tick) holds what
 * happened since the previous one and is merged into one ring of frames per window (WINDOWS), so
 * any window is WINDOW_POINTS frames at its own step, however long it is. Bounded: WINDOWS.length
 * rings of WINDOW_POINTS + 1 frames; a frame holds only the series that changed within it, at most
 * HISTORY_SERIES_PER_INSTRUMENT per instrument.
 */
export class History {
  private readonly rings = new Map<WindowName, FrameRing>(
    WINDOWS.map((window) => [window.name, new FrameRing(window.stepSeconds * 1000)]),
  );
  private readonly deltas = new InstrumentDeltas();
  private readonly totals = new Map<string, SeriesTotal>();
  private lastTick: number;
  private instruments: readonly InstrumentStats[] = [];
  private overflowing: ReadonlyArray<MeterIdentity & { name: string }> = [];
  private runtimeReading: RuntimeReading | undefined;
  private runtime: RuntimeStats | null = null;
  private collecting = false;

  constructor(
    private readonly reader: MetricReader,
    private readonly recorders: HistoryRecorders,
    now = Date.now(),
  ) {
    this.lastTick = now;
  }

  /** A history that samples in the background from now on. */
  static start(reader: MetricReader, recorders: HistoryRecorders): History {
    const history = new History(reader, recorders, Date.now());
    setInterval(() => void history.sample(), SAMPLE_INTERVAL_MS).unref();
    return history;
  }

  /** Collects once and merges what happened since the previous sample into every ring. */
  async sample(now = Date.now()): Promise<void> {
    if (this.collecting) return;
    this.collecting = true;
    try {
      const { resourceMetrics, errors } = await collectFor(HISTORY_CONSUMER, () => this.reader.collect());
      if (errors.length > 0) logOnce('collect', 'a metric failed to collect; later failures are not logged', errors[0]);
      const tick: Frame = {
        start: this.lastTick,
        end: now,
        seconds: (now - this.lastTick) / 1000,
        http: new Map(),
        serverActions: new Map(),
        outgoing: new Map(),
        errors: this.recorders.errors?.drain() ?? new Map(),
        activeRequests: 0,
        instruments: this.deltas.next(resourceMetrics, this.recorders.sketches?.drain()),
      };
      const drained = this.recorders.http.drain();
      for (const { attributes, latency } of drained.http) {
        const key = JSON.stringify(attributes);
        const series = frameHttpSeries(attributes, latency);
        tick.http.set(key, series);
        this.addToTotals(key, series);
      }
      for (const { attributes, latency } of drained.serverActions) {
        tick.serverActions.set(JSON.stringify(attributes), frameServerActionSeries(attributes, latency));
      }
      for (const { attributes, latency } of this.recorders.outgoing?.drain() ?? []) {
        tick.outgoing.set(JSON.stringify(attributes), frameOutgoingSeries(attributes, latency));
      }
      for (const series of tick.instruments.get(ACTIVE_REQUESTS_KEY)?.series.values() ?? []) {
        if ('value' in series) tick.activeRequests += series.value;
      }
      // The shortest window's ring adopts the tick, last, after the others have copied from it.
      const [shortest, ...longer] = this.rings.values();
      for (const ring of longer) ring.add(tick);
      shortest.add(tick, { adopt: true });
      this.lastTick = now;
      this.instruments = readInstruments(resourceMetrics);
      this.overflowing = overflowingInstruments(resourceMetrics);
      const reading = readRuntime(now, resourceMetrics);
      this.runtime = runtimeStats(this.runtimeReading, reading);
      this.runtimeReading = reading;
    } catch (error) {
      logOnce('sample', 'sampling metrics failed; later failures are not logged', error);
    } finally {
      this.collecting = false;
    }
  }

  /** The frames of a window. */
  ring(window: WindowName): FrameRing {
    return this.rings.get(window)!;
  }

  /** Requests of every HTTP series since the process started, by series key. */
  seriesTotals(): ReadonlyMap<string, SeriesTotal> {
    return this.totals;
  }

  /** Every SDK instrument seen so far, by instrument key. */
  descriptors(): ReadonlyMap<string, InstrumentDescriptor> {
    return this.deltas.descriptors;
  }

  /** The app's own instruments (not meterboard's) with their values at the latest sample. */
  latestInstruments(): readonly InstrumentStats[] {
    return this.instruments;
  }

  /** The instruments past their cardinality limit at the latest sample. */
  overflowingInstruments(): ReadonlyArray<MeterIdentity & { name: string }> {
    return this.overflowing;
  }

  /** Runtime health over the latest sampling interval; null before the second sample. */
  latestRuntime(): RuntimeStats | null {
    return this.runtime;
  }

  private addToTotals(key: string, series: FrameHttpSeries): void {
    const total = this.totals.get(key);
    if (total) total.count += series.latency.count;
    else this.totals.set(key, { method: series.method, route: series.route, status: series.status, errorType: series.errorType, count: series.latency.count });
  }
}
