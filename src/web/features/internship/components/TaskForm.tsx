import { Button, Grid, MultiSelect, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useProgrammeGoals } from '../api/goals';
import { useProgrammes, useStudents, useTeams } from '../api/students';
import { useCreateTask, useLibraryPicker } from '../api/tasks';
import { RichText } from './RichText';
import type { TPracticeTask } from '../../../../shared/api/internship';

/** A new practice task: what to do, which praktikmål it trains, library forløb to use, for whom and when. */
export function TaskForm({ onCreated }: { onCreated: (task: TPracticeTask) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [descriptionHtml, setDescription] = useState('');
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [itemLabels, setItemLabels] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [who, setWho] = useState<'team' | 'students'>('team');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [studentIds, setStudentIds] = useState<string[]>([]);
  const [dueFrom, setDueFrom] = useState('');
  const [dueTo, setDueTo] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const programmes = useProgrammes();
  const goals = useProgrammeGoals(programmeId);
  const teams = useTeams();
  const students = useStudents();
  const library = useLibraryPicker(debounced.trim());
  const create = useCreateTask();
  const errors = fieldErrors(create.error);
  const found = (library.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.title} (${t(`internship.tasks.itemKind.${i.kind === 'forlob' ? 'forlob' : 'material'}`)})` }));
  const itemOptions = [...itemIds.filter((id) => !found.some((f) => f.value === id)).map((id) => ({ value: id, label: itemLabels[id] ?? id })), ...found];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            title,
            descriptionHtml,
            goalIds,
            itemIds,
            teamId: who === 'team' ? teamId : null,
            studentIds: who === 'students' ? studentIds : [],
            dueFrom: dueFrom || null,
            dueTo: dueTo || null,
          },
          { onSuccess: onCreated },
        );
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={create.error} hideFields={['title']} />
        <TextInput label={t('internship.tasks.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} error={errors.title} />
        <RichText id="task-description" label={t('internship.tasks.description')} value={descriptionHtml} onChange={setDescription} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select label={t('internship.programme')} data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={(v) => { setProgrammeId(v); setGoalIds([]); }} searchable clearable />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <MultiSelect
              label={t('internship.tasks.goals')}
              placeholder={programmeId ? undefined : t('internship.tasks.chooseProgrammeFirst')}
              data={(goals.data?.goals ?? []).filter((g) => !g.archived).map((g) => ({ value: g.id, label: `${g.code} ${g.text}` }))}
              value={goalIds}
              onChange={setGoalIds}
              disabled={!programmeId}
              searchable
            />
          </Grid.Col>
        </Grid>
        <MultiSelect
          label={t('internship.tasks.items')}
          description={t('internship.tasks.itemsHint')}
          data={itemOptions}
          value={itemIds}
          onChange={(ids) => {
            setItemIds(ids);
            setItemLabels({ ...itemLabels, ...Object.fromEntries(found.filter((f) => ids.includes(f.value)).map((f) => [f.value, f.label])) });
          }}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t('internship.tasks.noItems')}
        />
        <SegmentedControl
          value={who}
          onChange={(v) => setWho(v as 'team' | 'students')}
          data={[{ value: 'team', label: t('internship.tasks.toTeam') }, { value: 'students', label: t('internship.tasks.toStudents') }]}
          aria-label={t('internship.tasks.forWhom')}
          w="fit-content"
        />
        {who === 'team' ? (
          <Select label={t('internship.timeline.team')} data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={teamId} onChange={setTeamId} searchable required error={errors.teamId} />
        ) : (
          <MultiSelect
            label={t('internship.tasks.students')}
            data={(students.data?.items ?? []).map((s) => ({ value: s.student.id, label: s.student.name }))}
            value={studentIds}
            onChange={setStudentIds}
            searchable
            required
            error={errors.studentIds}
          />
        )}
        <Grid>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('internship.tasks.dueFrom')} value={dueFrom} onChange={(e) => setDueFrom(e.currentTarget.value)} error={errors.dueFrom} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('internship.tasks.dueTo')} value={dueTo} onChange={(e) => setDueTo(e.currentTarget.value)} error={errors.dueTo} />
          </Grid.Col>
        </Grid>
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('internship.tasks.create')}
        </Button>
      </Stack>
    </form>
  );
}
