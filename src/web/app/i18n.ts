import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from '../locales/da.json';

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

// Danish (the default and the fallback) is bundled; English is a chunk of its own, fetched when chosen.
const englishOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng, _ns, done) => {
    if (lng !== 'en') return done(null, lng === 'da' ? da : {});
    import('../locales/en.json').then((m) => done(null, m.default), (e: Error) => done(e, null));
  },
};

/** Resolves when the first language's texts are loaded (main.tsx renders after it). */
export const i18nReady = i18n.use(englishOnDemand).use(initReactI18next).init({
  resources: { da: { translation: da } },
  partialBundledLanguages: true,
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
