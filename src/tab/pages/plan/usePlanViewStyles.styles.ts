import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const usePlanViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  summary: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  filters: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: '0' },
});
