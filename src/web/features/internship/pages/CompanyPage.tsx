import { Anchor, Badge, Button, Card, Grid, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { CopyLink } from '../../../shared/CopyLink';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useCompany, useInviteSupervisor, usePatchCompany } from '../api/companies';
import { useProgrammes } from '../api/students';
import { CompanyForm } from '../components/CompanyForm';
import { ContactsEditor } from '../components/ContactsEditor';
import type { TCompanyDetail } from '../../../../shared/api/internship';

/** /praktik/virksomheder/:id: one company with its contacts, approved programmes, praktikvejledere and notes. */
export function CompanyPage() {
  const id = useParams().id ?? '';
  const company = useCompany(id);
  return <QueryState query={company}>{(c) => <CompanyView company={c} />}</QueryState>;
}

function CompanyView({ company: c }: { company: TCompanyDetail }) {
  const { t } = useTranslation();
  const canEdit = useCan('company:manage') || c.abilities.includes('company:manage');
  const [editing, setEditing] = useState(false);
  const patch = usePatchCompany(c.id);
  const programmes = useProgrammes(canEdit);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={<Anchor component={Link} to="/praktik/virksomheder">{t('internship.companies.title')}</Anchor>}
        title={c.name}
        description={[c.trade, [c.address, `${c.postcode} ${c.city}`.trim()].filter(Boolean).join(', ')].filter(Boolean).join(' · ')}
        actions={canEdit && !editing ? <Button variant="light" onClick={() => setEditing(true)}>{t('internship.company.edit')}</Button> : null}
      />
      {editing ? (
        <Card withBorder maw={860}>
          <CompanyForm
            initial={{ ...c, pNumber: c.pNumber ?? '', website: c.website ?? '', programmeIds: c.programmes.map((p) => p.id) }}
            programmes={programmes.data ?? []}
            submitLabel={t('common.save')}
            pending={patch.isPending}
            error={patch.error}
            onSubmit={(input) => patch.mutate(input, { onSuccess: () => setEditing(false) })}
          />
        </Card>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%">
            <Title order={2} fz="lg" mb="xs">{t('internship.company.facts')}</Title>
            <List spacing={4} size="sm" listStyleType="none">
              <List.Item>{t('internship.company.cvr')}: {c.cvr}</List.Item>
              {c.pNumber ? <List.Item>{t('internship.company.pNumber')}: {c.pNumber}</List.Item> : null}
              {c.website ? (
                <List.Item>
                  <Anchor href={c.website} target="_blank" rel="noopener noreferrer">{c.website}</Anchor>
                </List.Item>
              ) : null}
              <List.Item>{t('internship.company.studentsNow', { count: c.currentStudents })}</List.Item>
            </List>
            <Title order={3} fz="md" mt="md" mb={4}>{t('internship.company.programmes')}</Title>
            {c.programmes.length === 0 ? (
              <Text size="sm" c="dimmed">{t('internship.company.noProgrammes')}</Text>
            ) : (
              <Group gap={6}>
                {c.programmes.map((p) => <Badge key={p.id} variant="light">{p.name}</Badge>)}
              </Group>
            )}
            {c.notes ? (
              <>
                <Title order={3} fz="md" mt="md" mb={4}>{t('internship.company.notes')}</Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Text>
              </>
            ) : null}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%">
            <Title order={2} fz="lg" mb="xs">{t('internship.company.contacts')}</Title>
            <ContactsEditor contacts={c.contacts} canEdit={canEdit} pending={patch.isPending} error={patch.error} onSave={(contacts) => patch.mutate({ contacts })} />
          </Card>
        </Grid.Col>
      </Grid>
      <Supervisors company={c} />
    </Stack>
  );
}

function Supervisors({ company: c }: { company: TCompanyDetail }) {
  const { t } = useTranslation();
  const invite = useInviteSupervisor(c.id);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const canInvite = c.abilities.includes('company:inviteSupervisor');
  return (
    <Card withBorder>
      <Title order={2} fz="lg" mb="xs">{t('internship.company.supervisors')}</Title>
      {c.supervisors.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{canInvite ? t('internship.company.noSupervisorsHint') : t('internship.company.noSupervisors')}</Text>
      ) : (
        <List spacing={4} size="sm" mb="sm">
          {c.supervisors.map((s) => (
            <List.Item key={s.id}>
              {s.name} ({s.email}){s.invited ? ` – ${t('internship.company.invitedNotYet')}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {canInvite ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ name, email }, { onSuccess: () => { setName(''); setEmail(''); } });
          }}
        >
          <Stack gap="xs" maw={560}>
            <ProblemAlert error={invite.error} />
            {invite.data ? (
              <Text size="sm" role="status">
                {invite.data.emailed ? t('internship.company.invited', { name: invite.data.supervisor.name }) : t('internship.company.invitedCopy', { days: invite.data.expiresInDays })}
              </Text>
            ) : null}
            {invite.data?.link ? <CopyLink link={invite.data.link} label={t('internship.company.inviteLink')} /> : null}
            <Group gap="sm" align="flex-end">
              <TextInput label={t('internship.company.supervisorName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required style={{ flex: '1 1 180px' }} />
              <TextInput label={t('internship.company.supervisorEmail')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} required style={{ flex: '1 1 220px' }} />
              <Button type="submit" loading={invite.isPending}>{t('internship.company.invite')}</Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
