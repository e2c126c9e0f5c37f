/**
 * Where the process's one Telemetry lives on globalThis (telemetry.ts): every route bundle and the
 * instrumentation bundle has its own copy of meterboard's modules (FIELD-NOTES, "instrumentation.ts").
 * Its own module so that meterboard/register reaches it without loading the Node-only telemetry.ts.
 */
export const TELEMETRY_KEY = Symbol.for('meterboard.telemetry');
