import { useTranslation } from 'react-i18next';
import { setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoice } from './theme';

/** ThemeSelect picks light, dark, or the system's setting; its accessible name is "Theme" / "테마". */
export default function ThemeSelect() {
  const { t } = useTranslation('layout');
  const choice = useThemeChoice();
  return (
    <select
      className="theme-select"
      aria-label={t('theme.label')}
      value={choice}
      onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}
    >
      {THEME_CHOICES.map((c) => (
        <option key={c} value={c}>
          {t(`theme.${c}`)}
        </option>
      ))}
    </select>
  );
}
