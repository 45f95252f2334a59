import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';

/** LanguageSelect switches between 한국어 and English; its accessible name is always "Language". */
export default function LanguageSelect() {
  const { i18n } = useTranslation();
  return (
    <select
      className="language-select"
      aria-label="Language"
      value={i18n.language === 'ko' ? 'ko' : 'en'}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((lang) => (
        <option key={lang.code} value={lang.code} lang={lang.code}>
          {lang.label}
        </option>
      ))}
    </select>
  );
}
