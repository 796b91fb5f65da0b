import { Alert, Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useProfile } from '../api/profile';
import { useRounds } from '../api/rounds';
import { tr } from '../api/types';
import { AreaRadar } from '../components/charts';

/** The teacher's own page: open rounds, radar per area, level per competence, the next level, course suggestions. */
export function MyCompetencePage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const personId = me.person?.id ?? '';
  const profile = useProfile(personId);
  const rounds = useRounds();
  const lang = i18n.language;
  const open = (rounds.data ?? []).filter((r) => r.status === 'open' && r.eligible && !r.mySubmittedAt);
  return (
    <>
      <PageHeader
        title={t('competence.my.title')}
        description={t('competence.my.lead')}
        actions={
          <Button component="a" href={`/api/v1/competence/people/${personId}/export`} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('competence.my.export')}
          </Button>
        }
      />
      <Stack gap="lg">
        {open.map((r) => (
          <Alert key={r.id} color="blue" title={t('competence.my.openRound', { title: r.title })}>
            <Stack gap="xs">
              <Text size="sm">{t('competence.my.openRoundLead', { date: r.closesOn })}</Text>
              {r.myAnswered > 0 ? <Progress value={Math.min(100, (r.myAnswered / 25) * 100)} aria-label={t('competence.assessment.progress')} /> : null}
              <Group>
                <Button component={Link} to={`/kompetencer/selvevaluering/${r.id}`}>
                  {r.myAnswered > 0 ? t('competence.my.resume') : t('competence.my.start')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ))}
        <QueryState query={profile}>
          {(p) => {
            if (!p.latest) return <EmptyState title={t('competence.my.emptyTitle')} hint={open.length ? t('competence.my.emptyHintOpen') : t('competence.my.emptyHint')} />;
            const latest = p.latest;
            const fw = p.framework;
            const areaLevel = (id: string) => latest.areas.find((a) => a.id === id);
            return (
              <>
                {!latest.basicPassed ? (
                  <Alert color="orange" title={t('competence.my.levelZeroTitle')}>
                    {t('competence.my.levelZeroLead')}
                  </Alert>
                ) : null}
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Card>
                    <Title order={2} fz="lg">
                      {t('competence.my.radarTitle')}
                    </Title>
                    <AreaRadar
                      indicators={fw.areas.map((a) => tr(a.title, lang))}
                      series={[
                        ...(p.previous ? [{ name: p.previous.roundTitle, values: fw.areas.map((a) => p.previous?.areas.find((x) => x.id === a.id)?.mean ?? 0), color: '#868e96' }] : []),
                        { name: latest.roundTitle, values: fw.areas.map((a) => areaLevel(a.id)?.mean ?? 0), color: '#005d7e' },
                      ]}
                      label={t('competence.my.radarLabel', { areas: fw.areas.map((a) => `${tr(a.title, lang)} ${areaLevel(a.id)?.mean ?? 0}`).join(', ') })}
                    />
                  </Card>
                  <Card>
                    <Title order={2} fz="lg" mb="sm">
                      {t('competence.my.suggestionsTitle')}
                    </Title>
                    {p.suggestions.length === 0 ? (
                      <Text c="dimmed" size="sm">
                        {t('competence.my.noSuggestions')}
                      </Text>
                    ) : (
                      <Stack gap="xs">
                        {p.suggestions.map((s) => (
                          <Group key={s.courseId} justify="space-between" wrap="nowrap">
                            <Anchor component={Link} to="/kompetencer/forloeb">
                              {s.title}
                            </Anchor>
                            {s.mandatory ? <Badge color="red.8">{t('competence.courses.mandatory')}</Badge> : <Badge variant="light">{t(`competence.format.${s.format}`)}</Badge>}
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </Card>
                </SimpleGrid>
                {fw.areas.map((area) => {
                  const al = areaLevel(area.id);
                  return (
                    <Card key={area.id}>
                      <Group justify="space-between" mb="xs">
                        <Title order={2} fz="lg">
                          {area.code}. {tr(area.title, lang)}
                        </Title>
                        <Badge size="lg" variant="light">
                          {t('competence.levelLabel', { level: al?.level ?? 0, title: tr(fw.levels[al?.level ?? 0]?.title ?? { da: '', en: '' }, lang) })}
                        </Badge>
                      </Group>
                      <Table.ScrollContainer minWidth={420}>
                        <Table>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th scope="col">{t('fields.competenceId')}</Table.Th>
                              <Table.Th scope="col">{t('fields.level')}</Table.Th>
                              <Table.Th scope="col">{t('competence.my.nextLevel')}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {area.competences.map((c) => {
                              const lvl = latest.competences[c.id] ?? 0;
                              const next = fw.levels[lvl + 1];
                              return (
                                <Table.Tr key={c.id}>
                                  <Table.Td>{tr(c.title, lang)}</Table.Td>
                                  <Table.Td>
                                    {lvl} · {tr(fw.levels[lvl]?.title ?? { da: '', en: '' }, lang)}
                                  </Table.Td>
                                  <Table.Td>
                                    <Text size="sm">{next ? `${tr(next.title, lang)}: ${tr(next.description, lang)}` : t('competence.my.topLevel')}</Text>
                                  </Table.Td>
                                </Table.Tr>
                              );
                            })}
                          </Table.Tbody>
                        </Table>
                      </Table.ScrollContainer>
                    </Card>
                  );
                })}
              </>
            );
          }}
        </QueryState>
      </Stack>
    </>
  );
}
