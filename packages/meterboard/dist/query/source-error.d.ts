declare const SOURCE_ERROR: unique symbol;
/** The data source of /api/stats cannot answer: the HTTP status and error code to answer with, and a message that says what to fix. */
export declare class SourceError extends Error {
    readonly status: 502 | 503;
    readonly code: string;
    name: string;
    readonly [SOURCE_ERROR] = true;
    constructor(status: 502 | 503, code: string, message: string);
    /** True for a SourceError from any copy of this module. */
    static is(error: unknown): error is SourceError;
}
export {};
