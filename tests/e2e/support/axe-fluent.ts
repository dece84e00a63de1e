import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeViolation } from './browser';

const AXE_SOURCE = () => readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1 A+AA and 2.2 AA tags, as `runAxe` in browser.ts) on the
 * whole page except Tabster's focus sentinels. Fluent UI v9's arrow-key navigation
 * (TabList, Toolbar) adds `<i data-tabster-dummy aria-hidden tabindex=0>` elements that
 * exist only to pass focus on at once; axe's aria-hidden-focus flags them. Fluent lists
 * this as a known false positive (microsoft/fluentui#25133, #27517; microsoft/tabster#288),
 * so exactly those elements — nothing else — are left out.
 */
export async function runAxeOnFluentPage(page: Page): Promise<AxeViolation[]> {
  const session = await page.context().newCDPSession(page);
  await session.send('Runtime.evaluate', { expression: AXE_SOURCE() });
  await session.detach();
  return page.evaluate(async () => {
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const context = { include: [['html']], exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
