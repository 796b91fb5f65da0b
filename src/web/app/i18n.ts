import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from '../locales/da.json';
import en from '../locales/en.json';

export type Lang = 'da' | 'en';
export const LANGS: Lang[] = ['da', 'en'];
const STORAGE_KEY = 'retning.lang';

export const isLang = (v: unknown): v is Lang => v === 'da' || v === 'en';

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'da';
  } catch {
    return 'da';
  }
}

export function rememberLangLocally(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the language still applies for this visit
  }
}

export const currentLang = (): Lang => (isLang(i18n.language) ? i18n.language : 'da');

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'da',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = currentLang();
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = isLang(lng) ? lng : 'da';
});

export default i18n;
