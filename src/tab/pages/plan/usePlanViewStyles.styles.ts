import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const usePlanViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  summary: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  results: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  // Off screen until focused, then shown where it is (WCAG 2.4.1 bypass blocks).
  skipLink: {
    position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)',
    ':focus': { position: 'static', width: 'auto', height: 'auto', overflow: 'visible', clipPath: 'none', alignSelf: 'flex-start' },
  },
  filters: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: '0' },
});
