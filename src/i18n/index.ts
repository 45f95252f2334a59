import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en';
import ko from './locales/ko';

export type Language = 'en' | 'ko';
export const LANGUAGES: readonly { code: Language; label: string }[] = [
  { code: 'ko', label: '한국어' },
  { code: 'en', label: 'English' },
];
/** The localStorage key that remembers the learner's language. */
export const LANGUAGE_KEY = 'kubeloop.lang';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode)
  }
}

/** detectLanguage: the remembered choice, else ko for any Korean browser locale, else en. */
export function detectLanguage(
  stored: string | null | undefined,
  browser: string | undefined,
): Language {
  if (stored === 'en' || stored === 'ko') return stored;
  return browser?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const initial = detectLanguage(
  storage()?.getItem(LANGUAGE_KEY),
  typeof navigator === 'undefined' ? undefined : navigator.language,
);

void i18n.use(initReactI18next).init({
  resources: { en: { common: en }, ko: { common: ko } },
  lng: initial,
  fallbackLng: 'en',
  ns: ['common'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

function applyLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLanguage(initial);
i18n.on('languageChanged', (lang) => {
  applyLanguage(lang);
  storage()?.setItem(LANGUAGE_KEY, lang);
});

/** setLanguage switches the UI language; it is remembered for the next visit. */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
}

/**
 * addTranslations lets a feature ship its own strings from its own module:
 * `addTranslations('lessons', { en: {...}, ko: {...} })`, then `useTranslation('lessons')`.
 */
export function addTranslations(
  ns: string,
  resources: Record<Language, Record<string, unknown>>,
): void {
  for (const lang of Object.keys(resources) as Language[]) {
    i18n.addResourceBundle(lang, ns, resources[lang], true, true);
  }
}

/** currentLanguage narrows i18n.language to the languages the app speaks. */
export function currentLanguage(): Language {
  return i18n.language === 'ko' ? 'ko' : 'en';
}

export default i18n;
