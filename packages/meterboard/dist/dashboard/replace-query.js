/**
 * Replaces the page's address with its query changed: a string sets a parameter, undefined removes
 * it; the others stay. No scroll, no history entry, so the view stays shareable without clutter.
 */
export function replaceQuery(router, pathname, current, changes) {
    const query = new URLSearchParams(current.toString());
    for (const [name, value] of Object.entries(changes)) {
        query.delete(name);
        if (value !== undefined)
            query.set(name, value);
    }
    router.replace(`${pathname}?${query}`, { scroll: false });
}
