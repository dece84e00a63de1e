import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

/** The current route, kept in the URL so back/forward and reloads work. */
export function useRoute(subPageId: string): [Route, (next: Route) => void] {
  // A Teams deep link applies once, on arrival; after that the URL is the truth.
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.search, subPageId));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.history.pushState(null, '', routeHref(next, window.location.href));
    setRoute(next);
  }, []);
  return [route, navigate];
}
