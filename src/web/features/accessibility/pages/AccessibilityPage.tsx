import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';

const SECTIONS = ['scope', 'status', 'known', 'contact', 'enforcement'] as const;

/** /tilgaengelighed: the accessibility statement (webtilgængelighedsloven, EN 301 549 / WCAG 2.1 AA). */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <PageHeader title={t('a11y.title')} description={t('a11y.lead')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack gap="lg">
          {SECTIONS.map((s) => (
            <section key={s} aria-labelledby={`a11y-${s}`}>
              <Title order={2} fz="lg" id={`a11y-${s}`} mb={6}>
                {t(`a11y.${s}.title`)}
              </Title>
              <Text>{t(`a11y.${s}.text`)}</Text>
              {s === 'known' ? (
                <List mt="xs" size="sm">
                  <List.Item>{t('a11y.known.item1')}</List.Item>
                  <List.Item>{t('a11y.known.item2')}</List.Item>
                </List>
              ) : null}
            </section>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
