/**
 * Starts meterboard in this server process: one MeterProvider (the global one, unless another is
 * already registered), the HTTP server measured from the next request on, the dashboard's history.
 * Runs in the Node.js runtime only and does nothing in the edge runtime, which serves no HTTP
 * requests of its own. Safe to call twice; never throws (a failure is logged and the app runs on).
 */
export declare function register(): Promise<void>;
