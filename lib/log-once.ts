const logged = new Set<string>();

/**
 * Logs a telemetry failure the first time it happens under `key` and stays silent after, so a
 * broken metric can never flood the log on every request.
 */
export function logOnce(key: string, message: string, error?: unknown): void {
  if (logged.has(key)) return;
  logged.add(key);
  console.error(`[meterboard] ${message}`, error ?? '');
}
