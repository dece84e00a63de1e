import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useFilterBarStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  choices: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    margin: '0',
    paddingBlock: '0',
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { ...typographyStyles.body1, paddingInline: tokens.spacingHorizontalXS },
  checkbox: { alignSelf: 'flex-end' },
  clear: { alignSelf: 'flex-end' },
});
