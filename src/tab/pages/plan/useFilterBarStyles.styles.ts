import { makeStyles, tokens } from '@fluentui/react-components';

export const useFilterBarStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  checkbox: { alignSelf: 'flex-end' },
  clear: { alignSelf: 'flex-end' },
});
