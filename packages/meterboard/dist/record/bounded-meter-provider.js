import { logOnce } from '../log-once.js';
import { attributesKey } from './attributes-key.js';
import { OVERFLOW_ATTRIBUTES } from './http-instruments.js';
/**
 * The attribute sets one instrument may ever report: the first `limit - 1` it sees, then every new
 * one becomes OVERFLOW_ATTRIBUTES (the limit counts the overflow series, as the SDK's
 * aggregationCardinalityLimit does). Over the process's lifetime, unlike the SDK's limit, which
 * counts the sets of one collection (FIELD-NOTES, "The SDK's cardinality limit counts one collection").
 */
export class AttributeSetLimit {
    limit;
    admitted = new Set();
    constructor(limit) {
        this.limit = limit;
    }
    /** `attributes` if its set may be reported, else OVERFLOW_ATTRIBUTES. */
    admit(attributes) {
        const key = this.keyOf(attributes);
        // Values JSON cannot encode: the SDK's own hash fails on them too, so hand them on as they are.
        if (key === undefined)
            return attributes;
        if (this.admitted.has(key))
            return attributes;
        if (this.admitted.size >= this.limit - 1)
            return OVERFLOW_ATTRIBUTES;
        this.admitted.add(key);
        return attributes;
    }
    /** The attribute set's key (the SDK's hash); undefined, logged once, for values it cannot encode. */
    keyOf(attributes) {
        try {
            return attributes === undefined ? EMPTY_KEY : attributesKey(attributes);
        }
        catch (error) {
            logOnce('attribute-key', 'an attribute set could not be hashed; later failures are not logged', error);
            return undefined;
        }
    }
    /** Attribute sets admitted so far. */
    get size() {
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
export function boundedMeterProvider(provider, limit) {
    const meters = new Map();
    return {
        getMeter(name, version, options) {
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
class BoundedMeter {
    meter;
    limit;
    // By instrument name, case-insensitive as the SDK's instrument identity.
    limits = new Map();
    // Every observable callback of this meter runs inside one SDK batch callback, so that the sets
    // past the limit are added up once per instrument and collection, whichever callbacks observed them.
    single = new Map();
    batch = [];
    registered = [];
    constructor(meter, limit) {
        this.meter = meter;
        this.limit = limit;
    }
    createCounter(name, options) {
        return new BoundedAdd(this.meter.createCounter(name, options), this.limitOf(name), true);
    }
    createUpDownCounter(name, options) {
        return new BoundedAdd(this.meter.createUpDownCounter(name, options), this.limitOf(name), false);
    }
    createHistogram(name, options) {
        return new BoundedRecord(this.meter.createHistogram(name, options), this.limitOf(name), true);
    }
    createGauge(name, options) {
        return new BoundedRecord(this.meter.createGauge(name, options), this.limitOf(name), false);
    }
    createObservableCounter(name, options) {
        return new BoundedObservable(this.meter.createObservableCounter(name, options), this.limitOf(name), 'sum', this);
    }
    createObservableUpDownCounter(name, options) {
        return new BoundedObservable(this.meter.createObservableUpDownCounter(name, options), this.limitOf(name), 'sum', this);
    }
    createObservableGauge(name, options) {
        return new BoundedObservable(this.meter.createObservableGauge(name, options), this.limitOf(name), 'last', this);
    }
    addBatchObservableCallback(callback, observables) {
        // The SDK tells batch callbacks apart by the callback and its set of observables.
        if (this.batch.some((entry) => entry.callback === callback && sameSet(entry.observables, observables)))
            return;
        this.batch.push({ callback, observables: [...observables] });
        this.reregister();
    }
    removeBatchObservableCallback(callback, observables) {
        const index = this.batch.findIndex((entry) => entry.callback === callback && sameSet(entry.observables, observables));
        if (index === -1)
            return;
        this.batch.splice(index, 1);
        this.reregister();
    }
    /** For BoundedObservable#addCallback. */
    addCallback(observable, callback) {
        let callbacks = this.single.get(observable);
        if (callbacks === undefined) {
            callbacks = new Set();
            this.single.set(observable, callbacks);
        }
        if (callbacks.has(callback))
            return;
        callbacks.add(callback);
        this.reregister();
    }
    /** For BoundedObservable#removeCallback. */
    removeCallback(observable, callback) {
        const callbacks = this.single.get(observable);
        if (!callbacks?.delete(callback))
            return;
        if (callbacks.size === 0)
            this.single.delete(observable);
        this.reregister();
    }
    // One SDK batch callback over every observable that has a callback now.
    reregister() {
        const observables = new Set(this.single.keys());
        for (const entry of this.batch)
            for (const observable of entry.observables)
                observables.add(observable);
        if (this.registered.length > 0)
            this.meter.removeBatchObservableCallback(this.observeAll, this.registered.map(innerObservable));
        this.registered = [...observables];
        if (this.registered.length > 0)
            this.meter.addBatchObservableCallback(this.observeAll, this.registered.map(innerObservable));
    }
    // Runs every callback of the meter against results that pass the limit, then observes each
    // instrument's overflow series once. A callback that throws or rejects is logged and the others go on.
    observeAll = (result) => {
        const overflow = new Map();
        const observe = (observable, value, attributes) => {
            if (!(observable instanceof BoundedObservable))
                return result.observe(observable, value, attributes);
            const admitted = observable.attributeLimit.admit(attributes);
            if (admitted !== OVERFLOW_ATTRIBUTES)
                return result.observe(observable.observable, value, admitted);
            let sum = overflow.get(observable);
            if (sum === undefined) {
                sum = new OverflowValue(observable.overflowKind);
                overflow.set(observable, sum);
            }
            sum.add(observable.attributeLimit.keyOf(attributes) ?? '', value);
        };
        const pending = [];
        const run = (call) => {
            try {
                const returned = call();
                if (isPromise(returned))
                    pending.push(returned.catch(logCallbackError));
            }
            catch (error) {
                logCallbackError(error);
            }
        };
        for (const [observable, callbacks] of this.single) {
            const observableResult = { observe: (value, attributes) => observe(observable, value, attributes) };
            for (const callback of callbacks)
                run(() => callback(observableResult));
        }
        const batchResult = { observe };
        for (const { callback } of this.batch)
            run(() => callback(batchResult));
        const flush = () => {
            for (const [observable, value] of overflow)
                result.observe(observable.observable, value.value, OVERFLOW_ATTRIBUTES);
        };
        if (pending.length === 0)
            return flush();
        return Promise.all(pending).then(flush);
    };
    limitOf(name) {
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
class BoundedAdd {
    instrument;
    attributeLimit;
    nonNegative;
    constructor(instrument, attributeLimit, nonNegative) {
        this.instrument = instrument;
        this.attributeLimit = attributeLimit;
        this.nonNegative = nonNegative;
    }
    add(value, attributes, context) {
        const dropped = typeof value !== 'number' || (this.nonNegative && value < 0);
        this.instrument.add(value, dropped ? attributes : this.attributeLimit.admit(attributes), context);
    }
}
/** A histogram or gauge whose attribute sets pass the limit; values the SDK drops take no place, as for BoundedAdd. */
class BoundedRecord {
    instrument;
    attributeLimit;
    nonNegative;
    constructor(instrument, attributeLimit, nonNegative) {
        this.instrument = instrument;
        this.attributeLimit = attributeLimit;
        this.nonNegative = nonNegative;
    }
    record(value, attributes, context) {
        const dropped = typeof value !== 'number' || (this.nonNegative && value < 0);
        this.instrument.record(value, dropped ? attributes : this.attributeLimit.admit(attributes), context);
    }
}
/**
 * An observable instrument whose callbacks' attribute sets pass the limit; its meter runs the
 * callbacks. The SDK keeps the last value observed per attribute set, so the sets past the limit
 * are added up (a counter's) or the last one kept (a gauge's) and observed once as the overflow series.
 */
class BoundedObservable {
    observable;
    attributeLimit;
    overflowKind;
    meter;
    constructor(observable, attributeLimit, overflowKind, meter) {
        this.observable = observable;
        this.attributeLimit = attributeLimit;
        this.overflowKind = overflowKind;
        this.meter = meter;
    }
    addCallback(callback) {
        this.meter.addCallback(this, callback);
    }
    removeCallback(callback) {
        this.meter.removeCallback(this, callback);
    }
}
/** What the observations past the limit come to in one collection: per original set the last value, as the SDK keeps it; then summed, or the last. */
class OverflowValue {
    kind;
    bySet = new Map();
    last = 0;
    constructor(kind) {
        this.kind = kind;
    }
    add(key, value) {
        this.bySet.set(key, value);
        this.last = value;
    }
    get value() {
        if (this.kind === 'last')
            return this.last;
        let sum = 0;
        for (const value of this.bySet.values())
            sum += value;
        return sum;
    }
}
function innerObservable(observable) {
    return observable instanceof BoundedObservable ? observable.observable : observable;
}
function sameSet(a, b) {
    const set = new Set(a);
    return set.size === new Set(b).size && b.every((observable) => set.has(observable));
}
function isPromise(value) {
    return typeof value?.then === 'function';
}
function logCallbackError(error) {
    logOnce('observable-callback', 'an observable callback of the app threw; its values are left out, later failures are not logged', error);
}
