// Telemetry's Prometheus client lives in the instrumentation bundle and the handlers in the route
// bundles, each with its own copy of this class (FIELD-NOTES, "instrumentation.ts"): a brand on
// the error, not instanceof, tells a SourceError.
const SOURCE_ERROR = Symbol.for('meterboard.sourceError');
/** The data source of /api/stats cannot answer: the HTTP status and error code to answer with, and a message that says what to fix. */
export class SourceError extends Error {
    status;
    code;
    name = 'SourceError';
    [SOURCE_ERROR] = true;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
    /** True for a SourceError from any copy of this module. */
    static is(error) {
        return typeof error === 'object' && error !== null && error[SOURCE_ERROR] === true;
    }
}
