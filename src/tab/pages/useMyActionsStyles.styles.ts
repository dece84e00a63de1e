import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { NARROW_QUERY } from '../components/useNarrow';


/** Below this width tables become cards. */
export const NARROW = `@media ${NARROW_QUERY}`;

export const useMyActionsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  summary: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  titleCell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  title: { ...typographyStyles.body1Strong, textAlign: 'start' },
  secondary: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  note: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
  },
  // The action's title is the row's content; the other columns hold short values.
  actionColumn: { width: '34%' },
  lastUpdateColumn: { width: '20%' },
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  // Cards below 40rem (Teams mobile, a narrow side pane): no column can print over another.
  table: { [NARROW]: { display: 'block' } },
  header: { [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' } },
  row: {
    [NARROW]: {
      display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS,
      paddingBlock: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  cell: {
    overflowWrap: 'anywhere',
    [NARROW]: {
      display: 'flex', columnGap: tokens.spacingHorizontalS, width: 'auto', minHeight: 'auto',
      '::before': { content: 'attr(data-label)', ...typographyStyles.caption1Strong, minWidth: '6rem', color: tokens.colorNeutralForeground2 },
    },
  },
});
