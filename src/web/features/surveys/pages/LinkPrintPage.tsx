import { Alert, Button, Group, Image, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/usePageTitle';
import { svgUrl } from '../components/LinkPanel';

/** On paper only the poster: the app's frame and the buttons are left out. */
const PRINT_CSS = '@media print { header, nav, footer, .no-print, .mantine-AppShell-header, .mantine-AppShell-navbar { display: none !important; } }';

type PrintState = { url: string; qrSvg: string; group: string; roundName: string; departmentName: string | null };
const isPrintState = (s: unknown): s is PrintState => typeof s === 'object' && s !== null && 'url' in s && 'qrSvg' in s;

/**
 * /selvevaluering/runder/:id/udskriv: a page to print and hang up, with the QR code and the address.
 * The link is only known right after it was made (only its hash is kept), so the page is reached
 * from there; opened later it says how to make a new one.
 */
export function LinkPrintPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const state: unknown = useLocation().state;
  usePageTitle(t('surveys.print.title'));
  if (!isPrintState(state)) {
    return (
      <Stack maw={640}>
        <Title order={1} fz={26}>
          {t('surveys.print.title')}
        </Title>
        <Alert variant="light" color="gray">
          {t('surveys.print.gone')}
        </Alert>
        <Button component={Link} to={`/selvevaluering/runder/${id}`} variant="light" w="fit-content">
          {t('surveys.print.back')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="center" gap="lg" ta="center" py="md">
      <style>{PRINT_CSS}</style>
      <Group className="no-print" justify="center">
        <Button onClick={() => window.print()}>{t('surveys.print.print')}</Button>
        <Button component={Link} to={`/selvevaluering/runder/${id}`} variant="default">
          {t('surveys.print.back')}
        </Button>
      </Group>
      <Title order={1} fz={34}>
        {state.roundName}
      </Title>
      <Text fz={22}>{t('surveys.print.invite', { group: t(`surveys.groups.${state.group}`) })}</Text>
      {state.departmentName ? <Text fz={18}>{state.departmentName}</Text> : null}
      <Image src={svgUrl(state.qrSvg)} alt={t('surveys.links.qrAlt', { group: t(`surveys.groups.${state.group}`) })} w={320} h={320} fit="contain" />
      <Text fz={18} style={{ wordBreak: 'break-all' }}>
        {state.url}
      </Text>
      <Text c="dimmed" maw={520}>
        {t('surveys.print.anonymous')}
      </Text>
    </Stack>
  );
}
