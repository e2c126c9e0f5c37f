/**
 * The q-quantile (0..1) of an explicit-bucket histogram, interpolated linearly inside the bucket
 * that holds it, as Prometheus' histogram_quantile does: bucket i counts values in
 * (boundaries[i-1], boundaries[i]], the first bucket starts at 0 and the last one (+Inf) answers
 * its lower boundary. Null for an empty histogram. Same unit as the boundaries.
 */
export function histogramQuantile(q, boundaries, bucketCounts) {
    let total = 0;
    for (const count of bucketCounts)
        total += count;
    if (total === 0)
        return null;
    const rank = Math.min(Math.max(q, 0), 1) * total;
    let below = 0;
    for (let i = 0; i < bucketCounts.length; i++) {
        const count = bucketCounts[i];
        if (count > 0 && below + count >= rank) {
            if (i >= boundaries.length)
                return boundaries[boundaries.length - 1] ?? null;
            const lower = i === 0 ? 0 : boundaries[i - 1];
            const upper = boundaries[i];
            return lower + (upper - lower) * ((rank - below) / count);
        }
        below += count;
    }
    return boundaries[boundaries.length - 1] ?? null;
}
/** Adds bucket counts element-wise into `into` (grown as needed); returns `into`. */
export function addBucketCounts(into, counts) {
    for (let i = 0; i < counts.length; i++)
        into[i] = (into[i] ?? 0) + counts[i];
    return into;
}
