import { ActionIcon, CopyButton, Group, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A read-only link with a copy button, for invitation and reset links when no e-mail is sent. */
export function CopyLink({ link, label }: { link: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={link} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} data-testid="copy-link" />
      <CopyButton value={link} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon size={36} variant={copied ? 'filled' : 'default'} onClick={copy} aria-label={copied ? t('common.copied') : t('common.copy')}>
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
