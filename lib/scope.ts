/** Instrumentation scope (meter name) of meterboard's own instruments. */
export const METER_NAME = 'meterboard';

/** Version reported with METER_NAME. */
export const METER_VERSION = '0.1.0';
