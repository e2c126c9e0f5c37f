'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { WindowName } from '../query/stats-types';
import { DEFAULT_WINDOW, windowNamed } from '../query/windows';

/** The window in the page's URL (?window=) and a setter that puts a new one there, so the view is shareable. */
export function useWindowParam(): [WindowName, (window: WindowName) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const window = windowNamed(searchParams.get('window') ?? '')?.name ?? DEFAULT_WINDOW;
  function setWindow(next: WindowName) {
    const query = new URLSearchParams(searchParams);
    query.set('window', next);
    router.replace(`${pathname}?${query}`, { scroll: false });
  }
  return [window, setWindow];
}
