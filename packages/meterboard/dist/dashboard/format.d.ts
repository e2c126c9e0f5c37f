/** "850 µs", "12.3 ms", "1.24 s"; "–" for null. */
export declare function formatSeconds(seconds: number | null): string;
/** "0", "0.35", "12.4", "1,250" requests per second. */
export declare function formatRate(perSecond: number): string;
/** "0 %", "2.5 %", "100 %" from a 0..1 ratio; "–" for null. */
export declare function formatRatioAsPercent(ratio: number | null): string;
/** "42 s", "3 min 5 s", "2 h 7 min", "3 d 4 h". */
export declare function formatUptimeSeconds(seconds: number): string;
/** "14:03:27" in the viewer's time zone. */
export declare function formatClock(epochMs: number): string;
/** Whole numbers with thousands separators. */
export declare function formatCount(count: number): string;
/** "512 B", "3.4 MB", "1.2 GB" (powers of 1024, as heap numbers are usually read); "–" for null. */
export declare function formatBytes(bytes: number | null): string;
/**
 * A value of an instrument in its UCUM unit (https://opentelemetry.io/docs/specs/semconv/general/metrics/#instrument-units):
 * "s" and "By" as durations and sizes, "1" as a plain number, an annotation such as "{order}" as
 * "3 orders"-style text without braces, anything else after the number; "–" for null.
 */
export declare function formatWithUnit(value: number | null, unit: string): string;
/** A unit as text for a caption or a column: "{order}" → "order", "1" → "". */
export declare function unitLabel(unit: string): string;
