import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from './host';

/** Teams' theme name → the Fluent theme made for it. */
export function fluentThemeFor(theme: HostTheme): Theme {
  if (theme === 'dark') return teamsDarkTheme;
  if (theme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}
