/** Who a collection is for when nobody said: the SDK's own calls (forceFlush, shutdown). */
export declare const DEFAULT_CONSUMER = "default";
/**
 * Runs `collect` as a collection for `consumer` (the history, a /metrics scrape, a push reader), so
 * an instrument that reports "since the previous collection" (event loop delay and utilization)
 * can keep one interval per consumer instead of one shared by all: otherwise the history's
 * once-a-second collection would leave a 15 s scrape only the last second.
 */
export declare function collectFor<T>(consumer: string, collect: () => Promise<T>): Promise<T>;
/** The consumer of the collection running now, DEFAULT_CONSUMER outside collectFor. */
export declare function currentConsumer(): string;
