import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1c7ed6"/><path d="M3 12V8M6.5 12V4M10 12V7M13 12V5" stroke="#fff" stroke-width="2"/></svg>';

export const metadata: Metadata = {
  title: 'meterboard',
  description: 'How fast is this Next.js app, which route is slow, what is failing, right now.',
  // Inline, so opening the dashboard makes no icon request that the dashboard would then count.
  icons: { icon: `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}` },
};

// Links do not prefetch: a prefetch is a request the dashboard would count although nobody navigated.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand" prefetch={false}>
            meterboard
          </Link>
          <nav aria-label="Main">
            <Link href="/" prefetch={false}>
              Dashboard
            </Link>
            <Link href="/explorer" prefetch={false}>
              Explorer
            </Link>
            <Link href="/orders" prefetch={false}>
              Demo orders
            </Link>
            <a href="/metrics">/metrics</a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
