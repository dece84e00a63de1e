import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

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
  actionColumn: { width: '40%' },
  lastUpdateColumn: { width: '20%' },
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
});
