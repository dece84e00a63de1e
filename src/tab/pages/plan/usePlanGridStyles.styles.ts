import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { NARROW_QUERY } from '../../components/useNarrow';

const NARROW = `@media ${NARROW_QUERY}`;
/** On a narrow screen a row is a small card: reference and RAG, the title, then owner, due and status. */
const CARD_AREAS = '"ref rag rag" "title title title" "owner due status"';

/** The grid's columns: reference, action, owner, due, status, RAG. */
const COLUMNS = 'minmax(5rem, 0.6fr) minmax(12rem, 3fr) minmax(8rem, 1.4fr) minmax(7rem, 0.9fr) minmax(7rem, 0.9fr) minmax(5rem, 0.6fr)';

export const usePlanGridStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflowY: 'auto',
    height: '65vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    position: 'sticky',
    top: '0',
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  body: { position: 'relative' },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)', gridTemplateAreas: CARD_AREAS },
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  bodyRow: {
    position: 'absolute',
    left: '0',
    right: '0',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  groupRow: {
    position: 'absolute',
    left: '0',
    right: '0',
    display: 'grid',
    gridTemplateColumns: '1fr',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: '0',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})` },
  },
  headerCell: { ...typographyStyles.body1Strong, textAlign: 'start' },
  // The card names nothing by column, so the header row is kept for screen readers only.
  headerRow: { [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' } },
  areaRef: { [NARROW]: { gridArea: 'ref' } },
  areaTitle: { [NARROW]: { gridArea: 'title' } },
  areaOwner: { [NARROW]: { gridArea: 'owner' } },
  areaDue: { [NARROW]: { gridArea: 'due' } },
  areaStatus: { [NARROW]: { gridArea: 'status' } },
  areaRag: { [NARROW]: { gridArea: 'rag', justifySelf: 'end' } },
  titleCell: { ...typographyStyles.body1Strong },
  groupCell: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground1 },
  groupCount: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalS },
});
