import type { Step } from './plan.js';
/** Writes the files of the `create` and `edit` steps under `root`; the other steps write nothing. */
export declare function applySteps(root: string, steps: readonly Step[]): void;
/** What a step did (or, with `dryRun`, would do), as the lines init prints for it. */
export declare function describeStep(step: Step, dryRun: boolean): string;
