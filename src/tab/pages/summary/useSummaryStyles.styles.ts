import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useSummaryStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  totals: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: tokens.spacingHorizontalXL },
});

export const useBarChartStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  titleRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.subtitle2, margin: '0' },
  bars: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  bar: {
    position: 'relative',
    display: 'grid',
    gridTemplateColumns: 'minmax(7rem, 1fr) 2fr minmax(2.5rem, auto)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    ...typographyStyles.body1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: { height: tokens.spacingVerticalL, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    // In forced colours backgrounds vanish; a border keeps the bar visible.
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', border: `${tokens.strokeWidthThin} solid CanvasText` },
  },
  Red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  Amber: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  Green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  Blue: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  value: { ...typographyStyles.body1Strong, textAlign: 'end' },
  // Text for screen readers only (the usual visually-hidden pattern: one pixel, clipped).
  hidden: {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', border: '0',
    overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap',
  },
  empty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
});
