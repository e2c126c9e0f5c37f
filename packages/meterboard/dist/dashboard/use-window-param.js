'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation.js';
import { useState } from 'react';
import { DEFAULT_WINDOW, windowNamed } from '../query/windows.js';
import { replaceQuery } from './replace-query.js';
/**
 * The window in the page's URL (?window=) and a setter that puts a new one there, so the view is
 * shareable. The new window shows at once; the URL follows when the router has replaced it.
 */
export function useWindowParam() {
    const router = useRouter();
    const pathname = usePathname();
    const searchParams = useSearchParams();
    const fromUrl = windowNamed(searchParams.get('window') ?? '')?.name ?? DEFAULT_WINDOW;
    const [chosen, setChosen] = useState(undefined);
    // A choice holds until the URL moves away from what it was when the choice was made (it caught
    // up, or back/forward navigated elsewhere).
    const window = chosen !== undefined && chosen.over === fromUrl ? chosen.window : fromUrl;
    function setWindow(next) {
        setChosen({ window: next, over: fromUrl });
        replaceQuery(router, pathname, searchParams, { window: next });
    }
    return [window, setWindow];
}
