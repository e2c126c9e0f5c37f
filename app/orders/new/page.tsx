import { NewOrderForm } from '@/lib/orders/new-order-form';

/** Demo workload: the form whose server action records custom metrics. */
export default function NewOrderPage() {
  return (
    <section>
      <h1>New order</h1>
      <p className="muted">
        Submitting runs a server action that counts the order in <code>orders.created</code> and records its value in{' '}
        <code>orders.value</code> with <code>metrics.getMeter(&apos;orders&apos;)</code>. Both appear on the dashboard and in{' '}
        <code>/metrics</code>.
      </p>
      <NewOrderForm />
    </section>
  );
}
