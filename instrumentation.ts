// Runs once per server process when it starts (https://nextjs.org/docs/app/guides/instrumentation).
export { register } from 'meterboard/register';
