// What meterboard reads off an exception: its type (error.type) and its message with the parts
// that differ between occurrences of one bug folded away, so that one bug is one error group.

/** Longest normalised message kept, characters: enough to tell bugs apart, bounded for memory. */
export const MAX_MESSAGE_LENGTH = 300;

/** Longest stack trace kept, characters. */
export const MAX_STACK_LENGTH = 8_000;

// Folded first, whole: a UUID holds digit runs that would otherwise fold piecewise.
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// An email address names a user, not a bug.
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// Any word with a digit in it: numbers (`42`, `3.5`), ids (`ord_8f3k2`, `64b7f0c2e1`), ports, versions.
const WORD_WITH_DIGIT = /[\w-]*\d(?:[\w-]|\.(?=\w))*/g;

/**
 * `message` with what varies between occurrences of the same bug replaced by placeholders:
 * numbers by `<n>`, other words with a digit (ids, hashes) by `<id>`, UUIDs by `<uuid>`, email
 * addresses by `<email>`; whitespace collapsed; at most MAX_MESSAGE_LENGTH characters.
 */
export function normaliseMessage(message: string): string {
  const folded = message
    .replace(UUID, '<uuid>')
    .replace(EMAIL, '<email>')
    .replace(WORD_WITH_DIGIT, (word) => (/^-?\d+(?:\.\d+)?$/.test(word) ? '<n>' : '<id>'))
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > MAX_MESSAGE_LENGTH ? `${folded.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : folded;
}

/**
 * The exception's type for error.type (https://opentelemetry.io/docs/specs/semconv/attributes-registry/error/):
 * its `name` when the code set one (`class PaymentDeclined extends Error { name = 'PaymentDeclined' }`),
 * as OpenTelemetry JS's recordException and Sentry read it; else, when `classNamesKept`, its class's
 * name; else `Error`. A production build minifies the server's code (Next's serverMinification), so
 * a class is then called `t`: only a `name` set by the code survives it. A thrown value that is not
 * an Error is typed by what it is (`string`, `object`).
 */
export function exceptionTypeOf(error: unknown, classNamesKept = true): string {
  if (!(error instanceof Error)) return error === null ? 'null' : typeof error;
  if (typeof error.name === 'string' && error.name !== '' && error.name !== 'Error') return error.name;
  const className = classNamesKept ? error.constructor?.name : undefined;
  return typeof className === 'string' && className !== '' ? className : 'Error';
}

/** The message of a thrown value, as text. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return typeof error.message === 'string' ? error.message : '';
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** The stack trace of a thrown value, at most MAX_STACK_LENGTH characters; undefined when it has none. */
export function stackOf(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (typeof stack !== 'string') return undefined;
  return stack.length > MAX_STACK_LENGTH ? `${stack.slice(0, MAX_STACK_LENGTH - 1)}…` : stack;
}
