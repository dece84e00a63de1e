import { makeStaticStyles, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { NARROW_QUERY } from './components/useNarrow';

const NARROW = `@media ${NARROW_QUERY}`;

/** The page itself carries no margin, so the tab fills Teams' frame edge to edge. */
export const useGlobalStyles = makeStaticStyles({ body: { margin: '0' } });

export const useShellStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  shell: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL, paddingInline: tokens.spacingHorizontalXL,
    maxWidth: '90rem', marginInline: 'auto',
    // Narrow (Teams mobile, a side pane): every pixel of width goes to the content.
    [NARROW]: { paddingInline: tokens.spacingHorizontalS },
  },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  appName: { ...typographyStyles.title3, margin: '0' },
  scope: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  main: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    minWidth: '0',
    [NARROW]: { padding: tokens.spacingHorizontalS },
  },
});
