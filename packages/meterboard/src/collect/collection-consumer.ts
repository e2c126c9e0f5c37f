// On globalThis: the history, /metrics and the push readers live in different bundles, and the
// runtime metrics' callbacks must see the consumer whichever bundle started the collection.
const CONSUMER_KEY = Symbol.for('meterboard.collectionConsumer');
type ConsumerGlobal = typeof globalThis & { [CONSUMER_KEY]?: string };

/** Who a collection is for when nobody said: the SDK's own calls (forceFlush, shutdown). */
export const DEFAULT_CONSUMER = 'default';

/**
 * Runs `collect` as a collection for `consumer` (the history, a /metrics scrape, a push reader), so
 * an instrument that reports "since the previous collection" (event loop delay and utilization)
 * can keep one interval per consumer instead of one shared by all: otherwise the history's
 * once-a-second collection would leave a 15 s scrape only the last second.
 *
 * The consumer is set only while `collect` runs synchronously: a MetricReader's collect() calls
 * every observable callback before its first await (sdk-metrics 2.x, ObservableRegistry#observe),
 * and collection-consumer.test.ts fails if that changes. Not an AsyncLocalStorage: once run, an
 * AsyncLocalStorage stays enabled and stores itself on every promise and async resource the process
 * creates from then on, one more for each of Next's own (4 instead of 3 on a route handler).
 */
export function collectFor<T>(consumer: string, collect: () => Promise<T>): Promise<T> {
  const global = globalThis as ConsumerGlobal;
  const previous = global[CONSUMER_KEY];
  global[CONSUMER_KEY] = consumer;
  try {
    return collect();
  } finally {
    global[CONSUMER_KEY] = previous;
  }
}

/** The consumer of the collection running now, DEFAULT_CONSUMER outside collectFor. */
export function currentConsumer(): string {
  return (globalThis as ConsumerGlobal)[CONSUMER_KEY] ?? DEFAULT_CONSUMER;
}
