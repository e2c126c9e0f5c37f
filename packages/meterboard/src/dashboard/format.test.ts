import { describe, expect, test } from 'vitest';
import {
  formatClock,
  formatCount,
  formatRate,
  formatRatioAsPercent,
  formatSeconds,
  formatUptimeSeconds,
  formatWithUnit,
  unitLabel,
} from './format.js';

describe('formatSeconds', () => {
  test.each([
    [null, '–'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '–'],
    [Number.NEGATIVE_INFINITY, '–'],
    // Microseconds below 1 ms, rounded to whole microseconds.
    [0, '0 µs'],
    [0.0000004, '0 µs'],
    [0.000001, '1 µs'],
    [0.00085, '850 µs'],
    [0.000999, '999 µs'],
    // Milliseconds from 1 ms, three significant digits below 100 ms, whole from 100 ms.
    [0.001, '1 ms'],
    [0.0012345, '1.23 ms'],
    [0.0123, '12.3 ms'],
    [0.01236, '12.4 ms'],
    [0.09994, '99.9 ms'],
    [0.1, '100 ms'],
    [0.1234, '123 ms'],
    [0.5, '500 ms'],
    [0.999, '999 ms'],
    // Seconds from 1 s, same precision rules.
    [1, '1 s'],
    [1.24, '1.24 s'],
    [1.2449, '1.24 s'],
    [12.34, '12.3 s'],
    [100, '100 s'],
    [1234.5, '1235 s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('formatRate', () => {
  test.each([
    [0, '0'],
    [0.001, '0.00'],
    [0.35, '0.35'],
    [1, '1.00'],
    [9.99, '9.99'],
    [10, '10.0'],
    [12.44, '12.4'],
    [99.9, '99.9'],
    [100, '100'],
    [100.4, '100'],
    [999.5, '1,000'],
    [1250, '1,250'],
    [1234567.8, '1,234,568'],
  ])('%s/s → %s', (perSecond, text) => {
    expect(formatRate(perSecond)).toBe(text);
  });
});

describe('formatRatioAsPercent', () => {
  test.each([
    [null, '–'],
    [0, '0 %'],
    [0.0001, '0.0 %'],
    [0.001, '0.1 %'],
    [0.025, '2.5 %'],
    [0.09, '9.0 %'],
    [0.1, '10 %'],
    [0.125, '13 %'],
    [0.5, '50 %'],
    [0.994, '99 %'],
    [1, '100 %'],
  ])('%s → %s', (ratio, text) => {
    expect(formatRatioAsPercent(ratio)).toBe(text);
  });
});

describe('formatUptimeSeconds', () => {
  const MINUTE = 60;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  test.each([
    [0, '0 s'],
    [0.9, '0 s'],
    [42, '42 s'],
    [59.99, '59 s'],
    [MINUTE, '1 min 0 s'],
    [3 * MINUTE + 5, '3 min 5 s'],
    [HOUR - 1, '59 min 59 s'],
    [HOUR, '1 h 0 min'],
    [2 * HOUR + 7 * MINUTE + 59, '2 h 7 min'],
    [DAY - 1, '23 h 59 min'],
    [DAY, '1 d 0 h'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3 d 4 h'],
    [400 * DAY, '400 d 0 h'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatUptimeSeconds(seconds)).toBe(text);
  });
});

describe('formatCount', () => {
  test.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [1250, '1,250'],
    [1234567, '1,234,567'],
    [-1500, '-1,500'],
    [1.5, '1.5'],
    [1.234, '1.23'],
    [1.239, '1.24'],
    [2.0001, '2'],
  ])('%s → %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });
});

describe('formatClock', () => {
  test.each([
    ['midnight', new Date(2024, 0, 2, 0, 0, 0)],
    ['early morning', new Date(2024, 0, 2, 4, 5, 6)],
    ['afternoon', new Date(2024, 6, 15, 14, 3, 27)],
    ['last second of the day', new Date(2024, 11, 31, 23, 59, 59)],
    ['the epoch', new Date(0)],
  ])('%s has the HH:MM:SS shape', (_name, date) => {
    expect(formatClock(date.getTime())).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
  });
});

describe('formatWithUnit', () => {
  test.each<[number | null, string, string]>([
    [null, 's', '–'],
    [Number.NaN, '{order}', '–'],
    [0.0123, 's', '12.3 ms'],
    [250, 'ms', '250 ms'],
    [1500, 'ms', '1.5 s'],
    [3 * 1024 * 1024, 'By', '3 MB'],
    [0.0134, '1', '0.0134'],
    [3, '{order}', '3 order'],
    [1234.5, 'USD', '1,234.5 USD'],
    [42.123, 'USD', '42.1 USD'],
    [-2, '{job}', '-2 job'],
    [7, '', '7'],
  ])('%s %j → %j', (value, unit, text) => {
    expect(formatWithUnit(value, unit)).toBe(text);
  });

  test.each([
    ['{request}', 'request'],
    ['1', ''],
    ['s', 's'],
    ['{}', ''],
  ])('unitLabel(%j) is %j', (unit, label) => {
    expect(unitLabel(unit)).toBe(label);
  });
});
