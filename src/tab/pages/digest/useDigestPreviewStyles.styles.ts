import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of the Digest preview page. */
export const useDigestPreviewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  subheading: { ...typographyStyles.subtitle2, margin: '0' },
  intro: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  // Grows from 16rem but never past the page: a long group name must not push it sideways at 400 px.
  groupField: { flexGrow: 1, flexBasis: '16rem', minWidth: '0', maxWidth: '100%' },
  summary: { ...typographyStyles.body1, margin: '0' },
  counts: { margin: '0', paddingInlineStart: tokens.spacingHorizontalXL, ...typographyStyles.body1 },
  // The card keeps the host config's own (light, Teams-like) background in every theme,
  // as a card does in a Teams chat bubble; the frame around it follows the tab's theme.
  card: {
    maxWidth: '42rem',
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
  },
  status: { ...typographyStyles.body1, margin: '0' },
});
