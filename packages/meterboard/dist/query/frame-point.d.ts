import type { Frame, FrameHttpSeries } from '../collect/frame.js';
import type { SeriesPoint } from './stats-types.js';
/**
 * The chart point of a frame: requests per second by status class, error rate and latency
 * percentiles of the series `include` accepts (all of them by default). Pure.
 */
export declare function framePoint(frame: Frame, partial: boolean, include?: (series: FrameHttpSeries) => boolean): SeriesPoint;
/** count / seconds, 0 for an empty interval. */
export declare function perSecond(count: number, seconds: number): number;
