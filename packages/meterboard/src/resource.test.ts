import { afterEach, expect, test } from 'vitest';
import { createResource, serviceNameOf } from './resource.js';

const SAVED = { ...process.env };

afterEach(() => {
  process.env = { ...SAVED };
});

test.each([
  // The app's package.json in the working directory: the demo's, where the tests run.
  { env: {}, serviceName: 'meterboard-demo' },
  { env: { OTEL_SERVICE_NAME: 'shop' }, serviceName: 'shop' },
  { env: { OTEL_RESOURCE_ATTRIBUTES: 'service.name=checkout,deployment.environment.name=test' }, serviceName: 'checkout' },
  { env: { OTEL_SERVICE_NAME: 'shop', OTEL_RESOURCE_ATTRIBUTES: 'service.name=checkout' }, serviceName: 'shop' },
])('service.name with $env is $serviceName', ({ env, serviceName }) => {
  delete process.env.OTEL_SERVICE_NAME;
  delete process.env.OTEL_RESOURCE_ATTRIBUTES;
  Object.assign(process.env, env);
  expect(serviceNameOf(createResource())).toBe(serviceName);
});

test('OTEL_RESOURCE_ATTRIBUTES adds attributes and every process gets its own instance id', () => {
  process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment.name=staging';
  const first = createResource();
  expect(first.attributes['deployment.environment.name']).toBe('staging');
  expect(first.attributes['service.instance.id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(createResource().attributes['service.instance.id']).not.toBe(first.attributes['service.instance.id']);
});
