import type { RuntimeStats } from '../collect/runtime-reading.js';
/** Node.js runtime health of the server process over the last sampling interval. */
export declare function RuntimePanel({ runtime }: {
    runtime: RuntimeStats | null;
}): import("react").JSX.Element;
