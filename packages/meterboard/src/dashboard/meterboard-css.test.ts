import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

// The dashboard's stylesheet is loaded into the host app's pages' document whenever the dashboard
// has been opened (client navigation keeps it): a selector outside .meterboard would restyle the host.
const css = readFileSync(new URL('./meterboard.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function selectors(text: string): string[] {
  const found: string[] = [];
  // What precedes a `{` is a selector list or an at-rule; declarations end in `;` or `}`.
  let prelude = '';
  for (const char of text) {
    if (char === '{') {
      const head = prelude.trim();
      if (!head.startsWith('@')) found.push(...head.split(',').map((selector) => selector.trim()));
      prelude = '';
    } else if (char === '}' || char === ';') {
      prelude = '';
    } else {
      prelude += char;
    }
  }
  return found;
}

test('the stylesheet has rules', () => {
  expect(selectors(css).length).toBeGreaterThan(50);
});

test.each(selectors(css))('%s is scoped to the dashboard', (selector) => {
  expect(selector).toMatch(/^\.meterboard(\s|$|,|\.|:|\[)/);
});
