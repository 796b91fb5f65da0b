import { Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { fieldErrors } from '../../../app/api';
import { todayInCopenhagen } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useStudentGoals } from '../api/goals';
import { useEntry, useSaveEntry, useUploadEntryFiles } from '../api/logbook';
import { useStudentTimeline } from '../api/students';
import { useMyTasks } from '../api/tasks';
import { PhotoInput } from '../components/PhotoInput';
import { RichText } from '../components/RichText';
import type { TLogbookEntry, TStudentGoals, TStudentTaskList, TStudentTimeline } from '../../../../shared/api/internship';

/** /praktik/logbog/ny and /praktik/logbog/:id/rediger: the student's entry, written on a phone. */
export function EntryEditPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? null;
  const me = useSignedIn();
  const studentId = me.person?.id ?? '';
  const timeline = useStudentTimeline(studentId);
  const goals = useStudentGoals(studentId);
  const tasks = useMyTasks();
  const entry = useEntry(id);
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={id ? t('internship.entry.editTitle') : t('internship.entry.newTitle')} description={t('internship.entry.lead')} />
      <QueryState query={timeline}>
        {(tl) =>
          id ? (
            <QueryState query={entry}>{(e) => <EntryForm timeline={tl} goals={goals.data} tasks={tasks.data} entry={e} />}</QueryState>
          ) : (
            <EntryForm timeline={tl} goals={goals.data} tasks={tasks.data} entry={null} />
          )
        }
      </QueryState>
    </Stack>
  );
}

type FormProps = { timeline: TStudentTimeline; goals: TStudentGoals | undefined; tasks: TStudentTaskList | undefined; entry: TLogbookEntry | null };

function EntryForm({ timeline, goals, tasks, entry }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayInCopenhagen();
  const [title, setTitle] = useState(entry?.title ?? '');
  const [bodyHtml, setBody] = useState(entry?.bodyHtml ?? '');
  const [videoUrl, setVideoUrl] = useState(entry?.videoUrl ?? '');
  const [entryDate, setEntryDate] = useState(entry?.entryDate ?? today);
  const [goalIds, setGoalIds] = useState<string[]>(entry?.goals.map((g) => g.id) ?? []);
  const [taskIds, setTaskIds] = useState<string[]>(entry?.tasks.map((x) => x.id) ?? []);
  const [photos, setPhotos] = useState<File[]>([]);
  const [video, setVideo] = useState<File | null>(null);
  const studentId = timeline.student.id;
  const save = useSaveEntry(studentId, entry?.id ?? null);
  const upload = useUploadEntryFiles();
  const practice = timeline.placements.filter((p) => p.kind === 'practice');
  // the period the entry's day falls in, else the latest practice period that has begun
  const placement = practice.find((p) => p.startsOn <= entryDate && entryDate <= p.endsOn) ?? [...practice].reverse().find((p) => p.startsOn <= today) ?? practice[0];
  if (!entry && !placement) return <EmptyState title={t('internship.entry.noPlacement')} hint={t('internship.entry.noPlacementHint')} />;
  const errors = fieldErrors(save.error);
  const openTasks = (tasks?.items ?? []).filter((x) => x.state !== 'done' || taskIds.includes(x.task.id));
  const submit = async () => {
    const fields = { title, bodyHtml, videoUrl: videoUrl.trim() || null, entryDate, goalIds, taskIds };
    const saved = await save.mutateAsync(entry ? fields : { ...fields, placementId: placement?.id ?? '' });
    const files = [...photos, ...(video ? [video] : [])];
    if (files.length > 0) await upload.mutateAsync({ entryId: saved.id, files });
    void navigate(`/praktik/elever/${studentId}`);
  };
  return (
    <Card withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // a refusal is shown from the mutation's error below
          submit().catch(() => undefined);
        }}
      >
        <Stack gap="md">
          <ProblemAlert error={save.error ?? upload.error} hideFields={['title', 'videoUrl', 'entryDate']} />
          {placement && !entry ? (
            <Text size="sm" c="dimmed">
              {t('internship.entry.inPlacement', { company: placement.company?.name ?? '' })}
            </Text>
          ) : null}
          <TextInput label={t('internship.entry.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} error={errors.title} size="md" />
          <RichText id="entry-body" label={t('internship.entry.body')} value={bodyHtml} onChange={setBody} />
          <PhotoInput photos={photos} onPhotos={setPhotos} video={video} onVideo={setVideo} />
          <TextInput
            label={t('internship.entry.videoUrl')}
            description={t('internship.entry.videoUrlHint')}
            type="url"
            inputMode="url"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            error={errors.videoUrl}
            size="md"
          />
          <TextInput label={t('internship.entry.date')} type="date" value={entryDate} onChange={(e) => setEntryDate(e.currentTarget.value)} error={errors.entryDate} size="md" required />
          {goals && goals.goals.length > 0 ? (
            <Checkbox.Group label={t('internship.entry.goals')} description={t('internship.entry.goalsHint')} value={goalIds} onChange={setGoalIds}>
              <Stack gap={8} mt={6}>
                {goals.goals.map(({ goal }) => (
                  <Checkbox key={goal.id} value={goal.id} label={`${goal.code} ${goal.text}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          {openTasks.length > 0 ? (
            <Checkbox.Group label={t('internship.entry.tasks')} description={t('internship.entry.tasksHint')} value={taskIds} onChange={setTaskIds}>
              <Stack gap={8} mt={6}>
                {openTasks.map((x) => (
                  <Checkbox key={x.task.id} value={x.task.id} label={x.task.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <Group gap="sm">
            <Button type="submit" size="md" loading={save.isPending || upload.isPending}>
              {entry ? t('internship.entry.save') : t('internship.entry.publish')}
            </Button>
            <Button component={Link} to="/praktik" variant="subtle" size="md">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
