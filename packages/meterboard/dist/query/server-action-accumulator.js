import { LatencyAccumulator } from './latency-accumulator.js';
/** Adds up the next.server_action.duration series of one action (all its outcomes) over a window. */
export class ServerActionAccumulator extends LatencyAccumulator {
    name;
    file;
    constructor(name, file) {
        super();
        this.name = name;
        this.file = file;
    }
    /** A copy that can go on adding without changing this one. */
    clone() {
        return new ServerActionAccumulator(this.name, this.file).copyFrom(this);
    }
    /** The row of what was added, over `seconds` of history. */
    toStats(seconds) {
        return { name: this.name, file: this.file ?? null, ...this.summary(seconds) };
    }
}
