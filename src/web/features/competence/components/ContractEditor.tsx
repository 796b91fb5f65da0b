import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TContractContent as ContractContent } from '../../../../shared/api/competence';
import { useUpdateContract, type Contract } from '../api/contracts';
import { useCourses } from '../api/courses';
import { useFramework } from '../api/framework';
import { tr } from '../api/types';

const STATUSES = ['draft', 'agreed', 'completed', 'cancelled'] as const;

/** The leader edits a contract's goals, activities, follow-up dates and note (both parties acknowledge again), or sets its status. */
export function ContractEditor({ contract, onDone }: { contract: Contract; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const fw = useFramework();
  const courses = useCourses();
  const update = useUpdateContract(contract.id);
  const [content, setContent] = useState<ContractContent>(contract.content);
  const [status, setStatus] = useState<(typeof STATUSES)[number] | null>(STATUSES.find((s) => s === contract.status) ?? null);
  const options = (fw.data?.areas ?? []).map((a) => ({ group: tr(a.title, i18n.language), items: a.competences.map((c) => ({ value: c.id, label: `${c.code} ${tr(c.title, i18n.language)}` })) }));
  const set = <K extends keyof ContractContent>(key: K, value: ContractContent[K]) => setContent((c) => ({ ...c, [key]: value }));
  const at = <T,>(list: T[], i: number, v: T) => list.map((x, j) => (j === i ? v : x));
  return (
    <Card withBorder data-testid="contract-editor">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t('competence.contracts.editTitle')}
        </Title>
        <Alert color="blue">{t('competence.contracts.editHint')}</Alert>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ content: { ...content, followUps: content.followUps.filter(Boolean) } }, { onSuccess: onDone });
          }}
        >
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('fields.goals')}
            </Text>
            {content.goals.map((g, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <Select label={t('competence.contracts.goalN', { n: i + 1 })} data={options} value={g.competenceId} onChange={(v) => set('goals', at(content.goals, i, { ...g, competenceId: v ?? '' }))} searchable required w={300} />
                <NumberInput label={t('fields.targetLevel')} min={0} max={6} value={g.targetLevel} onChange={(v) => set('goals', at(content.goals, i, { ...g, targetLevel: Number(v) }))} w={120} />
                <TextInput label={t('competence.contracts.goalNote')} value={g.note} onChange={(e) => set('goals', at(content.goals, i, { ...g, note: e.currentTarget.value }))} w={260} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('competence.contracts.removeGoal', { n: i + 1 })} onClick={() => set('goals', content.goals.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set('goals', [...content.goals, { competenceId: '', targetLevel: 3, note: '' }])}>
                {t('competence.contracts.addGoal')}
              </Button>
            </Group>
            <Text fw={600} size="sm">
              {t('competence.contracts.activities')}
            </Text>
            {content.activities.map((a, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <Select
                  label={t('competence.contracts.activityKind', { n: i + 1 })}
                  data={(['course', 'sidemandsoplaering', 'other'] as const).map((k) => ({ value: k, label: t(`competence.contracts.activityKinds.${k}`) }))}
                  value={a.kind}
                  onChange={(v) => set('activities', at(content.activities, i, { ...a, kind: (v ?? 'other') as typeof a.kind, courseId: v === 'course' ? a.courseId : null }))}
                  allowDeselect={false}
                  w={200}
                />
                {a.kind === 'course' ? (
                  <Select label={t('competence.contracts.course')} data={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} value={a.courseId} onChange={(v) => set('activities', at(content.activities, i, { ...a, courseId: v }))} required w={260} />
                ) : null}
                <TextInput label={t('competence.contracts.activityDescription')} value={a.description} onChange={(e) => set('activities', at(content.activities, i, { ...a, description: e.currentTarget.value }))} w={280} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('competence.contracts.removeActivity', { n: i + 1 })} onClick={() => set('activities', content.activities.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set('activities', [...content.activities, { kind: 'sidemandsoplaering', courseId: null, description: '' }])}>
                {t('competence.contracts.addActivity')}
              </Button>
            </Group>
            <Text fw={600} size="sm">
              {t('competence.contracts.followUpDates')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('competence.contracts.followUpCalendar')}
            </Text>
            {content.followUps.map((d, i) => (
              <Group key={i} align="flex-end">
                <TextInput type="date" label={t('competence.contracts.followUpN', { n: i + 1 })} value={d} onChange={(e) => set('followUps', at(content.followUps, i, e.currentTarget.value))} required w={200} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('competence.contracts.removeFollowUp', { n: i + 1 })} onClick={() => set('followUps', content.followUps.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set('followUps', [...content.followUps, ''])}>
                {t('competence.contracts.addFollowUp')}
              </Button>
            </Group>
            <TextInput label={t('competence.contracts.note')} value={content.note} onChange={(e) => set('note', e.currentTarget.value)} />
            {update.error ? <ProblemAlert error={update.error} /> : null}
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('competence.contracts.saveContent')}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('competence.contracts.cancelEdit')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Group align="flex-end">
          <Select label={t('competence.contracts.status')} data={STATUSES.map((s) => ({ value: s, label: t(`competence.contracts.statuses.${s}`) }))} value={status} onChange={(v) => setStatus(STATUSES.find((s) => s === v) ?? null)} allowDeselect={false} w={200} />
          <Button variant="default" disabled={!status || status === contract.status} loading={update.isPending} onClick={() => status && update.mutate({ status }, { onSuccess: onDone })}>
            {t('competence.contracts.saveStatus')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
