import Link from 'next/link';
import { listOrders } from '@/lib/orders/store';

export const dynamic = 'force-dynamic';

/** Demo workload: the list of orders. */
export default function OrdersPage() {
  const orders = listOrders();
  return (
    <section>
      <h1>Orders</h1>
      <p className="muted">
        A small demo workload so the dashboard has something to show. <Link href="/orders/new" prefetch={false}>Create an order</Link>{' '}
        to run a server action that records <code>orders.created</code> and <code>orders.value</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Item</th>
            <th scope="col" className="num">Quantity</th>
            <th scope="col" className="num">Total (USD)</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <Link href={`/orders/${order.id}`} prefetch={false}>#{order.id}</Link>
              </td>
              <td>{order.item}</td>
              <td className="num">{order.quantity}</td>
              <td className="num">{order.total.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
