import packageJson from '../package.json';

/** Instrumentation scope (meter name) of meterboard's own instruments. */
export const METER_NAME = 'meterboard';

/** Version reported with METER_NAME: the package's. */
export const METER_VERSION = packageJson.version;
