import type { RouteStats } from '../query/stats-types.js';
/** A route's requests over the window by exact status code: code, count and share, with a bar for the share. */
export declare function StatusCodes({ statusCodes }: {
    statusCodes: RouteStats['statusCodes'];
}): import("react").JSX.Element;
