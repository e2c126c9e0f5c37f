import { describe, expect, test } from 'vitest';
import { ErrorGroups, MAX_ERROR_GROUPS, OVERFLOW_ERROR_TYPE, type ErrorOccurrence } from './error-groups.js';

const occurrence = (error: unknown, extra: Partial<ErrorOccurrence> = {}): ErrorOccurrence => ({
  method: 'GET',
  route: '/orders/[id]',
  serverAction: undefined,
  errorType: 'OrderNotFound',
  error,
  ...extra,
});

describe('ErrorGroups', () => {
  test('one bug with different ids is one group; its count, first and last seen, latest message and stack', () => {
    const groups = new ErrorGroups();
    const first = new Error('order 17 not found');
    const latest = new Error('order 18 not found');
    groups.record(occurrence(first), 1_000);
    groups.record(occurrence(latest), 2_000);

    expect(groups.all().size).toBe(1);
    const [group] = groups.all().values();
    expect(group).toMatchObject({ message: 'order <n> not found', count: 2, firstSeen: 1_000, lastSeen: 2_000, latestMessage: 'order 18 not found', latestStack: latest.stack });
    expect(groups.drain()).toEqual(new Map([[group.key, 2]]));
    expect(groups.drain()).toEqual(new Map());
  });

  test.each([
    ['another route', { route: '/orders' }],
    ['another method', { method: 'POST' }],
    ['another type', { errorType: 'TypeError' }],
    ['a server action', { serverAction: 'createOrder' }],
  ])('%s is another group', (_name, extra) => {
    const groups = new ErrorGroups();
    groups.record(occurrence(new Error('order 1 not found')));
    groups.record(occurrence(new Error('order 2 not found'), extra));
    expect(groups.all().size).toBe(2);
  });

  test('bounded: past MAX_ERROR_GROUPS - 1 groups every new one adds to the overflow group, and no error is lost', () => {
    const groups = new ErrorGroups();
    const distinct = MAX_ERROR_GROUPS + 50;
    // Messages that differ in a word without digits, so they do not fold into one group.
    const word = (i: number) => i.toString(2).replaceAll('0', 'a').replaceAll('1', 'b');
    for (let i = 0; i < distinct; i++) groups.record(occurrence(new Error(`unknown option ${word(i)}`)));
    groups.record(occurrence(new Error(`unknown option ${word(0)}`)));

    expect(groups.all().size).toBe(MAX_ERROR_GROUPS);
    const overflow = groups.all().get(OVERFLOW_ERROR_TYPE)!;
    expect(overflow).toMatchObject({ errorType: OVERFLOW_ERROR_TYPE, route: undefined, count: distinct - (MAX_ERROR_GROUPS - 1) });
    expect(overflow.latestMessage).toBe(`unknown option ${word(distinct - 1)}`);
    const counts = groups.drain();
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(distinct + 1);
    // A group kept before the bound still counts its own errors.
    expect(counts.get([...groups.all().keys()][0])).toBe(2);
  });
});
