import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import type { GridEntry } from './grouping';

/** The focused cell: a row of the body (0-based) and a column. */
export type ActiveCell = { row: number; col: number };

/** Rows drawn above and below the visible window, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Before a row has been measured: about one line of body text with its padding. */
const FALLBACK_ROW_HEIGHT = 40;

/**
 * Windowing and keyboard navigation for the plan grid (the ARIA grid pattern): only the
 * rows in view are in the DOM; one cell is tabbable (roving tabindex); arrows move,
 * Home/End go to the row's ends (with Ctrl, the grid's), PageUp/PageDown move a screen,
 * Enter opens the action.
 */
export function usePlanGrid(entries: readonly GridEntry[], columnCount: number, openItem: (id: number) => void) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const header = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  // Measured once from the first action row drawn; every row then takes that height, so
  // positions never shift while scrolling (a group heading alone would be shorter).
  const [measured, setMeasured] = useState<number | null>(null);
  const rowHeight = measured ?? FALLBACK_ROW_HEIGHT;
  const [headerHeight, setHeaderHeight] = useState(0);
  const [active, setActive] = useState<ActiveCell>({ row: 0, col: 0 });
  const focusPending = useRef(false);

  const columnsOf = useCallback((row: number) => (entries[row]?.kind === 'group' ? 1 : columnCount), [entries, columnCount]);

  // Entries changed (a new filter): keep the active cell inside the grid.
  useEffect(() => {
    setActive((a) => {
      const row = Math.min(a.row, Math.max(0, entries.length - 1));
      return { row, col: Math.min(a.col, (entries[row]?.kind === 'group' ? 1 : columnCount) - 1) };
    });
  }, [entries, columnCount]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setViewport(el.clientHeight);
      setHeaderHeight(header.current?.offsetHeight ?? 0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [entries.length > 0]);

  /** Measures the real row height from an action row (tokens decide it, not code). */
  const measureRow = useCallback((el: HTMLDivElement | null) => {
    if (el && el.offsetHeight > 0) setMeasured((h) => h ?? el.offsetHeight);
  }, []);

  const bodyTop = Math.max(0, scrollTop - headerHeight);
  const first = Math.max(0, Math.floor(bodyTop / rowHeight) - OVERSCAN);
  const last = Math.min(entries.length, Math.ceil((bodyTop + viewport) / rowHeight) + OVERSCAN);
  const rowsPerScreen = Math.max(1, Math.floor((viewport - headerHeight) / rowHeight) - 1);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop), []);

  /** Scrolls just enough for the row to be visible below the sticky header. */
  const reveal = useCallback((row: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = headerHeight + row * rowHeight;
    if (top - headerHeight < el.scrollTop) el.scrollTop = top - headerHeight;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    setScrollTop(el.scrollTop);
  }, [headerHeight, rowHeight]);

  const moveTo = useCallback((row: number, col: number) => {
    if (entries.length === 0) return;
    const r = Math.max(0, Math.min(entries.length - 1, row));
    const c = Math.max(0, Math.min(columnsOf(r) - 1, col));
    focusPending.current = true;
    setActive({ row: r, col: c });
    reveal(r);
  }, [entries.length, columnsOf, reveal]);

  // After a keyboard move the target cell is drawn; focus it.
  useEffect(() => {
    if (!focusPending.current) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`);
    if (cell) {
      focusPending.current = false;
      cell.focus({ preventScroll: true });
    }
  });

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const { row, col } = active;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1, col),
      ArrowUp: () => moveTo(row - 1, col),
      ArrowRight: () => moveTo(row, col + 1),
      ArrowLeft: () => moveTo(row, col - 1),
      PageDown: () => moveTo(row + rowsPerScreen, col),
      PageUp: () => moveTo(row - rowsPerScreen, col),
      Home: () => (event.ctrlKey ? moveTo(0, 0) : moveTo(row, 0)),
      End: () => (event.ctrlKey ? moveTo(entries.length - 1, col) : moveTo(row, columnsOf(row) - 1)),
      Enter: () => {
        const entry = entries[row];
        if (entry?.kind === 'item') openItem(entry.item.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }, [active, moveTo, rowsPerScreen, entries, columnsOf, openItem]);

  /** A click puts the roving focus on the clicked cell. */
  const onCellFocus = useCallback((row: number, col: number) => {
    setActive((a) => (a.row === row && a.col === col ? a : { row, col }));
  }, []);

  return { scroller, header, measureRow: measured === null ? measureRow : undefined, measured, first, last, rowHeight, active, onScroll, onKeyDown, onCellFocus };
}
