import { describe, expect, test } from 'vitest';
import { exceptionTypeOf, MAX_MESSAGE_LENGTH, messageOf, normaliseMessage } from './error-message.js';

describe('normaliseMessage folds what differs between occurrences of one bug', () => {
  test.each([
    ['Order 4211 not found', 'Order <n> not found'],
    ['Order 4212 not found', 'Order <n> not found'],
    ['amount -12.50 is below 0', 'amount <n> is below <n>'],
    ['no customer cus_8f3k2q', 'no customer <id>'],
    ['document 64b7f0c2e1a9d3f4c5b6a7e8 is locked', 'document <id> is locked'],
    ['session 3f2b8c1e-9d4a-4e6b-8f7c-2a1b0c9d8e7f expired', 'session <uuid> expired'],
    ['mail to ada@example.com bounced', 'mail to <email> bounced'],
    ['connect ECONNREFUSED 127.0.0.1:5432', 'connect ECONNREFUSED <id>:<n>'],
    ['line 42.', 'line <n>.'],
    ["Cannot read properties of undefined (reading 'total')", "Cannot read properties of undefined (reading 'total')"],
    ['  two\n\tlines  ', 'two lines'],
  ])('%j → %j', (message, folded) => {
    expect(normaliseMessage(message)).toBe(folded);
  });

  test('a long message is cut to MAX_MESSAGE_LENGTH characters', () => {
    const folded = normaliseMessage('x'.repeat(10_000));
    expect(folded.length).toBe(MAX_MESSAGE_LENGTH);
    expect(folded.endsWith('…')).toBe(true);
  });
});

describe('exceptionTypeOf', () => {
  class PaymentDeclined extends Error {}
  class NamedError extends Error {
    override name = 'InventoryError';
  }
  test.each([
    ['a built-in error', new TypeError('x'), 'TypeError'],
    ['a class that sets its name', new NamedError('x'), 'InventoryError'],
    ['a class that does not: its class name', new PaymentDeclined('x'), 'PaymentDeclined'],
    ['a plain Error', new Error('x'), 'Error'],
    ['a thrown string', 'boom', 'string'],
    ['a thrown object', { code: 1 }, 'object'],
    ['null', null, 'null'],
  ])('%s: %s', (_name, error, type) => {
    expect(exceptionTypeOf(error)).toBe(type);
  });

  test("a minified build's class names are not read: an error without a name of its own is an Error", () => {
    expect(exceptionTypeOf(new PaymentDeclined('x'), false)).toBe('Error');
    expect(exceptionTypeOf(new NamedError('x'), false)).toBe('InventoryError');
    expect(exceptionTypeOf(new TypeError('x'), false)).toBe('TypeError');
  });

  test('messageOf reads strings and objects too', () => {
    expect(messageOf(new Error('a'))).toBe('a');
    expect(messageOf('b')).toBe('b');
    expect(messageOf({ c: 1 })).toBe('{"c":1}');
  });
});
