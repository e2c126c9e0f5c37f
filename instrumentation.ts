// Runs once per server process when it starts, and hears of every error a request fails with
// (https://nextjs.org/docs/app/guides/instrumentation).
export { register, onRequestError } from 'meterboard/register';
