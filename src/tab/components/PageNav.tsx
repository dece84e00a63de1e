import { Tab, TabList } from '@fluentui/react-components';
import type { PageDefinition } from '../pages/registry';
import type { PageId } from '../routes';

export type PageNavProps = { pages: readonly PageDefinition[]; current: PageId; onSelect(page: PageId): void };

/** Navigation between the tab's pages (loaded lazily: the first view does not need it). */
export default function PageNav({ pages, current, onSelect }: PageNavProps) {
  return (
    <nav aria-label="Pages">
      <TabList selectedValue={current} onTabSelect={(_, data) => onSelect(data.value as PageId)}>
        {pages.map((page) => <Tab key={page.id} value={page.id}>{page.label}</Tab>)}
      </TabList>
    </nav>
  );
}
