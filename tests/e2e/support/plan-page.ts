import type { Frame, Locator, Page } from 'playwright-core';

type Surface = Page | Frame;

/** The plan view's region (a section named by its "Plan: <view>" heading). */
export const planRegion = (surface: Surface): Locator => surface.getByRole('region', { name: /^Plan: / });

/** Waits until the plan view has every row of its current filters (aria-busy false) and shows them. */
export async function waitForPlanSettled(surface: Surface): Promise<void> {
  const region = planRegion(surface);
  await region.waitFor();
  await surface.waitForFunction(() => {
    const section = document.querySelector('section[aria-busy]');
    return section?.getAttribute('aria-busy') === 'false';
  }, undefined, { timeout: 30_000 });
  await region.getByText(/^\d+ actions?\.$|^No actions match/).first().waitFor();
}

/** The "N actions." count the plan view announces. */
export async function planCount(surface: Surface): Promise<number> {
  const text = await planRegion(surface).getByText(/^\d+ actions?\.$/).textContent();
  return Number(text?.match(/^(\d+)/)?.[1] ?? NaN);
}

/**
 * Every action row of the (virtualised) grid, in order, as the text of its first cell
 * (the action's reference): scrolls the grid a screen at a time, reading the rows drawn.
 */
export async function readGridRefs(surface: Surface): Promise<string[]> {
  return surface.getByRole('grid').evaluate(async (grid) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<number, string | null>();
    const total = Number(grid.getAttribute('aria-rowcount')) - 1;
    grid.scrollTop = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      await frame();
      for (const row of grid.querySelectorAll('[role="row"][aria-rowindex]')) {
        const index = Number(row.getAttribute('aria-rowindex'));
        if (index < 2) continue;
        const first = row.querySelector('[role="gridcell"]');
        seen.set(index, first ? (first.textContent ?? '') : null);
      }
      if (seen.size >= total || grid.scrollTop + grid.clientHeight >= grid.scrollHeight) break;
      grid.scrollTop += Math.max(1, grid.clientHeight - 40);
    }
    grid.scrollTop = 0;
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, ref]) => ref).filter((ref): ref is string => ref !== null);
  });
}

type Row = Record<string, unknown>;

/** Plan Items straight from the REST API with a raw `$filter` (not through the tab's code). */
export async function restRefs(siteUrl: string, filter: string, orderBy = 'ID'): Promise<string[]> {
  const refs: string[] = [];
  let next: string | null = `${siteUrl}/_api/web/lists/getByTitle('Plan%20Items')/items?$select=ActionRef&$top=5000&$orderby=${encodeURIComponent(orderBy)}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
  while (next) {
    const response = await fetch(next, { headers: { Accept: 'application/json;odata=nometadata' } });
    if (!response.ok) throw new Error(`GET ${next}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { value: Row[]; 'odata.nextLink'?: string };
    refs.push(...body.value.map((r) => String(r.ActionRef)));
    next = body['odata.nextLink'] ?? null;
  }
  return refs;
}
