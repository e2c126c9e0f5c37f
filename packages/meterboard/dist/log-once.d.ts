/**
 * Logs a telemetry failure the first time it happens under `key` in this process and stays silent
 * after, so a broken metric can never flood the log on every request.
 */
export declare function logOnce(key: string, message: string, error?: unknown): void;
