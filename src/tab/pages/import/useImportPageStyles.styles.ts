import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of the Import page. */
export const useImportPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  subheading: { ...typographyStyles.subtitle2, margin: '0' },
  intro: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  fileInput: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    paddingBlock: tokens.spacingVerticalXS,
    ':focus-visible': { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2, outlineOffset: tokens.spacingHorizontalXXS },
  },
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  summary: { ...typographyStyles.body1, margin: '0' },
  mappingGrid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, maxWidth: '32rem' },
  cellText: { paddingBlock: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  secondary: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  list: { margin: '0', paddingInlineStart: tokens.spacingHorizontalXL },
});
