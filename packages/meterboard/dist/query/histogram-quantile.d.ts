/**
 * The q-quantile (0..1) of an explicit-bucket histogram, interpolated linearly inside the bucket
 * that holds it, as Prometheus' histogram_quantile does: bucket i counts values in
 * (boundaries[i-1], boundaries[i]], the first bucket starts at 0 and the last one (+Inf) answers
 * its lower boundary. Null for an empty histogram. Same unit as the boundaries.
 */
export declare function histogramQuantile(q: number, boundaries: readonly number[], bucketCounts: readonly number[]): number | null;
/** Adds bucket counts element-wise into `into` (grown as needed); returns `into`. */
export declare function addBucketCounts(into: number[], counts: readonly number[]): number[];
