import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useUpdatePanelStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: '0' },
  term: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2 },
  definition: { ...typographyStyles.caption1, margin: '0', overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  grow: { flexGrow: 1, minWidth: '10em' },
  sectionHeading: { ...typographyStyles.subtitle2, margin: '0' },
  history: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  historyItem: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  historyMeta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  historyComment: { ...typographyStyles.body1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  changes: { margin: '0', paddingInlineStart: tokens.spacingHorizontalXL },
  footer: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  conflictActions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, marginBlockStart: tokens.spacingVerticalS },
  actionText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});
