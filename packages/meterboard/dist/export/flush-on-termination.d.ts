import 'server-only';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
/** The longest the last push may hold a stopping process back, milliseconds: under Docker's 10 s stop timeout, with room for Next's own shutdown. */
export declare const SHUTDOWN_FLUSH_LIMIT_MS = 5000;
/**
 * Exports what the push readers hold when the process is asked to stop (SIGTERM: a deploy, a
 * scale-in, `docker stop`), so the last interval (up to OTEL_METRIC_EXPORT_INTERVAL, every pending
 * delta) is not lost. Next's own SIGTERM handler closes the HTTP server, lets the requests in flight
 * finish, and then calls process.exit: the flush runs at that exit, so it includes those requests,
 * and holds it back by at most the export timeout, and never more than SHUTDOWN_FLUSH_LIMIT_MS
 * (a collector that is down must not use up the orchestrator's grace period). Until then that
 * process.exit returns to its caller. With no other SIGTERM listener (NEXT_MANUAL_SIG_HANDLE
 * without one of the app's), the process flushes and then ends by the signal, as it would have
 * without meterboard.
 */
export declare function flushOnTermination(meterProvider: MeterProvider, exportTimeoutMs: number): void;
