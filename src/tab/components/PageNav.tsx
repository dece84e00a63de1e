import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList } from '@fluentui/react-components';
import type { PageDefinition } from '../pages/registry';
import type { PageId } from '../routes';
import { useNarrow } from './useNarrow';

export type PageNavProps = { pages: readonly PageDefinition[]; current: PageId; onSelect(page: PageId): void };

/**
 * Navigation between the tab's pages (loaded lazily: the first view does not need it).
 * On a narrow screen the tabs would be cut off, so they fold into one menu button.
 */
export default function PageNav({ pages, current, onSelect }: PageNavProps) {
  const narrow = useNarrow();
  const currentLabel = pages.find((p) => p.id === current)?.label ?? pages[0]?.label;
  if (narrow) {
    return (
      <nav aria-label="Pages">
        <Menu checkedValues={{ page: [current] }} onCheckedValueChange={(_, data) => { const page = data.checkedItems[0]; if (page) onSelect(page as PageId); }}>
          <MenuTrigger disableButtonEnhancement>
            <Button aria-label={`Pages: ${currentLabel}`}>{currentLabel} ▾</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {pages.map((page) => <MenuItemRadio key={page.id} name="page" value={page.id}>{page.label}</MenuItemRadio>)}
            </MenuList>
          </MenuPopover>
        </Menu>
      </nav>
    );
  }
  return (
    <nav aria-label="Pages">
      <TabList selectedValue={current} onTabSelect={(_, data) => onSelect(data.value as PageId)}>
        {pages.map((page) => <Tab key={page.id} value={page.id}>{page.label}</Tab>)}
      </TabList>
    </nav>
  );
}
