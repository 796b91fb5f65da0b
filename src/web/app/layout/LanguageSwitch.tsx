import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGS, currentLang } from '../i18n';
import { useSetLanguage } from '../session';

/** Dansk / English; remembered on the account when signed in, in the browser otherwise. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const setLanguage = useSetLanguage();
  const lang = currentLang();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="compact-md"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.switch', { current: t(`language.${lang}`) })}
          loading={setLanguage.isPending}
        >
          {lang.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGS.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => setLanguage.mutate(l)}
            rightSection={l === lang ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={l === lang ? 'true' : undefined}
          >
            {t(`language.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
