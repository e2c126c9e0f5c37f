import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // `next dev` serves its scripts only to localhost unless told otherwise; 127.0.0.1 is the same machine.
  allowedDevOrigins: ['127.0.0.1'],
  // The dashboard polls its JSON endpoints every second; `next dev` would log each poll.
  logging: { incomingRequests: { ignore: [/^\/meterboard\/api\//] } },
};

export default nextConfig;
