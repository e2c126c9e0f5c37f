import type { Attributes, MeterProvider } from '@opentelemetry/api';
/**
 * The attribute sets one instrument may ever report: the first `limit - 1` it sees, then every new
 * one becomes OVERFLOW_ATTRIBUTES (the limit counts the overflow series, as the SDK's
 * aggregationCardinalityLimit does). Over the process's lifetime, unlike the SDK's limit, which
 * counts the sets of one collection (FIELD-NOTES, "The SDK's cardinality limit counts one collection").
 */
export declare class AttributeSetLimit {
    private readonly limit;
    private readonly admitted;
    constructor(limit: number);
    /** `attributes` if its set may be reported, else OVERFLOW_ATTRIBUTES. */
    admit(attributes: Attributes | undefined): Attributes | undefined;
    /** The attribute set's key (the SDK's hash); undefined, logged once, for values it cannot encode. */
    keyOf(attributes: Attributes | undefined): string | undefined;
    /** Attribute sets admitted so far. */
    get size(): number;
}
/**
 * A MeterProvider over `provider` whose instruments report at most `limit` attribute sets each over
 * the process's lifetime, past which measurements add into one otel.metric.overflow series: the
 * global provider the app's own meters get (metrics.getMeter), so every reader (/metrics, the
 * history, OTLP, cumulative or delta) sees the same bounded set, and the SDK's storage stays bounded.
 * Instruments of one meter and name share one limit, however often they are created (apps often
 * call createCounter inside a request handler). Costs one attribute hash per measurement.
 */
export declare function boundedMeterProvider(provider: MeterProvider, limit: number): MeterProvider;
