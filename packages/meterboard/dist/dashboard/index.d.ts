import 'server-only';
import type { Metadata } from 'next';
import './meterboard.css';
/** The props Next gives the catch-all page: the segments below the dashboard's own path. */
export interface DashboardPageProps {
    params: Promise<{
        path?: string[];
    }>;
}
/** The page's title; the dashboard is never for search engines. */
export declare function generateMetadata({ params }: DashboardPageProps): Promise<Metadata>;
/**
 * The dashboard page. Everything that reads the request (params, cookies, the access rule) is inside
 * a Suspense boundary, which a host with `cacheComponents: true` requires and others do not mind.
 */
export default function DashboardPage({ params }: DashboardPageProps): import("react").JSX.Element;
