import { useState } from 'react';
import { Alert, Button, Card, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueMode, TDialogueResultsMode, TDialogueSession, TDialogueTemplates } from '../../../../shared/api/dialogue';
import { fieldErrors } from '../../../app/api';
import { useCan, useMe } from '../../../app/session';
import { useDepartments } from '../../../shared/api/departments';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { SCHOOL_ROLES, roleKey } from '../../../shared/roles';
import { patchSession, useCreateDialogueSession, useDialogueSession, useSaveDialogueItems, useUpdateDialogueSession } from '../api/sessions';
import { useDialogueTemplates } from '../api/templates';
import { type Choice, PairPicker } from '../components/PairPicker';

/** /dialog/ny: a new draft. */
export function NewSessionPage() {
  const { t } = useTranslation();
  const templates = useDialogueTemplates();
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Link to="/dialog" style={{ color: 'inherit' }}>
            {t('dialogue.list.title')}
          </Link>
        }
        title={t('dialogue.editor.newTitle')}
        description={t('dialogue.editor.lead')}
      />
      <QueryState query={templates}>{(tpl) => <SessionForm templates={tpl} session={null} />}</QueryState>
    </Stack>
  );
}

/** /dialog/:id/rediger: a draft's title, mode, pairs and asynchronous settings. */
export function EditSessionPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const templates = useDialogueTemplates();
  const session = useDialogueSession(id);
  const both = { data: session.data && templates.data ? { s: session.data, tpl: templates.data } : undefined, error: session.error ?? templates.error, isPending: session.isPending || templates.isPending };
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Link to={`/dialog/${id}`} style={{ color: 'inherit' }}>
            {session.data?.title ?? t('dialogue.list.title')}
          </Link>
        }
        title={t('dialogue.editor.editTitle')}
      />
      <QueryState query={both}>
        {({ s, tpl }) =>
          s.status === 'draft' ? (
            <SessionForm templates={tpl} session={s} />
          ) : (
            <Alert color="gray" variant="light">
              {t('dialogue.editor.notDraft')}
            </Alert>
          )
        }
      </QueryState>
    </Stack>
  );
}

function SessionForm({ templates, session }: { templates: TDialogueTemplates; session: TDialogueSession | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const departments = useDepartments();
  const canManage = useCan('dialogue:manageTemplates');
  const [title, setTitle] = useState(session?.title ?? '');
  const [mode, setMode] = useState<TDialogueMode>(session?.mode ?? 'live');
  // a department head makes sessions for his own department
  const ownDepartment = me?.roles.includes('department_head') ? (me.person?.department?.id ?? null) : null;
  const [departmentId, setDepartmentId] = useState<string | null>(session ? session.departmentId : ownDepartment);
  const [chosen, setChosen] = useState<Choice[]>(() => (session?.items ?? []).map((i) => ({ id: i.id, pairKey: i.pairKey, boundary: i.boundary, left: i.left, right: i.right })));
  const [roles, setRoles] = useState<string[]>(session?.audience?.roles ?? []);
  const [audienceDepartments, setAudienceDepartments] = useState<string[]>(session?.audience?.departmentIds ?? []);
  const [opensOn, setOpensOn] = useState(session?.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(session?.closesOn ?? '');
  const [resultsMode, setResultsMode] = useState<TDialogueResultsMode>(session?.resultsMode ?? 'after_close');
  const create = useCreateDialogueSession();
  const update = useUpdateDialogueSession(session?.id ?? '');
  const saveItems = useSaveDialogueItems(session?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const items = chosen.map((c) => ({ ...(c.id ? { id: c.id } : {}), pairKey: c.pairKey, boundary: c.boundary }));
  const asyncPatch =
    mode === 'async'
      ? { audience: { roles, departmentIds: audienceDepartments, teamIds: session?.audience?.teamIds ?? [] }, opensOn: opensOn || null, closesOn: closesOn || null, resultsMode }
      : {};
  const errors = fieldErrors(error);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      let id = session?.id;
      if (!id) {
        const made = await create.mutateAsync({ title, mode, departmentId, items });
        id = made.id;
        // the hooks are bound to the session the page opened with: a draft made just now is patched directly
        if (mode === 'async') await patchSession(id, asyncPatch);
      } else {
        await update.mutateAsync({ title, mode, departmentId, ...asyncPatch });
        await saveItems.mutateAsync({ items });
      }
      void navigate(`/dialog/${id}`);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Stack gap="md">
            <TextInput label={t('dialogue.editor.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} error={errors.title} />
            <Select
              label={t('dialogue.editor.department')}
              description={t('dialogue.editor.departmentHint')}
              placeholder={t('dialogue.editor.wholeSchool')}
              data={departmentOptions}
              value={departmentId}
              onChange={setDepartmentId}
              clearable={ownDepartment === null}
              error={errors.departmentId}
            />
            <Radio.Group label={t('dialogue.editor.mode')} value={mode} onChange={(v) => setMode(v === 'async' ? 'async' : 'live')}>
              <Stack gap="xs" mt={6}>
                <Radio value="live" label={t('dialogue.mode.live')} description={t('dialogue.editor.liveHint')} />
                <Radio value="async" label={t('dialogue.mode.async')} description={t('dialogue.editor.asyncHint')} />
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>
        {mode === 'async' ? (
          <Card withBorder padding="lg">
            <Title order={2} fz={20} mb="sm">
              {t('dialogue.editor.asyncTitle')}
            </Title>
            <Stack gap="md">
              <MultiSelect label={t('dialogue.editor.roles')} data={SCHOOL_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))} value={roles} onChange={setRoles} error={errors['audience.roles']} />
              <MultiSelect label={t('dialogue.editor.departments')} data={departmentOptions} value={audienceDepartments} onChange={setAudienceDepartments} searchable />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label={t('dialogue.editor.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} error={errors.opensOn} />
                <TextInput type="date" label={t('dialogue.editor.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={errors.closesOn} />
              </SimpleGrid>
              <Radio.Group label={t('dialogue.editor.resultsMode')} value={resultsMode} onChange={(v) => setResultsMode(v === 'live' ? 'live' : 'after_close')}>
                <Stack gap="xs" mt={6}>
                  <Radio value="after_close" label={t('dialogue.resultsMode.after_close')} />
                  <Radio value="live" label={t('dialogue.resultsMode.live')} />
                </Stack>
              </Radio.Group>
            </Stack>
          </Card>
        ) : null}
        <PairPicker templates={templates} chosen={chosen} onChange={setChosen} canManage={canManage} />
        <ProblemAlert error={error} />
        <Group>
          <Button type="submit" loading={pending} disabled={title.trim() === ''}>
            {session ? t('dialogue.editor.save') : t('dialogue.editor.create')}
          </Button>
          <Button component={Link} to={session ? `/dialog/${session.id}` : '/dialog'} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
