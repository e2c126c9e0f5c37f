import type { InstrumentDescriptor, WindowName } from '../query/stats-types.js';
/** Every instrument of every meter, by meter (the API's order: the app's meters first), each a link that opens it. */
export declare function InstrumentList({ instruments, selected, window, }: {
    instruments: readonly InstrumentDescriptor[];
    selected: InstrumentDescriptor | null;
    window: WindowName;
}): import("react").JSX.Element;
