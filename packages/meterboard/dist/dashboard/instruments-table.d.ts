import type { InstrumentStats, WindowName } from '../query/stats-types.js';
/** Every instrument the app created with @opentelemetry/api, with its values per attribute set; each links to the explorer. */
export declare function InstrumentsTable({ instruments, window }: {
    instruments: readonly InstrumentStats[];
    window: WindowName;
}): import("react").JSX.Element;
