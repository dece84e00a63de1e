import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageProps } from '../page-props';

const PlanView = lazy(() => import('./PlanView'));
const Summary = lazy(() => import('../summary/Summary'));
const ConfigPage = lazy(() => import('../../config-page/ConfigPage'));

/** A lazily loaded page with its own Suspense boundary, so the shell needs none. */
function withLoading(Page: LazyExoticComponent<ComponentType<PageProps>>, label: string) {
  return function LoadingPage(props: PageProps) {
    return <Suspense fallback={<Spinner size="small" label={label} />}><Page {...props} /></Suspense>;
  };
}

/** The managers' plan view, loaded when first opened. */
export const PlanPage = withLoading(PlanView, 'Opening the plan…');
/** The Summary, loaded when first opened. */
export const SummaryPage = withLoading(Summary, 'Opening the summary…');
/** The configurable tab's config page, loaded when first opened. */
export const ConfigTabPage = withLoading(ConfigPage, 'Opening the tab settings…');
