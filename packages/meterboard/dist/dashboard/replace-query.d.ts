import type { useRouter } from 'next/navigation.js';
/**
 * Replaces the page's address with its query changed: a string sets a parameter, undefined removes
 * it; the others stay. No scroll, no history entry, so the view stays shareable without clutter.
 */
export declare function replaceQuery(router: ReturnType<typeof useRouter>, pathname: string, current: URLSearchParams | {
    toString(): string;
}, changes: Record<string, string | undefined>): void;
