import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from 'virtual:texts/da/core';
import { loaders } from 'virtual:texts/loaders';
import type { TextPart } from '../locales/parts';

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

// The Danish texts of the shell and the first pages are bundled; the English ones are a chunk of
// their own, fetched when chosen; each feature's own texts (locales/parts.ts) come with its pages.
const englishOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng, _ns, done) => {
    if (lng !== 'en') return done(null, lng === 'da' ? da : {});
    import('virtual:texts/en/core').then((m) => done(null, m.default), (e: Error) => done(e, null));
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

/** The parts asked for so far, per language: each is fetched once (again after a failure). */
const parts: Record<Lang, Map<TextPart, Promise<void>>> = { da: new Map(), en: new Map() };

function loadPart(lang: Lang, part: TextPart): Promise<void> {
  let done = parts[lang].get(part);
  if (!done) {
    const load = loaders[lang][part];
    if (!load) return Promise.reject(new Error(`no text part ${part}`));
    done = load().then((m) => void i18n.addResourceBundle(lang, 'translation', m.default, true, true));
    done.catch(() => parts[lang].delete(part));
    parts[lang].set(part, done);
  }
  return done;
}

/** Fetches the text parts a page needs in the language shown (its route waits for them with its chunk). */
export async function loadTexts(needed: readonly TextPart[]): Promise<void> {
  await i18nReady;
  const lang = currentLang();
  await Promise.all(needed.map((part) => loadPart(lang, part)));
}

/** Switches the language once the texts of the parts in use are there in it, so no page shows a key. */
export async function changeLanguage(lang: Lang): Promise<void> {
  // the language's own core first: a bundle added before it would count the language as loaded
  await i18n.loadLanguages(lang);
  await Promise.all([...new Set([...parts.da.keys(), ...parts.en.keys()])].map((part) => loadPart(lang, part)));
  await i18n.changeLanguage(lang);
}

export default i18n;
