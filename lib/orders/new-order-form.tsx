'use client';

import { useActionState } from 'react';
import { createOrderAction, type CreateOrderState } from './actions';

const INITIAL_STATE: CreateOrderState = {};

/** The new-order form; posts to createOrderAction and shows its validation message. */
export function NewOrderForm() {
  const [state, formAction, pending] = useActionState(createOrderAction, INITIAL_STATE);
  return (
    <form action={formAction} className="form">
      <label>
        Item
        <input name="item" required maxLength={100} defaultValue="Espresso beans" />
      </label>
      <label>
        Quantity
        <input name="quantity" type="number" required min={1} max={1000} step={1} defaultValue={1} />
      </label>
      <label>
        Unit price (USD)
        <input name="unitPrice" type="number" required min={0.01} step={0.01} defaultValue={14.5} />
      </label>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create order'}
      </button>
    </form>
  );
}
