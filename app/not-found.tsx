import Link from 'next/link';

/** 404 page. Requests that reach it are measured without an http.route. */
export default function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link href="/" prefetch={false}>Back to the orders demo</Link>
      </p>
    </section>
  );
}
