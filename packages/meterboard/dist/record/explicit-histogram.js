/**
 * One series of a cumulative explicit-bucket histogram: what the SDK's HistogramAccumulation keeps,
 * with the same bucket rule (bucket i counts values in (boundaries[i-1], boundaries[i]], the last
 * one the rest), min/max and NaN handling, for series whose attributes are looked up once and kept.
 */
export class ExplicitHistogram {
    boundaries;
    attributes;
    startTime;
    count = 0;
    sum = 0;
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    bucketCounts;
    constructor(boundaries, attributes, startTime) {
        this.boundaries = boundaries;
        this.attributes = attributes;
        this.startTime = startTime;
        this.bucketCounts = new Array(boundaries.length + 1).fill(0);
    }
    /** Adds one value; NaN is ignored, as the SDK does. */
    record(value) {
        if (Number.isNaN(value))
            return;
        this.count++;
        this.sum += value;
        if (value < this.min)
            this.min = value;
        if (value > this.max)
            this.max = value;
        const { boundaries } = this;
        let bucket = 0;
        while (bucket < boundaries.length && boundaries[bucket] < value)
            bucket++;
        this.bucketCounts[bucket]++;
    }
    /** The series as the SDK reports a cumulative histogram point; a copy, so later recordings do not change it. */
    toDataPoint(endTime) {
        const hasValues = this.count > 0;
        return {
            attributes: this.attributes,
            startTime: this.startTime,
            endTime,
            value: {
                // The boundaries never change, so every point shares them; the counts do, so each gets its own.
                buckets: { boundaries: this.boundaries, counts: [...this.bucketCounts] },
                sum: this.sum,
                count: this.count,
                min: hasValues ? this.min : undefined,
                max: hasValues ? this.max : undefined,
            },
        };
    }
}
