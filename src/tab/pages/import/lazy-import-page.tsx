import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { PageProps } from '../page-props';

const Page = lazy(() => import('./ImportPage'));

/** The Import page, loaded (with the importer's readers) only when first opened. */
export function LazyImportPage(props: PageProps) {
  return <Suspense fallback={<Spinner size="small" label="Opening Import…" />}><Page {...props} /></Suspense>;
}
