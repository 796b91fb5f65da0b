import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueResults, TItemResult } from '../../../../shared/api/dialogue-results';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useDialogueResults } from './api';
import { NOW_COLOR, StripPlot, WANTED_COLOR } from './charts';
import { DecisionDialog, type DecisionTarget } from './DecisionDialog';
import { useFigure, useLang, usePairName } from './labels';

/** /dialog/:id/resultater: a closed session's results, pair by pair. */
export function ResultsPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const results = useDialogueResults(id);
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/dialog/${id}`} style={{ color: 'inherit' }}>{t('dialogue.results.back')}</Link>}
        title={results.data ? t('dialogue.results.title', { title: results.data.session.title }) : t('dialogue.results.titleShort')}
        description={t('dialogue.results.lead')}
      />
      <QueryState query={results}>{(r) => <ResultsBody r={r} />}</QueryState>
    </>
  );
}

function ResultsBody({ r }: { r: TDialogueResults }) {
  const { t } = useTranslation();
  const pairName = usePairName();
  const fig = useFigure();
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const canDecide = r.abilities.includes('dialogueSession:decide');
  const decide = (i: TItemResult) =>
    setDeciding({
      sessionId: r.session.id,
      pairKey: i.pairKey,
      pairName: pairName(i),
      what: t('dialogue.results.decide.whatPrefill', { pair: pairName(i) }),
      why: t('dialogue.results.decide.whyPrefillOne', { session: r.session.title, now: fig(i.now.median), wanted: fig(i.wanted.median), participants: r.session.participants }),
    });
  if (!r.items.length) return <EmptyState title={t('dialogue.results.emptyTitle')} hint={t('dialogue.results.emptyHint')} />;
  return (
    <Stack gap="lg">
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text>{t('dialogue.results.participants', { count: r.session.participants })}</Text>
        <Group gap="sm">
          <Button component="a" href={`/api/v1/dialogue/sessions/${r.session.id}/results.csv`} variant="light" leftSection={<IconDownload size={16} />}>
            {t('dialogue.results.download.csv')}
          </Button>
          <Button component="a" href={`/api/v1/dialogue/sessions/${r.session.id}/results.pdf`} variant="light" leftSection={<IconDownload size={16} />}>
            {t('dialogue.results.download.pdf')}
          </Button>
          <Button component={Link} to={`/dialog/sammenlign?a=${r.session.id}`} variant="default">
            {t('dialogue.results.compareLink')}
          </Button>
        </Group>
      </Group>
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {r.items.map((i) => (
          <Card key={i.itemId} component="li" withBorder>
            <ItemResult item={i} boundaries={r.boundaries} onDecide={canDecide ? () => decide(i) : null} />
          </Card>
        ))}
      </Stack>
      {deciding ? <DecisionDialog target={deciding} onClose={() => setDeciding(null)} /> : null}
    </Stack>
  );
}

function ItemResult({ item, boundaries, onDecide }: { item: TItemResult; boundaries: TDialogueResults['boundaries']; onDecide: (() => void) | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pairName = usePairName();
  const fig = useFigure();
  const boundary = boundaries.find((b) => b.key === item.boundary);
  const shown = item.now.shown || item.wanted.shown;
  const slider = (name: string, s: TItemResult['now']) => (s.shown ? t('dialogue.results.median', { name, median: fig(s.median) }) : t('dialogue.results.hidden', { name, count: s.count }));
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={2} fz="lg">
          {pairName(item)}
        </Title>
        {boundary ? <Badge variant="light" color="indigo.8">{lang(boundary.name)}</Badge> : null}
      </Group>
      <Group justify="space-between" c="dimmed" fz="sm">
        <span>{t('dialogue.results.pole', { pole: lang(item.left), value: 0 })}</span>
        <span>{t('dialogue.results.pole', { pole: lang(item.right), value: 100 })}</span>
      </Group>
      {shown ? (
        <StripPlot
          label={t('dialogue.results.chartLabel', { pair: pairName(item) })}
          medianName={t('dialogue.results.medianName')}
          rows={[
            { name: t('dialogue.results.now'), color: NOW_COLOR, values: item.now.values ?? [], median: item.now.shown ? (item.now.median ?? null) : null },
            { name: t('dialogue.results.wanted'), color: WANTED_COLOR, values: item.wanted.values ?? [], median: item.wanted.shown ? (item.wanted.median ?? null) : null },
          ]}
        />
      ) : null}
      <Group gap="lg" wrap="wrap">
        <Text size="sm">{slider(t('dialogue.results.now'), item.now)}</Text>
        <Text size="sm">{slider(t('dialogue.results.wanted'), item.wanted)}</Text>
        <Text size="sm" fw={600}>
          {item.shift === null ? t('dialogue.results.noShift') : t('dialogue.results.shift', { shift: fig(item.shift, true) })}
        </Text>
        {onDecide ? (
          <Button size="xs" variant="light" onClick={onDecide} aria-label={t('dialogue.results.decide.buttonFor', { pair: pairName(item) })}>
            {t('dialogue.results.decide.button')}
          </Button>
        ) : null}
      </Group>
      {item.comments.length ? (
        <Stack gap={4} component="ul" aria-label={t('dialogue.results.comments', { pair: pairName(item) })} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {item.comments.map((c, k) => (
            <Text key={k} component="li" size="sm" c="dimmed">
              »{c.text}«{c.nickname ? ` – ${c.nickname}` : ''}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
