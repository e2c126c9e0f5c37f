import 'server-only';
/** 503 for the telemetry endpoints when metrics are off in this process, saying why. */
export declare function telemetryUnavailable(): Response;
