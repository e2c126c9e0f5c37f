import Link from 'next/link';
import { SendDemoTraffic } from '@/lib/orders/send-demo-traffic';

/** The demo's home page: what the demo is, and a button that gives the dashboard something to show. */
export default function Home() {
  return (
    <section>
      <h1>Orders demo</h1>
      <p>
        A small orders workload measured by meterboard, the way any Next.js app is after <code>npx meterboard init</code>. Its
        dashboard is at{' '}
        <Link href="/meterboard" prefetch={false}>
          /meterboard
        </Link>{' '}
        and Prometheus reads <a href="/metrics">/metrics</a>.
      </p>
      <p>
        Browse the <Link href="/orders" prefetch={false}>orders</Link>, run <code>npm run traffic</code> in another terminal, or:
      </p>
      <SendDemoTraffic />
    </section>
  );
}
