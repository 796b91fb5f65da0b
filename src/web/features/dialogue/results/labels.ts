import { useTranslation } from 'react-i18next';

type Text2 = { da: string; en: string };

/** The wording in the reader's language (the Danish where a school left the English empty). */
export function useLang() {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (t: Text2) => (en && t.en ? t.en : t.da);
}

/** A pair's name: "left pole – right pole". */
export function usePairName() {
  const lang = useLang();
  return (p: { left: Text2; right: Text2 }) => `${lang(p.left)} – ${lang(p.right)}`;
}

/** A figure on the 0–100 scale with one decimal at most, in the reader's language. */
export function useFigure() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });
  return (n: number | null | undefined, signed = false) => (n === null || n === undefined ? '–' : `${signed && n > 0 ? '+' : ''}${f.format(n)}`);
}
