// Runs once per server process when it starts (https://nextjs.org/docs/app/guides/instrumentation).
// Meterboard measures the Node.js runtime only: the edge runtime has no HTTP server to observe.
// NEXT_RUNTIME is read here, not in lib/config.ts, because Next inlines it per bundle, which lets the
// edge bundle drop the Node-only import.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startTelemetry } = await import('./lib/telemetry');
    startTelemetry();
  }
}
