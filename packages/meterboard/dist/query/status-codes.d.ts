import type { StatusClassRates } from './stats-types.js';
/** Key in RouteStats.statusCodes for requests that ended before a status was sent. */
export declare const NO_STATUS = "none";
/** "2xx".."5xx" for a status code; undefined for anything else, and for no status (nothing was sent). */
export declare function statusClassOf(status: number | undefined): keyof StatusClassRates | undefined;
