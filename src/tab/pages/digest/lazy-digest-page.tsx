import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { PageProps } from '../page-props';

const Page = lazy(() => import('./DigestPreviewPage'));

/** The Digest preview page, loaded (with the card renderer) only when first opened. */
export function LazyDigestPreviewPage(props: PageProps) {
  return <Suspense fallback={<Spinner size="small" label="Opening the digest preview…" />}><Page {...props} /></Suspense>;
}
