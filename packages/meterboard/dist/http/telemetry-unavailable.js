import 'server-only';
import { telemetryUnavailableReason } from '../telemetry.js';
import { jsonError } from './json-error.js';
/** 503 for the telemetry endpoints when metrics are off in this process, saying why. */
export function telemetryUnavailable() {
    return jsonError(503, 'telemetry_unavailable', telemetryUnavailableReason());
}
