import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

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
  titleCell: { ...typographyStyles.body1Strong },
  groupCell: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground1 },
  groupCount: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalS },
});
