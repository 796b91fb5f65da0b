import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Image, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveyLinkCreated, TSurveyRoundDetail } from '../../../../shared/api/surveys';
import { CopyLink } from '../../../shared/CopyLink';
import { useDepartments } from '../../../shared/api/departments';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCreateSurveyLink, useRevokeSurveyLink } from '../api/surveys';

const LINK_GROUPS = ['student', 'supervisor'] as const;

/** A data: URL for the SVG text, so that the QR code is shown and downloaded as an image, never as markup in the page. */
export const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The round's answer links for groups without accounts: create (address and QR code shown once), revoke. */
export function LinkPanel({ detail }: { detail: TSurveyRoundDetail }) {
  const { t } = useTranslation();
  const { round, links } = detail;
  const departments = useDepartments();
  const groups = LINK_GROUPS.filter((g) => round.groups.includes(g));
  const [group, setGroup] = useState<string | null>(groups[0] ?? null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [created, setCreated] = useState<TSurveyLinkCreated | null>(null);
  const create = useCreateSurveyLink(round.id);
  const revoke = useRevokeSurveyLink();
  const deptOptions = (departments.data ?? []).filter((d) => round.departmentIds === null || round.departmentIds.includes(d.id)).map((d) => ({ value: d.id, label: d.name }));
  const url = created ? `${window.location.origin}${created.path}` : '';
  const fileName = (ext: string) => `${round.name}-${created?.link.group ?? ''}.${ext}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');

  return (
    <Card withBorder>
      <Title order={2} fz={20} mb="xs">
        {t('surveys.links.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.links.lead')}
      </Text>
      {links.length > 0 ? (
        <ScrollTable label={t('surveys.links.title')} minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.links.group')}</Table.Th>
                <Table.Th>{t('surveys.links.department')}</Table.Th>
                <Table.Th>{t('surveys.links.state')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('surveys.links.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{t(`surveys.groups.${l.group}`)}</Table.Td>
                  <Table.Td>{l.departmentName ?? t('surveys.links.wholeSchool')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={l.revoked ? 'gray.7' : 'teal.9'}>
                      {t(l.revoked ? 'surveys.links.revoked' : 'surveys.links.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {l.revoked ? null : (
                      <Button size="xs" variant="subtle" color="red.9" onClick={() => revoke.mutate(l.id)} loading={revoke.isPending && revoke.variables === l.id}>
                        {t('surveys.links.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {round.status !== 'closed' && groups.length > 0 ? (
        <Group align="flex-end" mt="md" gap="sm" wrap="wrap">
          <Select label={t('surveys.links.group')} data={groups.map((g) => ({ value: g, label: t(`surveys.groups.${g}`) }))} value={group} onChange={setGroup} allowDeselect={false} w={200} />
          <Select label={t('surveys.links.department')} placeholder={t('surveys.links.wholeSchool')} data={deptOptions} value={departmentId} onChange={setDepartmentId} clearable w={240} />
          <Button
            onClick={() => group && create.mutate({ group: group as (typeof LINK_GROUPS)[number], departmentId }, { onSuccess: setCreated })}
            loading={create.isPending}
          >
            {t('surveys.links.create')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={create.error ?? revoke.error} />
      {created ? (
        <Card withBorder mt="md" bg="gray.0" data-testid="new-link">
          <Stack gap="sm">
            <Text fw={600}>{t('surveys.links.createdTitle', { group: t(`surveys.groups.${created.link.group}`) })}</Text>
            <Text size="sm">{t('surveys.links.onlyOnce')}</Text>
            <CopyLink link={url} label={t('surveys.links.address')} />
            <Group align="flex-start" gap="md" wrap="wrap">
              <Image src={svgUrl(created.qrSvg)} alt={t('surveys.links.qrAlt', { group: t(`surveys.groups.${created.link.group}`) })} w={180} h={180} fit="contain" />
              <Stack gap="xs">
                <Anchor href={svgUrl(created.qrSvg)} download={fileName('svg')}>
                  {t('surveys.links.downloadSvg')}
                </Anchor>
                <Anchor href={created.qrPng} download={fileName('png')}>
                  {t('surveys.links.downloadPng')}
                </Anchor>
                <Button
                  component={Link}
                  to={`/selvevaluering/runder/${round.id}/udskriv`}
                  state={{ url, qrSvg: created.qrSvg, group: created.link.group, roundName: round.name, departmentName: created.link.departmentName }}
                  variant="light"
                  size="sm"
                >
                  {t('surveys.links.print')}
                </Button>
              </Stack>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Card>
  );
}
