/** Instrumentation scope (meter name) of meterboard's own instruments; a file of its own so client code can import it without package.json. */
export const METER_NAME = 'meterboard';
