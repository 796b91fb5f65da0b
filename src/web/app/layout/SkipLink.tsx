import { useTranslation } from 'react-i18next';

/** "Gå til indhold": the first focusable element; visible only when focused (see global.css). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
