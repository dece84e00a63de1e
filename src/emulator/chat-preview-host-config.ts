/**
 * A host config close to Teams' light theme (Segoe UI, Teams' palette, compact
 * spacing), with foreground colours dark enough for WCAG AA on white.
 */
export const TEAMS_LIKE_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 20, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#5C5C5C' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#835B00', subtle: '#835B00' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#5C5C5C' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#835B00', subtle: '#835B00' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
      },
    },
  },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  adaptiveCard: { allowCustomStyle: false },
};
