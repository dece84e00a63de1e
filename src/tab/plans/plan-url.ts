/** The chosen plan lives in the URL (`?plan=`), so links and reloads keep it; absent means all plans. */
export function planFromUrl(search: string): string | null {
  return new URLSearchParams(search).get('plan')?.trim() || null;
}

/** The current URL with the plan chosen (or removed for all plans), other parameters kept. */
export function hrefWithPlan(plan: string | null, current: string): string {
  const url = new URL(current);
  if (plan) url.searchParams.set('plan', plan);
  else url.searchParams.delete('plan');
  url.searchParams.delete('item');
  return `${url.pathname}${url.search}${url.hash}`;
}
