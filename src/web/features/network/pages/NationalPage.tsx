import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { useNetworkName } from '../network-name';
import { NationalTable } from '../components/NationalTable';
import { SurveyBenchmark } from '../components/SurveyBenchmark';

/** /netvaerk/nationalt: competence and self-evaluation across the network's schools, always through the anonymity rules. */
export function NationalPage() {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const library = useCan('libraryNetwork:read');
  return (
    <>
      <PageHeader eyebrow={networkName} title={t('network.national.title')} description={t('network.national.lead')} />
      <Stack gap="xl">
        <NationalTable />
        <SurveyBenchmark />
        {library ? (
          <Card component="section" aria-labelledby="network-library-title">
            <Title order={2} fz="lg" id="network-library-title">
              {t('network.libraryTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4} mb="md">
              {t('network.libraryLead')}
            </Text>
            <Button component={Link} to="/videndeling/netvaerk" variant="light" leftSection={<IconShare size={18} aria-hidden />} w="fit-content">
              {t('network.libraryOpen')}
            </Button>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
