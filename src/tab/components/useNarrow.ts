import { useEffect, useState } from 'react';

/** The width below which pages switch to their narrow layout (Teams mobile, a side pane). */
export const NARROW_QUERY = '(max-width: 40rem)';

/** Whether the tab is narrow now; follows the window as it is resized. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
