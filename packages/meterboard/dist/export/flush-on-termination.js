import 'server-only';
import { logOnce } from '../log-once.js';
/** The longest the last push may hold a stopping process back, milliseconds: under Docker's 10 s stop timeout, with room for Next's own shutdown. */
export const SHUTDOWN_FLUSH_LIMIT_MS = 5_000;
// Once per process: startTelemetry runs once, but a second copy of this module must not patch again.
const INSTALLED = Symbol.for('meterboard.flushOnTermination');
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
export function flushOnTermination(meterProvider, exportTimeoutMs) {
    const global = globalThis;
    if (global[INSTALLED])
        return;
    global[INSTALLED] = true;
    const timeoutMs = Math.min(exportTimeoutMs, SHUTDOWN_FLUSH_LIMIT_MS);
    let terminating = false;
    let flushed;
    const flush = () => (flushed ??= Promise.race([
        meterProvider.forceFlush().catch((error) => logOnce('flush', 'the last export before the process stopped failed', error)),
        // Not unref'd: it keeps the process alive until the exit it holds back.
        new Promise((resolve) => setTimeout(resolve, timeoutMs)),
    ]));
    // First, so that `terminating` is set before any other listener exits, and while every other
    // listener is still registered (a `once` one is removed before it runs).
    process.prependOnceListener('SIGTERM', () => {
        terminating = true;
        // Alone, this listener replaced Node's default of ending the process: end it the same way.
        if (process.listenerCount('SIGTERM') === 0)
            void flush().finally(() => process.kill(process.pid, 'SIGTERM'));
    });
    const exit = process.exit;
    process.exit = function exitAfterFlush(code) {
        if (!terminating)
            return exit.call(process, code);
        void flush().finally(() => exit.call(process, code));
        // process.exit never returns to its caller: neither does this, until the flush is done.
        return undefined;
    };
}
