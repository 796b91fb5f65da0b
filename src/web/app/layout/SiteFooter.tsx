import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" h="100%" px="md" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" truncate visibleFrom="sm">
        {t('app.tagline')}
      </Text>
      <Anchor component={Link} to="/tilgaengelighed" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('footer.accessibility')}
      </Anchor>
    </Group>
  );
}
