import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title ("<page> – Retning") for the current page. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${product}` : product;
  }, [title, product]);
}
