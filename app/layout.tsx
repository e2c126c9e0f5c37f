import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1c7ed6"/><path d="M3 12V8M6.5 12V4M10 12V7M13 12V5" stroke="#fff" stroke-width="2"/></svg>';

export const metadata: Metadata = {
  title: 'Orders demo',
  description: 'A small orders workload, measured by meterboard.',
  // Inline, so opening a page makes no icon request that the dashboard would then count.
  icons: { icon: `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}` },
};

// Links do not prefetch: a prefetch is a request the dashboard would count although nobody navigated.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand" prefetch={false}>
            Orders demo
          </Link>
          <nav aria-label="Main">
            <Link href="/orders" prefetch={false}>
              Orders
            </Link>
            <Link href="/orders/new" prefetch={false}>
              New order
            </Link>
            <Link href="/meterboard" prefetch={false}>
              meterboard
            </Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
