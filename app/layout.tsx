import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: 'meterboard',
  description: 'How fast is this Next.js app, which route is slow, what is failing, right now.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            meterboard
          </Link>
          <nav aria-label="Main">
            <Link href="/">Dashboard</Link>
            <Link href="/orders">Demo orders</Link>
            <a href="/metrics">/metrics</a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
