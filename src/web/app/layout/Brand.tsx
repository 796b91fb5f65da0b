import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to="/" aria-label={t('app.homeLink')}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={32} radius="md" aria-hidden>
          <IconCompass size={20} />
        </ThemeIcon>
        <Text fw={750} fz="lg" c="retning.9">
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
