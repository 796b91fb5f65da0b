import { Alert, Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../api/profile';
import { tr } from '../api/types';
import { AreaRadar } from './charts';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/**
 * A person's profile: the level-0 flag (a special effort, shown on its own: the levels below are as
 * the person answered them), radar per area against the previous round (area codes and a legend on a
 * phone, where the names do not fit), suggestions, level per competence and what the next level says.
 */
export function ProfileView({ profile: p, viewer = 'self' }: { profile: Profile & { latest: NonNullable<Profile['latest']> }; viewer?: 'self' | 'leader' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = useMediaQuery('(max-width: 40em)') ?? false;
  const latest = p.latest;
  const fw = p.framework;
  const areaLevel = (id: string) => latest.areas.find((a) => a.id === id);
  const nextStep = (c: (typeof fw.areas)[number]['competences'][number], level: number) => {
    const own = c.statements.find((s) => s.level === level + 1);
    const next = fw.levels[level + 1];
    if (own) return tr(own.text, lang);
    return next ? `${tr(next.title, lang)}: ${tr(next.description, lang)}` : t('competence.my.topLevel');
  };
  return (
    <>
      {!latest.basicPassed ? (
        <Alert color="orange" title={viewer === 'self' ? t('competence.my.levelZeroTitle') : t('competence.overview.staffLevelZeroTitle', { name: p.person.name })} data-testid="level-zero-flag">
          <Stack gap={4}>
            <Text size="sm">{viewer === 'self' ? t('competence.my.levelZeroLead') : t('competence.overview.staffLevelZeroLead')}</Text>
            <Text size="sm">{viewer === 'self' ? t('competence.my.levelZeroAnswers') : t('competence.overview.staffLevelZeroAnswers')}</Text>
          </Stack>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card>
          <Title order={2} fz="lg">
            {t('competence.my.radarTitle')}
          </Title>
          <AreaRadar
            indicators={fw.areas.map((a) => (narrow ? a.code : tr(a.title, lang)))}
            series={[
              ...(p.previous ? [{ name: p.previous.roundTitle, values: fw.areas.map((a) => p.previous?.areas.find((x) => x.id === a.id)?.mean ?? 0), color: '#868e96' }] : []),
              { name: latest.roundTitle, values: fw.areas.map((a) => areaLevel(a.id)?.mean ?? 0), color: '#005d7e' },
            ]}
            label={t('competence.my.radarLabel', { areas: fw.areas.map((a) => `${tr(a.title, lang)} ${areaLevel(a.id)?.mean ?? 0}`).join(', ') })}
          />
          {narrow ? (
            <List size="sm" listStyleType="none" spacing={2} aria-label={t('competence.my.radarLegend')} data-testid="radar-legend">
              {fw.areas.map((a) => (
                <List.Item key={a.id}>
                  <Text span fw={700} size="sm">
                    {a.code}
                  </Text>{' '}
                  {tr(a.title, lang)}: {areaLevel(a.id)?.mean ?? 0}
                </List.Item>
              ))}
            </List>
          ) : null}
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
            {/* On a phone the columns wrap as far as they can; what is still too wide scrolls. */}
            <ScrollTable minWidth={narrow ? 0 : 420} label={tr(area.title, lang)}>
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
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>{tr(c.title, lang)}</Table.Td>
                        <Table.Td>
                          {lvl} · {tr(fw.levels[lvl]?.title ?? { da: '', en: '' }, lang)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{nextStep(c, lvl)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Card>
        );
      })}
    </>
  );
}
