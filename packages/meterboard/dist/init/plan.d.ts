/** One thing init does, or would do with --dry-run. */
export type Step = 
/** A file that is missing, written whole. */
{
    kind: 'create';
    path: string;
    content: string;
    why: string;
}
/** An existing file with meterboard's lines added. */
 | {
    kind: 'edit';
    path: string;
    content: string;
    why: string;
}
/** A file that already holds what meterboard needs. */
 | {
    kind: 'unchanged';
    path: string;
    why: string;
}
/** A change init does not make itself, with the exact lines to add; `required` ones make init fail. */
 | {
    kind: 'manual';
    path: string;
    instructions: string;
    required: boolean;
};
/** What init found out about the app. */
export interface AppLayout {
    /** The folder holding app/: the root, or src/ in a src/ layout. */
    sourceDir: string;
    /** app/ or src/app/, relative to the root. */
    appDir: string;
    /** TypeScript (tsconfig.json) or JavaScript. */
    typescript: boolean;
    /** The major version of next installed, when it could be read. */
    nextMajor: number | undefined;
}
/** The one-line re-exports init writes, by file (relative to app/). */
export declare function routeFiles(typescript: boolean): Array<{
    file: string;
    content: string;
    why: string;
}>;
/** Reads the app at `root`; undefined when it has no App Router directory (app/ or src/app/). */
export declare function detectLayout(root: string): AppLayout | undefined;
/** Every step init takes for the app at `root` with `layout`. */
export declare function planInit(root: string, layout: AppLayout): Step[];
/**
 * `source` with meterboard's import at the top and its call first in `register()`; undefined when
 * there is no plain `export function register` / `export async function register` declaration to
 * edit (an arrow function, a re-export, several candidates), which the user then edits by hand.
 */
export declare function addToRegister(source: string): string | undefined;
