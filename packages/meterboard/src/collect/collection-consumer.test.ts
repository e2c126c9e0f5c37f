import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, test } from 'vitest';
import { collectFor, currentConsumer, DEFAULT_CONSUMER } from './collection-consumer.js';
import { TestReader } from '../testing/test-reader.js';

const providers: MeterProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.splice(0).map((provider) => provider.shutdown()));
});

/** A reader whose provider has one observable gauge and one batch callback, each noting the consumer it ran for. */
function readerNotingConsumers(): { reader: TestReader; seen: string[] } {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  providers.push(provider);
  const meter = provider.getMeter('test');
  const seen: string[] = [];
  meter.createObservableGauge('single').addCallback((result) => {
    seen.push(`single:${currentConsumer()}`);
    result.observe(1);
  });
  const batched = meter.createObservableGauge('batched');
  meter.addBatchObservableCallback((result) => {
    seen.push(`batch:${currentConsumer()}`);
    result.observe(batched, 1);
  }, [batched]);
  return { reader, seen };
}

// Node keeps each enabled AsyncLocalStorage's store on every promise under a symbol of its own.
const symbolsOnANewPromise = () => Object.getOwnPropertySymbols(Promise.resolve()).length;

describe('collectFor', () => {
  // First: an AsyncLocalStorage is enabled by its first run() and stays so, whichever test ran it.
  test('enables no AsyncLocalStorage: the promises the process creates afterwards carry no store of ours', async () => {
    const before = symbolsOnANewPromise();
    const { reader } = readerNotingConsumers();
    await collectFor('history', () => reader.collect());
    expect(symbolsOnANewPromise()).toBe(before);
  });

  test("the SDK's observable callbacks, single and batched, run for the consumer whose collection called them", async () => {
    const { reader, seen } = readerNotingConsumers();
    await collectFor('history', () => reader.collect());
    expect(seen.sort()).toEqual(['batch:history', 'single:history']);
  });

  test('two collections started together each see their own consumer, and nothing is left set after them', async () => {
    const { reader, seen } = readerNotingConsumers();
    await Promise.all([collectFor('history', () => reader.collect()), collectFor('prometheus', () => reader.collect())]);
    expect(seen.sort()).toEqual(['batch:history', 'batch:prometheus', 'single:history', 'single:prometheus']);
    expect(currentConsumer()).toBe(DEFAULT_CONSUMER);
  });

  test("a collection nobody named is the default consumer's", async () => {
    const { reader, seen } = readerNotingConsumers();
    await reader.collect();
    expect(seen.sort()).toEqual([`batch:${DEFAULT_CONSUMER}`, `single:${DEFAULT_CONSUMER}`]);
  });

  test('a collection that throws leaves no consumer set', () => {
    expect(() =>
      collectFor('history', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(currentConsumer()).toBe(DEFAULT_CONSUMER);
  });
});
