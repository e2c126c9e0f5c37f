/** Version reported with METER_NAME: the package's (src/scope.test.ts checks they agree). */
export const METER_VERSION = '0.1.0';
export { METER_NAME } from './meter-name.js';
