import { MetricReader } from '@opentelemetry/sdk-metrics';

/** A MetricReader that only collects when asked: what a unit test or an in-process benchmark reads a provider with. */
export class TestReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}
