import type {
  Attributes,
  BatchObservableCallback,
  BatchObservableResult,
  Context,
  Counter,
  Gauge,
  Histogram,
  Meter,
  MeterOptions,
  MeterProvider,
  MetricOptions,
  Observable,
  ObservableCallback,
  ObservableCounter,
  ObservableGauge,
  ObservableResult,
  ObservableUpDownCounter,
  UpDownCounter,
} from '@opentelemetry/api';
import { ValueType } from '@opentelemetry/api';
import { logOnce } from '../log-once.js';
import { instrumentKey } from '../collect/frame.js';
import { attributesKey } from './attributes-key.js';
import type { HistogramSketches, InstrumentSketches } from './histogram-sketches.js';
import { OVERFLOW_ATTRIBUTES } from './http-instruments.js';

/**
 * The attribute sets one instrument may ever report: the first `limit - 1` it sees, then every new
 * one becomes OVERFLOW_ATTRIBUTES (the limit counts the overflow series, as the SDK's
 * aggregationCardinalityLimit does). Over the process's lifetime, unlike the SDK's limit, which
 * counts the sets of one collection (FIELD-NOTES, "The SDK's cardinality limit counts one collection").
 */
export class AttributeSetLimit {
  private readonly admitted = new Set<string>();
  /** The key of the set the last admit() returned (undefined for one it could not hash), so that a caller needs no second hash. */
  lastKey: string | undefined;

  constructor(private readonly limit: number) {}

  /** `attributes` if its set may be reported, else OVERFLOW_ATTRIBUTES. */
  admit(attributes: Attributes | undefined): Attributes | undefined {
    const key = this.keyOf(attributes);
    this.lastKey = key;
    // Values JSON cannot encode: the SDK's own hash fails on them too, so hand them on as they are.
    if (key === undefined) return attributes;
    if (this.admitted.has(key)) return attributes;
    if (this.admitted.size >= this.limit - 1) {
      this.lastKey = OVERFLOW_KEY;
      return OVERFLOW_ATTRIBUTES;
    }
    this.admitted.add(key);
    return attributes;
  }

  /** The attribute set's key (the SDK's hash); undefined, logged once, for values it cannot encode. */
  keyOf(attributes: Attributes | undefined): string | undefined {
    try {
      return attributes === undefined ? EMPTY_KEY : attributesKey(attributes);
    } catch (error) {
      logOnce('attribute-key', 'an attribute set could not be hashed; later failures are not logged', error);
      return undefined;
    }
  }

  /** Attribute sets admitted so far. */
  get size(): number {
    return this.admitted.size;
  }
}

const EMPTY_KEY = attributesKey({});
const OVERFLOW_KEY = attributesKey(OVERFLOW_ATTRIBUTES);

/**
 * A MeterProvider over `provider` whose instruments report at most `limit` attribute sets each over
 * the process's lifetime, past which measurements add into one otel.metric.overflow series: the
 * global provider the app's own meters get (metrics.getMeter), so every reader (/metrics, the
 * history, OTLP, cumulative or delta) sees the same bounded set, and the SDK's storage stays bounded.
 * Instruments of one meter and name share one limit, however often they are created (apps often
 * call createCounter inside a request handler). Costs one attribute hash per measurement. With
 * `sketches`, every histogram measurement is also recorded into its series' sketch.
 */
export function boundedMeterProvider(provider: MeterProvider, limit: number, sketches?: HistogramSketches): MeterProvider {
  const meters = new Map<string, Meter>();
  return {
    getMeter(name: string, version?: string, options?: MeterOptions): Meter {
      // The SDK's meter identity: name, version and schema URL.
      const key = `${name}\n${version ?? ''}\n${options?.schemaUrl ?? ''}`;
      let meter = meters.get(key);
      if (meter === undefined) {
        const identity = { meter: name, ...(version ? { meterVersion: version } : {}), ...(options?.schemaUrl ? { meterSchemaUrl: options.schemaUrl } : {}) };
        meter = new BoundedMeter(provider.getMeter(name, version, options), limit, sketches, (instrument) => instrumentKey(identity, instrument));
        meters.set(key, meter);
      }
      return meter;
    },
  };
}

class BoundedMeter implements Meter {
  // By instrument name, case-insensitive as the SDK's instrument identity.
  private readonly limits = new Map<string, AttributeSetLimit>();
  // By lowercased instrument name: the spelling the instrument was first created with.
  private readonly firstNames = new Map<string, string>();
  // Every observable callback of this meter runs inside one SDK batch callback, so that the sets
  // past the limit are added up once per instrument and collection, whichever callbacks observed them.
  private readonly single = new Map<BoundedObservable, Set<ObservableCallback>>();
  private readonly batch: Array<{ callback: BatchObservableCallback; observables: Observable[] }> = [];
  private registered: Observable[] = [];

  constructor(
    private readonly meter: Meter,
    private readonly limit: number,
    private readonly sketches: HistogramSketches | undefined,
    private readonly keyOfInstrument: (name: string) => string,
  ) {}

  createCounter(name: string, options?: MetricOptions): Counter {
    return new BoundedAdd(this.meter.createCounter(name, options), this.limitOf(name), true);
  }

  createUpDownCounter(name: string, options?: MetricOptions): UpDownCounter {
    return new BoundedAdd(this.meter.createUpDownCounter(name, options), this.limitOf(name), false);
  }

  createHistogram(name: string, options?: MetricOptions): Histogram {
    const histogram = this.meter.createHistogram(name, options);
    const limit = this.limitOf(name);
    if (this.sketches === undefined) return new BoundedRecord(histogram, limit, true);
    // The SDK names an instrument as it was first created, whatever the case of later handles.
    const lowercase = name.toLowerCase();
    const firstName = this.firstNames.get(lowercase) ?? name;
    this.firstNames.set(lowercase, firstName);
    return new SketchedHistogram(histogram, limit, this.sketches.of(this.keyOfInstrument(firstName)), options?.valueType === ValueType.INT);
  }

  createGauge(name: string, options?: MetricOptions): Gauge {
    return new BoundedRecord(this.meter.createGauge(name, options), this.limitOf(name), false);
  }

  createObservableCounter(name: string, options?: MetricOptions): ObservableCounter {
    return new BoundedObservable(this.meter.createObservableCounter(name, options), this.limitOf(name), 'sum', this);
  }

  createObservableUpDownCounter(name: string, options?: MetricOptions): ObservableUpDownCounter {
    return new BoundedObservable(this.meter.createObservableUpDownCounter(name, options), this.limitOf(name), 'sum', this);
  }

  createObservableGauge(name: string, options?: MetricOptions): ObservableGauge {
    return new BoundedObservable(this.meter.createObservableGauge(name, options), this.limitOf(name), 'last', this);
  }

  addBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    // The SDK tells batch callbacks apart by the callback and its set of observables.
    if (this.batch.some((entry) => entry.callback === callback && sameSet(entry.observables, observables))) return;
    this.batch.push({ callback, observables: [...observables] });
    this.reregister();
  }

  removeBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    const index = this.batch.findIndex((entry) => entry.callback === callback && sameSet(entry.observables, observables));
    if (index === -1) return;
    this.batch.splice(index, 1);
    this.reregister();
  }

  /** For BoundedObservable#addCallback. */
  addCallback(observable: BoundedObservable, callback: ObservableCallback): void {
    let callbacks = this.single.get(observable);
    if (callbacks === undefined) {
      callbacks = new Set();
      this.single.set(observable, callbacks);
    }
    if (callbacks.has(callback)) return;
    callbacks.add(callback);
    this.reregister();
  }

  /** For BoundedObservable#removeCallback. */
  removeCallback(observable: BoundedObservable, callback: ObservableCallback): void {
    const callbacks = this.single.get(observable);
    if (!callbacks?.delete(callback)) return;
    if (callbacks.size === 0) this.single.delete(observable);
    this.reregister();
  }

  // One SDK batch callback over every observable that has a callback now.
  private reregister(): void {
    const observables = new Set<Observable>(this.single.keys());
    for (const entry of this.batch) for (const observable of entry.observables) observables.add(observable);
    if (this.registered.length > 0) this.meter.removeBatchObservableCallback(this.observeAll, this.registered.map(innerObservable));
    this.registered = [...observables];
    if (this.registered.length > 0) this.meter.addBatchObservableCallback(this.observeAll, this.registered.map(innerObservable));
  }

  // Runs every callback of the meter against results that pass the limit, then observes each
  // instrument's overflow series once. A callback that throws or rejects is logged and the others go on.
  private readonly observeAll: BatchObservableCallback = (result) => {
    const overflow = new Map<BoundedObservable, OverflowValue>();
    const observe = (observable: Observable, value: number, attributes?: Attributes) => {
      if (!(observable instanceof BoundedObservable)) return result.observe(observable, value, attributes);
      const admitted = observable.attributeLimit.admit(attributes);
      if (admitted !== OVERFLOW_ATTRIBUTES) return result.observe(observable.observable, value, admitted);
      let sum = overflow.get(observable);
      if (sum === undefined) {
        sum = new OverflowValue(observable.overflowKind);
        overflow.set(observable, sum);
      }
      sum.add(observable.attributeLimit.keyOf(attributes) ?? '', value);
    };
    const pending: Array<Promise<void>> = [];
    const run = (call: () => void | Promise<void>) => {
      try {
        const returned = call();
        if (isPromise(returned)) pending.push(returned.catch(logCallbackError));
      } catch (error) {
        logCallbackError(error);
      }
    };
    for (const [observable, callbacks] of this.single) {
      const observableResult: ObservableResult = { observe: (value, attributes) => observe(observable, value, attributes) };
      for (const callback of callbacks) run(() => callback(observableResult));
    }
    const batchResult: BatchObservableResult = { observe };
    for (const { callback } of this.batch) run(() => callback(batchResult));
    const flush = () => {
      for (const [observable, value] of overflow) result.observe(observable.observable, value.value, OVERFLOW_ATTRIBUTES);
    };
    if (pending.length === 0) return flush();
    return Promise.all(pending).then(flush);
  };

  private limitOf(name: string): AttributeSetLimit {
    const key = name.toLowerCase();
    let limit = this.limits.get(key);
    if (limit === undefined) {
      limit = new AttributeSetLimit(this.limit);
      this.limits.set(key, limit);
    }
    return limit;
  }
}

/**
 * A counter or up-down counter whose attribute sets pass the limit. A value the SDK drops (not a
 * number; negative, for a counter) is handed on as it is, so it takes no attribute set's place.
 */
class BoundedAdd implements Counter, UpDownCounter {
  constructor(
    private readonly instrument: Counter | UpDownCounter,
    private readonly attributeLimit: AttributeSetLimit,
    private readonly nonNegative: boolean,
  ) {}

  add(value: number, attributes?: Attributes, context?: Context): void {
    const dropped = typeof value !== 'number' || (this.nonNegative && value < 0);
    this.instrument.add(value, dropped ? attributes : this.attributeLimit.admit(attributes), context);
  }
}

/** A histogram or gauge whose attribute sets pass the limit; values the SDK drops take no place, as for BoundedAdd. */
class BoundedRecord implements Histogram, Gauge {
  constructor(
    private readonly instrument: Histogram | Gauge,
    private readonly attributeLimit: AttributeSetLimit,
    private readonly nonNegative: boolean,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    const dropped = typeof value !== 'number' || (this.nonNegative && value < 0);
    this.instrument.record(value, dropped ? attributes : this.attributeLimit.admit(attributes), context);
  }
}

/**
 * A histogram whose attribute sets pass the limit, each measurement also recorded into its series'
 * sketch (histogram-sketches.ts): one sketch lookup and one record more per measurement.
 */
class SketchedHistogram implements Histogram {
  constructor(
    private readonly instrument: Histogram,
    private readonly attributeLimit: AttributeSetLimit,
    private readonly sketches: InstrumentSketches,
    /** valueType INT: the SDK truncates each value, and so does the sketch. */
    private readonly integers: boolean,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    // What the SDK drops (not a number; negative) takes no attribute set's place, as for BoundedRecord.
    if (typeof value !== 'number' || value < 0) return this.instrument.record(value, attributes, context);
    this.instrument.record(value, this.attributeLimit.admit(attributes), context);
    const seriesKey = this.attributeLimit.lastKey;
    // NaN and Infinity have no bucket in a sketch: their series' percentiles leave them out.
    if (seriesKey !== undefined && Number.isFinite(value)) this.sketches.sketchOf(seriesKey)?.record(this.integers ? Math.trunc(value) : value);
  }
}

/**
 * An observable instrument whose callbacks' attribute sets pass the limit; its meter runs the
 * callbacks. The SDK keeps the last value observed per attribute set, so the sets past the limit
 * are added up (a counter's) or the last one kept (a gauge's) and observed once as the overflow series.
 */
class BoundedObservable implements ObservableCounter, ObservableUpDownCounter, ObservableGauge {
  constructor(
    readonly observable: Observable,
    readonly attributeLimit: AttributeSetLimit,
    readonly overflowKind: OverflowKind,
    private readonly meter: BoundedMeter,
  ) {}

  addCallback(callback: ObservableCallback): void {
    this.meter.addCallback(this, callback);
  }

  removeCallback(callback: ObservableCallback): void {
    this.meter.removeCallback(this, callback);
  }
}

type OverflowKind = 'sum' | 'last';

/** What the observations past the limit come to in one collection: per original set the last value, as the SDK keeps it; then summed, or the last. */
class OverflowValue {
  private readonly bySet = new Map<string, number>();
  private last = 0;

  constructor(private readonly kind: OverflowKind) {}

  add(key: string, value: number): void {
    this.bySet.set(key, value);
    this.last = value;
  }

  get value(): number {
    if (this.kind === 'last') return this.last;
    let sum = 0;
    for (const value of this.bySet.values()) sum += value;
    return sum;
  }
}

function innerObservable(observable: Observable): Observable {
  return observable instanceof BoundedObservable ? observable.observable : observable;
}

function sameSet(a: readonly Observable[], b: readonly Observable[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((observable) => set.has(observable));
}

function isPromise(value: unknown): value is Promise<void> {
  return typeof (value as Promise<void> | undefined)?.then === 'function';
}

function logCallbackError(error: unknown): void {
  logOnce('observable-callback', 'an observable callback of the app threw; its values are left out, later failures are not logged', error);
}
