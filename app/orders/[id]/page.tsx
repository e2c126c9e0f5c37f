import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOrder } from '@/lib/orders/store';

/** Demo workload: one order; unknown ids answer 404. */
export default async function OrderPage({ params }: PageProps<'/orders/[id]'>) {
  const { id } = await params;
  const order = getOrder(id);
  if (!order) notFound();
  return (
    <section>
      <h1>Order #{order.id}</h1>
      <dl className="details">
        <dt>Item</dt>
        <dd>{order.item}</dd>
        <dt>Quantity</dt>
        <dd>{order.quantity}</dd>
        <dt>Unit price</dt>
        <dd>{order.unitPrice.toFixed(2)} USD</dd>
        <dt>Total</dt>
        <dd>{order.total.toFixed(2)} USD</dd>
        <dt>Created</dt>
        <dd>{order.createdAt}</dd>
      </dl>
      <p>
        <Link href="/orders" prefetch={false}>All orders</Link> · <Link href="/orders/new" prefetch={false}>Create another</Link>
      </p>
    </section>
  );
}
