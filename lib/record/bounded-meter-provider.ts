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
import { logOnce } from '../log-once';
import { attributesKey } from './attributes-key';
import { OVERFLOW_ATTRIBUTES } from './http-instruments';

/**
 * The attribute sets one instrument may ever report: the first `limit - 1` it sees, then every new
 * one becomes OVERFLOW_ATTRIBUTES (the limit counts the overflow series, as the SDK's
 * aggregationCardinalityLimit does). Over the process's lifetime, unlike the SDK's limit, which
 * counts the sets of one collection (FIELD-NOTES, "The SDK's cardinality limit counts one collection").
 */
export class AttributeSetLimit {
  private readonly admitted = new Set<string>();

  constructor(private readonly limit: number) {}

  /** `attributes` if its set may be reported, else OVERFLOW_ATTRIBUTES. */
  admit(attributes: Attributes | undefined): Attributes | undefined {
    let key: string;
    try {
      key = attributes === undefined ? EMPTY_KEY : attributesKey(attributes);
    } catch (error) {
      // Values JSON cannot encode: the SDK's own hash fails on them too, so hand them on as they are.
      logOnce('attribute-key', 'an attribute set could not be hashed; later failures are not logged', error);
      return attributes;
    }
    if (this.admitted.has(key)) return attributes;
    if (this.admitted.size >= this.limit - 1) return OVERFLOW_ATTRIBUTES;
    this.admitted.add(key);
    return attributes;
  }

  /** Attribute sets admitted so far. */
  get size(): number {
    return this.admitted.size;
  }
}

const EMPTY_KEY = attributesKey({});

/**
 * A MeterProvider over `provider` whose instruments report at most `limit` attribute sets each over
 * the process's lifetime, past which measurements add into one otel.metric.overflow series: the
 * global provider the app's own meters get (metrics.getMeter), so every reader (/metrics, the
 * history, OTLP, cumulative or delta) sees the same bounded set, and the SDK's storage stays bounded.
 * Instruments of one meter and name share one limit, however often they are created (apps often
 * call createCounter inside a request handler). Costs one attribute hash per measurement.
 */
export function boundedMeterProvider(provider: MeterProvider, limit: number): MeterProvider {
  const meters = new Map<string, Meter>();
  return {
    getMeter(name: string, version?: string, options?: MeterOptions): Meter {
      // The SDK's meter identity: name, version and schema URL.
      const key = `${name}\n${version ?? ''}\n${options?.schemaUrl ?? ''}`;
      let meter = meters.get(key);
      if (meter === undefined) {
        meter = new BoundedMeter(provider.getMeter(name, version, options), limit);
        meters.set(key, meter);
      }
      return meter;
    },
  };
}

class BoundedMeter implements Meter {
  // By instrument name, case-insensitive as the SDK's instrument identity.
  private readonly limits = new Map<string, AttributeSetLimit>();
  private readonly batchCallbacks = new Map<BatchObservableCallback, BatchObservableCallback>();

  constructor(
    private readonly meter: Meter,
    private readonly limit: number,
  ) {}

  createCounter(name: string, options?: MetricOptions): Counter {
    return new BoundedAdd(this.meter.createCounter(name, options), this.limitOf(name));
  }

  createUpDownCounter(name: string, options?: MetricOptions): UpDownCounter {
    return new BoundedAdd(this.meter.createUpDownCounter(name, options), this.limitOf(name));
  }

  createHistogram(name: string, options?: MetricOptions): Histogram {
    return new BoundedRecord(this.meter.createHistogram(name, options), this.limitOf(name));
  }

  createGauge(name: string, options?: MetricOptions): Gauge {
    return new BoundedRecord(this.meter.createGauge(name, options), this.limitOf(name));
  }

  createObservableCounter(name: string, options?: MetricOptions): ObservableCounter {
    return new BoundedObservable(this.meter.createObservableCounter(name, options), this.limitOf(name), 'sum');
  }

  createObservableUpDownCounter(name: string, options?: MetricOptions): ObservableUpDownCounter {
    return new BoundedObservable(this.meter.createObservableUpDownCounter(name, options), this.limitOf(name), 'sum');
  }

  createObservableGauge(name: string, options?: MetricOptions): ObservableGauge {
    return new BoundedObservable(this.meter.createObservableGauge(name, options), this.limitOf(name), 'last');
  }

  addBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    if (this.batchCallbacks.has(callback)) return;
    const bounded: BatchObservableCallback = (result) => {
      const overflow = new Map<BoundedObservable, OverflowValue>();
      const boundedResult: BatchObservableResult = {
        observe(observable, value, attributes) {
          if (!(observable instanceof BoundedObservable)) return result.observe(observable, value, attributes);
          const admitted = observable.attributeLimit.admit(attributes);
          if (admitted !== OVERFLOW_ATTRIBUTES) return result.observe(observable.observable, value, admitted);
          let sum = overflow.get(observable);
          if (sum === undefined) {
            sum = new OverflowValue(observable.overflowKind);
            overflow.set(observable, sum);
          }
          sum.add(value);
        },
      };
      return afterCallback(callback(boundedResult), () => {
        for (const [observable, value] of overflow) result.observe(observable.observable, value.value, OVERFLOW_ATTRIBUTES);
      });
    };
    this.batchCallbacks.set(callback, bounded);
    this.meter.addBatchObservableCallback(bounded, observables.map(innerObservable));
  }

  removeBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    const bounded = this.batchCallbacks.get(callback);
    if (bounded === undefined) return;
    this.batchCallbacks.delete(callback);
    this.meter.removeBatchObservableCallback(bounded, observables.map(innerObservable));
  }

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

/** A counter or up-down counter whose attribute sets pass the limit. */
class BoundedAdd implements Counter, UpDownCounter {
  constructor(
    private readonly instrument: Counter | UpDownCounter,
    private readonly attributeLimit: AttributeSetLimit,
  ) {}

  add(value: number, attributes?: Attributes, context?: Context): void {
    this.instrument.add(value, this.attributeLimit.admit(attributes), context);
  }
}

/** A histogram or gauge whose attribute sets pass the limit. */
class BoundedRecord implements Histogram, Gauge {
  constructor(
    private readonly instrument: Histogram | Gauge,
    private readonly attributeLimit: AttributeSetLimit,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    this.instrument.record(value, this.attributeLimit.admit(attributes), context);
  }
}

/**
 * An observable instrument whose callbacks' attribute sets pass the limit. The SDK keeps the last
 * value observed per attribute set, so the sets past the limit are added up here and observed once
 * as the overflow series: a sum for counters, the last value for gauges.
 */
class BoundedObservable implements ObservableCounter, ObservableUpDownCounter, ObservableGauge {
  private readonly callbacks = new Map<ObservableCallback, ObservableCallback>();

  constructor(
    readonly observable: Observable,
    readonly attributeLimit: AttributeSetLimit,
    readonly overflowKind: OverflowKind,
  ) {}

  addCallback(callback: ObservableCallback): void {
    if (this.callbacks.has(callback)) return;
    const bounded: ObservableCallback = (result) => {
      const overflow = new OverflowValue(this.overflowKind);
      const boundedResult: ObservableResult = {
        observe: (value, attributes) => {
          const admitted = this.attributeLimit.admit(attributes);
          if (admitted === OVERFLOW_ATTRIBUTES) overflow.add(value);
          else result.observe(value, admitted);
        },
      };
      return afterCallback(callback(boundedResult), () => {
        if (overflow.observed) result.observe(overflow.value, OVERFLOW_ATTRIBUTES);
      });
    };
    this.callbacks.set(callback, bounded);
    this.observable.addCallback(bounded);
  }

  removeCallback(callback: ObservableCallback): void {
    const bounded = this.callbacks.get(callback);
    if (bounded === undefined) return;
    this.callbacks.delete(callback);
    this.observable.removeCallback(bounded);
  }
}

type OverflowKind = 'sum' | 'last';

/** What the observations past the limit add up to within one callback. */
class OverflowValue {
  value = 0;
  observed = false;

  constructor(private readonly kind: OverflowKind) {}

  add(value: number): void {
    this.value = this.kind === 'sum' ? this.value + value : value;
    this.observed = true;
  }
}

function innerObservable(observable: Observable): Observable {
  return observable instanceof BoundedObservable ? observable.observable : observable;
}

// Runs `then` once a callback is done, whether it returned a promise or not.
function afterCallback(result: void | Promise<void>, then: () => void): void | Promise<void> {
  if (result !== undefined && typeof (result as Promise<void>).then === 'function') return (result as Promise<void>).then(then);
  then();
}
