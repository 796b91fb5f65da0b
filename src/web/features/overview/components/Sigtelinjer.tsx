import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** STIL's four strategic lines (sigtelinjer, 2015) that the platform is organised by. */
export function Sigtelinjer({ lines }: { lines: number[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} fz="lg">
          {t('overview.sigtelinjerTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('overview.sigtelinjerLead')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {lines.map((n) => (
          <Card key={n} padding="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge variant="light" radius="sm">
                  {t('overview.sigtelinje', { n })}
                </Badge>
              </Group>
              <Title order={3} fz="md">
                {t(`sigtelinjer.${n}.title`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`sigtelinjer.${n}.text`)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
