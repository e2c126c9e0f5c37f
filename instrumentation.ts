// Runs once per server process when it starts (https://nextjs.org/docs/app/guides/instrumentation).
// Meterboard measures the Node.js runtime only: the edge runtime has no HTTP server to observe.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startTelemetry } = await import('./lib/telemetry');
    startTelemetry();
  }
}
