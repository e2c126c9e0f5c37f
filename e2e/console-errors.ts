import type { Page } from '@playwright/test';

// Chromium logs every 4xx/5xx response as a console error; a spec whose own traffic fails on
// purpose (the demo mix) asks to leave those out.
const HTTP_ERROR_RESPONSE = /^Failed to load resource: the server responded with a status of [45]\d\d/;

// The icon Chromium asks the origin for when a page declares none: a host app without one answers
// 404, which is the host's business, not meterboard's.
const DEFAULT_FAVICON = /^https?:\/\/[^/]+\/favicon\.ico$/;

/** Collects the page's console errors and uncaught exceptions from now on. */
export function collectConsoleErrors(page: Page, { ignoreHttpErrorResponses = false, ignoreMissingFavicon = false } = {}): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (ignoreHttpErrorResponses && HTTP_ERROR_RESPONSE.test(message.text())) return;
    if (ignoreMissingFavicon && HTTP_ERROR_RESPONSE.test(message.text()) && DEFAULT_FAVICON.test(message.location().url)) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
