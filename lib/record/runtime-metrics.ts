import 'server-only';
import type { Meter, MeterProvider } from '@opentelemetry/api';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import {
  ATTR_CPU_MODE,
  CPU_MODE_VALUE_SYSTEM,
  CPU_MODE_VALUE_USER,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
} from '@opentelemetry/semantic-conventions/incubating';
import { logOnce } from '../log-once';
import { METER_NAME, METER_VERSION } from '../scope';
import { EVENT_LOOP_DELAY_RESOLUTION_MS } from './runtime-instruments';

// On globalThis: every bundle has its own copy of this module, and the instruments must exist once per process.
const STARTED = Symbol.for('meterboard.runtimeMetricsStarted');
type StartedGlobal = typeof globalThis & { [STARTED]?: boolean };

const USER_MODE = { [ATTR_CPU_MODE]: CPU_MODE_VALUE_USER };
const SYSTEM_MODE = { [ATTR_CPU_MODE]: CPU_MODE_VALUE_SYSTEM };
const MICROSECONDS_PER_SECOND = 1e6;

/**
 * Reports the Node.js runtime's health on `meterProvider`: event loop delay, utilization and time,
 * V8 heap spaces and GC pauses (through @opentelemetry/instrumentation-runtime-node), resident
 * memory and CPU time. Once per process: later calls do nothing. Never throws.
 */
export function startRuntimeMetrics(meterProvider: MeterProvider): void {
  const global = globalThis as StartedGlobal;
  if (global[STARTED]) return;
  // Set before starting: retrying after a half-done start would register instruments twice.
  global[STARTED] = true;
  try {
    // Disabled until it has our provider: enabled, its constructor starts sampling with no meter to report to.
    const runtime = new RuntimeNodeInstrumentation({ enabled: false, monitoringPrecision: EVENT_LOOP_DELAY_RESOLUTION_MS });
    runtime.setMeterProvider(meterProvider);
    runtime.enable();
    // meterboard's scope: the instrumentation scope names the code that measures
    // (https://opentelemetry.io/docs/specs/otel/common/instrumentation-scope/), semconv names none
    // for process.*, and the history treats this scope as meterboard's own, not as the app's instruments.
    recordProcessMetrics(meterProvider.getMeter(METER_NAME, METER_VERSION));
  } catch (error) {
    logOnce('runtime', 'failed to start the runtime metrics; the app runs without them', error);
  }
}

/**
 * process.memory.usage (resident set size) and process.cpu.time by cpu.mode, which the runtime
 * package does not report (https://opentelemetry.io/docs/specs/semconv/system/process-metrics/).
 */
function recordProcessMetrics(meter: Meter): void {
  meter
    .createObservableUpDownCounter(METRIC_PROCESS_MEMORY_USAGE, {
      description: 'The amount of physical memory in use.',
      unit: 'By',
    })
    .addCallback((result) => result.observe(process.memoryUsage.rss()));
  meter
    .createObservableCounter(METRIC_PROCESS_CPU_TIME, {
      description: 'Total CPU seconds broken down by different CPU modes.',
      unit: 's',
    })
    .addCallback((result) => {
      const { user, system } = process.cpuUsage();
      result.observe(user / MICROSECONDS_PER_SECOND, USER_MODE);
      result.observe(system / MICROSECONDS_PER_SECOND, SYSTEM_MODE);
    });
}
