// Display formatting for the dashboard. Pure; the unit is in each function's name.
/** "850 µs", "12.3 ms", "1.24 s"; "–" for null. */
export function formatSeconds(seconds) {
    if (seconds === null || !Number.isFinite(seconds))
        return '–';
    // Compare after rounding, so 0.9996 s reads "1 s", not "1000 ms".
    const micros = Math.round(seconds * 1_000_000);
    if (micros < 1000)
        return `${micros} µs`;
    const millis = Number(trim(seconds * 1000));
    if (millis < 1000)
        return `${millis} ms`;
    return `${trim(seconds)} s`;
}
/** "0", "0.35", "12.4", "1,250" requests per second. */
export function formatRate(perSecond) {
    if (perSecond === 0)
        return '0';
    if (perSecond < 10)
        return perSecond.toFixed(2);
    if (perSecond < 100)
        return perSecond.toFixed(1);
    return Math.round(perSecond).toLocaleString('en-US');
}
/** "0 %", "2.5 %", "100 %" from a 0..1 ratio; "–" for null. */
export function formatRatioAsPercent(ratio) {
    if (ratio === null)
        return '–';
    const percent = ratio * 100;
    return `${percent === 0 || percent >= 10 ? Math.round(percent) : percent.toFixed(1)} %`;
}
/** "42 s", "3 min 5 s", "2 h 7 min", "3 d 4 h". */
export function formatUptimeSeconds(seconds) {
    const s = Math.floor(seconds);
    if (s < 60)
        return `${s} s`;
    if (s < 3600)
        return `${Math.floor(s / 60)} min ${s % 60} s`;
    if (s < 86_400)
        return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
    return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}
/** "14:03:27" in the viewer's time zone. */
export function formatClock(epochMs) {
    return new Date(epochMs).toLocaleTimeString('en-GB', { hour12: false });
}
/** Whole numbers with thousands separators. */
export function formatCount(count) {
    return count.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
function trim(value) {
    return value >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}
/** "512 B", "3.4 MB", "1.2 GB" (powers of 1024, as heap numbers are usually read); "–" for null. */
export function formatBytes(bytes) {
    if (bytes === null || !Number.isFinite(bytes))
        return '–';
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : trim(value)} ${units[unit]}`;
}
/**
 * A value of an instrument in its UCUM unit (https://opentelemetry.io/docs/specs/semconv/general/metrics/#instrument-units):
 * "s" and "By" as durations and sizes, "1" as a plain number, an annotation such as "{order}" as
 * "3 orders"-style text without braces, anything else after the number; "–" for null.
 */
export function formatWithUnit(value, unit) {
    if (value === null || !Number.isFinite(value))
        return '–';
    if (unit === 's')
        return formatSeconds(value);
    if (unit === 'ms')
        return formatSeconds(value / 1000);
    if (unit === 'By')
        return formatBytes(value);
    const number = Math.abs(value) >= 1000 || Number.isInteger(value) ? formatCount(value) : String(Number(value.toPrecision(3)));
    const label = unitLabel(unit);
    return label === '' ? number : `${number} ${label}`;
}
/** A unit as text for a caption or a column: "{order}" → "order", "1" → "". */
export function unitLabel(unit) {
    if (unit === '1')
        return '';
    return unit.replace(/^\{(.*)\}$/, '$1');
}
