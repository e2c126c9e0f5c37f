import { AsyncLocalStorage } from 'node:async_hooks';
// On globalThis: the history, /metrics and the push readers live in different bundles, and the
// runtime metrics' callbacks must see the consumer whichever bundle started the collection.
const CONSUMER_KEY = Symbol.for('meterboard.collectionConsumer');
const consumers = (globalThis[CONSUMER_KEY] ??= new AsyncLocalStorage());
/** Who a collection is for when nobody said: the SDK's own calls (forceFlush, shutdown). */
export const DEFAULT_CONSUMER = 'default';
/**
 * Runs `collect` as a collection for `consumer` (the history, a /metrics scrape, a push reader), so
 * an instrument that reports "since the previous collection" (event loop delay and utilization)
 * can keep one interval per consumer instead of one shared by all: otherwise the history's
 * once-a-second collection would leave a 15 s scrape only the last second.
 */
export function collectFor(consumer, collect) {
    return consumers.run(consumer, collect);
}
/** The consumer of the collection running now, DEFAULT_CONSUMER outside collectFor. */
export function currentConsumer() {
    return consumers.getStore() ?? DEFAULT_CONSUMER;
}
