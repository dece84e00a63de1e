import type { Frame, Locator, Page } from 'playwright-core';

type Surface = Page | Frame;

/** The update panel (a modal drawer). */
export const panel = (surface: Surface): Locator => surface.getByRole('dialog');

/** Waits until My actions shows its table (or its empty message). */
export async function waitForMyActions(surface: Surface): Promise<void> {
  await surface.getByRole('heading', { name: 'My actions' }).waitFor();
  await surface.getByRole('table').or(surface.getByText(/No actions are assigned/)).first().waitFor();
}

/** The row's "open" button for an action title (the accessible name is the title). */
export const actionButton = (surface: Surface, title: string): Locator => surface.getByRole('button', { name: title, exact: true });

/** Waits until the panel shows the item and its history has loaded. */
export async function waitForPanel(surface: Surface, title: string): Promise<Locator> {
  const dialog = panel(surface);
  await dialog.getByRole('heading', { name: title, exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Save update' }).waitFor();
  await dialog.getByRole('heading', { name: 'History' }).waitFor();
  await dialog.getByText('Loading history…').waitFor({ state: 'detached' });
  return dialog;
}

/** Waits for the "Update saved." announcement. */
export async function waitForSaved(dialog: Locator): Promise<void> {
  await dialog.getByRole('status').filter({ hasText: 'Update saved.' }).waitFor();
}

/**
 * Presses Tab until the focused element satisfies `matches` (given its accessible label
 * and tag), failing after `max` presses. Keyboard-only tests use it instead of clicks.
 */
export async function tabTo(page: Page, matches: (focused: { label: string; tag: string; text: string }) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { label: '', tag: '', text: '' };
      const labelledBy = el.getAttribute('aria-labelledby');
      const byId = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? byId;
      return { label: label.trim(), tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim() };
    });
    if (matches(focused)) return;
  }
  throw new Error(`Tab never reached the element after ${max} presses`);
}

/** Counts requests to the SharePoint REST API (`/_api/`) from the moment it is called. */
export function countApiRequests(page: Page): { count(): number; urls(): string[] } {
  const urls: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/_api/')) urls.push(`${request.method()} ${request.url()}`); });
  return { count: () => urls.length, urls: () => [...urls] };
}
