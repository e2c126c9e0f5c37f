// On globalThis: every route bundle has its own copy of this module, and "once" means once per process.
const LOGGED_KEY = Symbol.for('meterboard.loggedOnce');
/**
 * Logs a telemetry failure the first time it happens under `key` in this process and stays silent
 * after, so a broken metric can never flood the log on every request.
 */
export function logOnce(key, message, error) {
    const logged = (globalThis[LOGGED_KEY] ??= new Set());
    if (logged.has(key))
        return;
    logged.add(key);
    if (error === undefined)
        console.error(`[meterboard] ${message}`);
    else
        console.error(`[meterboard] ${message}`, error);
}
