import { useState, type ReactNode } from 'react';
import { Badge, Button, Card, Checkbox, Group, List, MultiSelect, NumberInput, Rating, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn, can } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { ArchivedCourses } from '../components/ArchivedCourses';
import { useFramework } from '../api/framework';
import { tr } from '../api/types';
import { useAddSession, useCancelEnrolment, useCourseEvaluation, useCourses, useCreateCourse, useEnrol, useEvaluate, useParticipants, useRecordProgress, useUpdateCourse, type Course, type CourseInput } from '../api/courses';
import { useDepartments } from '../../../shared/api/departments';
import { formatDateTime } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const FORMATS = ['presence', 'online_mini', 'peer_training', 'diploma_module', 'vocational_technology'] as const;

/** The course catalogue (kompetenceforløb): enrol, waiting list, evaluation; leaders create courses, sessions and record attendance. */
export function CoursesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const courses = useCourses();
  const manage = can(me, 'course:manage');
  return (
    <>
      <PageHeader title={t('competence.courses.title')} description={t('competence.courses.lead')} />
      <Stack gap="lg">
        {manage ? <NewCourse /> : null}
        <QueryState query={courses}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('competence.courses.emptyTitle')} hint={manage ? t('competence.courses.emptyHintManage') : t('competence.courses.emptyHint')} />
            ) : (
              <Stack gap="md">
                {list.map((c) => (
                  <CourseCard key={c.id} course={c} manage={manage} seeEvaluation={can(me, 'competence:aggregate')} />
                ))}
              </Stack>
            )
          }
        </QueryState>
        {manage ? <ArchivedCourses /> : null}
      </Stack>
    </>
  );
}

function CourseCard({ course, manage, seeEvaluation }: { course: Course; manage: boolean; seeEvaluation: boolean }) {
  const { t, i18n } = useTranslation();
  const enrol = useEnrol(course.id);
  const cancel = useCancelEnrolment();
  const evaluate = useEvaluate();
  const [rating, setRating] = useState(0);
  const [showParticipants, setShowParticipants] = useState(false);
  const [showEvaluation, setShowEvaluation] = useState(false);
  const [editing, setEditing] = useState(false);
  const archive = useUpdateCourse(course.id);
  const mine = course.myEnrolment;
  const fmt = (iso: string) => formatDateTime(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {course.title}
          </Title>
          <Group gap={6}>
            {course.mandatory ? <Badge color="red.8">{t('competence.courses.mandatory')}</Badge> : <Badge variant="light">{t('competence.courses.voluntary')}</Badge>}
            <Badge variant="outline">{t(`competence.format.${course.format}`)}</Badge>
            {course.audience.newHires ? <Badge variant="light" color="grape">{t('competence.courses.onboarding')}</Badge> : null}
          </Group>
        </Group>
        {course.description ? <Text size="sm">{course.description}</Text> : null}
        {mine ? (
          <Group gap="xs">
            {/* teal.9 (#087f5b) is 5.0:1 against white; green.9 is 4.4:1, short of AA for the badge's small text */}
            <Badge color={mine.status === 'waiting' ? 'orange.9' : 'teal.9'}>{t(`competence.courses.status.${mine.status}`)}</Badge>
            {mine.completed ? <Badge color="teal.9" variant="outline">{t('competence.courses.completed')}</Badge> : null}
            {!mine.completed ? (
              <Button size="xs" variant="default" onClick={() => cancel.mutate(mine.id)} loading={cancel.isPending}>
                {t('competence.courses.cancel')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {mine && (mine.attended || mine.completed) && mine.rating === null ? (
          <Group>
            <Text size="sm" id={`rate-${course.id}`}>
              {t('competence.courses.evaluate')}
            </Text>
            <Rating value={rating} onChange={setRating} aria-labelledby={`rate-${course.id}`} />
            <Button size="xs" disabled={!rating} onClick={() => evaluate.mutate({ id: mine.id, rating, comment: '' })}>
              {t('competence.courses.sendEvaluation')}
            </Button>
          </Group>
        ) : null}
        {course.sessions.length === 0 ? (
          !mine ? (
            <Group>
              <Text size="sm" c="dimmed">
                {t('competence.courses.noSessions')}
              </Text>
              <Button size="xs" onClick={() => enrol.mutate(null)} loading={enrol.isPending}>
                {t('competence.courses.enrol')}
              </Button>
            </Group>
          ) : null
        ) : (
          <ScrollTable minWidth={480} label={t('tables.courseSessions', { course: course.title })}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.startsAt')}</Table.Th>
                  <Table.Th scope="col">{t('fields.place')}</Table.Th>
                  <Table.Th scope="col">{t('fields.capacity')}</Table.Th>
                  <Table.Th scope="col">{t('competence.courses.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {course.sessions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{fmt(s.startsAt)}</Table.Td>
                    <Table.Td>{s.place ?? s.onlineUrl}</Table.Td>
                    <Table.Td>{t('competence.courses.seats', { enrolled: s.enrolled, capacity: s.capacity, waiting: s.waiting })}</Table.Td>
                    <Table.Td>
                      {!mine ? (
                        <Button size="xs" onClick={() => enrol.mutate(s.id)} loading={enrol.isPending}>
                          {s.enrolled >= s.capacity ? t('competence.courses.joinWaiting') : t('competence.courses.enrol')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {enrol.error ? <ProblemAlert error={enrol.error} /> : null}
        {seeEvaluation ? (
          <>
            <Group>
              <Switch label={t('competence.courses.showEvaluation')} checked={showEvaluation} onChange={(e) => setShowEvaluation(e.currentTarget.checked)} />
            </Group>
            {showEvaluation ? <EvaluationSummary courseId={course.id} /> : null}
          </>
        ) : null}
        {manage ? (
          <>
            <Group>
              <Switch label={t('competence.courses.showParticipants')} checked={showParticipants} onChange={(e) => setShowParticipants(e.currentTarget.checked)} />
            </Group>
            {showParticipants ? <Participants courseId={course.id} sessions={course.sessions} /> : null}
            <AddSession courseId={course.id} />
            <Group>
              {!editing ? (
                <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={t('competence.courses.editFor', { title: course.title })}>
                  {t('competence.courses.edit')}
                </Button>
              ) : null}
              <Button
                size="xs"
                variant="default"
                color="red"
                loading={archive.isPending}
                aria-label={t('competence.courses.archiveFor', { title: course.title })}
                onClick={() => {
                  if (window.confirm(t('competence.courses.archiveConfirm', { title: course.title }))) archive.mutate({ archived: true });
                }}
              >
                {t('competence.courses.archive')}
              </Button>
            </Group>
            {archive.error ? <ProblemAlert error={archive.error} /> : null}
            {editing ? <EditCourse course={course} onDone={() => setEditing(false)} /> : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function Participants({ courseId, sessions }: { courseId: string; sessions: Course['sessions'] }) {
  const { t } = useTranslation();
  const list = useParticipants(courseId, true);
  const record = useRecordProgress();
  // attendance and completion are recorded once the session has begun (the server refuses earlier)
  const notYet = new Set(sessions.filter((s) => Date.parse(s.startsAt) > Date.now()).map((s) => s.id));
  const locked = (p: { status: string; sessionId: string | null; abilities: string[] }, checked: boolean) =>
    p.status !== 'enrolled' || !p.abilities.includes('enrolment:record') || (!checked && p.sessionId !== null && notYet.has(p.sessionId));
  return (
    <QueryState query={list}>
      {(rows) =>
        rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competence.courses.noParticipants')}
          </Text>
        ) : (
          <ScrollTable label={t('tables.participants')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('competence.courses.statusLabel')}</Table.Th>
                  <Table.Th scope="col">{t('competence.courses.attended')}</Table.Th>
                  <Table.Th scope="col">{t('competence.courses.completed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{t(`competence.courses.status.${p.status}`)}</Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={t('competence.courses.attendedFor', { name: p.name })} checked={p.attended} disabled={locked(p, p.attended)} onChange={(e) => record.mutate({ id: p.id, attended: e.currentTarget.checked }, { onSuccess: () => void list.refetch() })} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={t('competence.courses.completedFor', { name: p.name })} checked={p.completed} disabled={locked(p, p.completed)} onChange={(e) => record.mutate({ id: p.id, completed: e.currentTarget.checked }, { onSuccess: () => void list.refetch() })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )
      }
    </QueryState>
  );
}

function AddSession({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const add = useAddSession(courseId);
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState<number | string>(12);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const online = /^https?:\/\//.test(place);
        const added = () => {
          setStartsAt('');
          setPlace('');
          setCapacity(12);
        };
        add.mutate({ startsAt: new Date(startsAt).toISOString(), place: online ? null : place, onlineUrl: online ? place : null, capacity: Number(capacity) }, { onSuccess: added });
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput type="datetime-local" label={t('fields.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} required />
        <TextInput label={t('competence.courses.placeOrLink')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required />
        <NumberInput label={t('fields.capacity')} min={1} value={capacity} onChange={setCapacity} w={110} />
        <Button type="submit" variant="default" loading={add.isPending}>
          {t('competence.courses.addSession')}
        </Button>
      </Group>
      {add.error ? <ProblemAlert error={add.error} /> : null}
    </form>
  );
}

function NewCourse() {
  const { t } = useTranslation();
  const create = useCreateCourse();
  return (
    <Card>
      <CourseForm heading={t('competence.courses.newTitle')} submitLabel={t('competence.courses.create')} pending={create.isPending} error={create.error} onSubmit={(input, reset) => create.mutate(input, { onSuccess: reset })} />
    </Card>
  );
}

function EditCourse({ course, onDone }: { course: Course; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  return (
    <Card withBorder data-testid="course-editor">
      <CourseForm
        heading={t('competence.courses.editTitle', { title: course.title })}
        submitLabel={t('competence.courses.save')}
        initial={course}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input, { onSuccess: onDone })}
        extra={
          <Button variant="default" onClick={onDone}>
            {t('competence.courses.cancelEdit')}
          </Button>
        }
      />
    </Card>
  );
}

function CourseForm({ heading, submitLabel, initial, pending, error, onSubmit, extra }: { heading: string; submitLabel: string; initial?: Course; pending: boolean; error: Error | null; onSubmit: (input: CourseInput, reset: () => void) => void; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const fw = useFramework();
  const departments = useDepartments();
  const [competences, setCompetences] = useState<string[]>(initial?.targets.map((x) => x.competenceId) ?? []);
  const [targetLevel, setTargetLevel] = useState<number | string>(initial?.targets[0]?.targetLevel ?? 3);
  const options = (fw.data?.areas ?? []).map((a) => ({ group: tr(a.title, i18n.language), items: a.competences.map((c) => ({ value: c.id, label: `${c.code} ${tr(c.title, i18n.language)}` })) }));
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [format, setFormat] = useState<(typeof FORMATS)[number] | null>(FORMATS.find((f) => f === initial?.format) ?? 'presence');
  const [mandatory, setMandatory] = useState(initial?.mandatory ?? false);
  const [allStaff, setAllStaff] = useState(initial?.audience.allStaff ?? false);
  const [newHires, setNewHires] = useState(initial?.audience.newHires ?? false);
  const [levelZero, setLevelZero] = useState(initial?.audience.levelZero ?? false);
  const [departmentIds, setDepartmentIds] = useState<string[]>(initial?.audience.departmentIds ?? []);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(
          { title, description, mandatory, format: format ?? 'presence', targets: competences.map((competenceId) => ({ competenceId, targetLevel: Number(targetLevel) })), audience: { allStaff, newHires, levelZero, departmentIds } },
          () => setTitle(''),
        );
      }}
    >
      <Stack gap="xs">
        <Title order={initial ? 3 : 2} fz={initial ? 'md' : 'lg'}>
          {heading}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required w={280} />
          <Select label={t('fields.format')} data={FORMATS.map((f) => ({ value: f, label: t(`competence.format.${f}`) }))} value={format} onChange={(v) => setFormat(FORMATS.find((f) => f === v) ?? null)} allowDeselect={false} w={240} />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <MultiSelect label={t('competence.courses.targets')} data={options} value={competences} onChange={setCompetences} searchable w={420} />
          <NumberInput label={t('fields.targetLevel')} min={0} max={6} value={targetLevel} onChange={setTargetLevel} w={120} />
        </Group>
        <Textarea label={t('competence.courses.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Checkbox label={t('competence.courses.mandatory')} checked={mandatory} onChange={(e) => setMandatory(e.currentTarget.checked)} />
          <Checkbox label={t('competence.courses.audienceAll')} checked={allStaff} onChange={(e) => setAllStaff(e.currentTarget.checked)} />
          <Checkbox label={t('competence.courses.audienceNew')} checked={newHires} onChange={(e) => setNewHires(e.currentTarget.checked)} />
          <Checkbox label={t('competence.courses.audienceZero')} checked={levelZero} onChange={(e) => setLevelZero(e.currentTarget.checked)} />
        </Group>
        <MultiSelect label={t('competence.courses.audienceDepartments')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentIds} onChange={setDepartmentIds} searchable clearable w={420} />
        {error ? <ProblemAlert error={error} /> : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {extra}
        </Group>
      </Stack>
    </form>
  );
}

function EvaluationSummary({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const q = useCourseEvaluation(courseId, true);
  return (
    <QueryState query={q}>
      {(e) => (
        <Stack gap={4} data-testid="course-evaluation">
          <Title order={3} fz="md">
            {t('competence.courses.evaluationTitle')}
          </Title>
          {e.count === null ? (
            <Text size="sm" c="dimmed">
              {t('competence.courses.evaluationHidden')}
            </Text>
          ) : (
            <Text size="sm">{t('competence.courses.evaluationMean', { mean: e.meanRating, count: e.count })}</Text>
          )}
          {e.count !== null && e.comments === null ? (
            <Text size="sm" c="dimmed">
              {t('competence.courses.commentsHidden')}
            </Text>
          ) : null}
          {e.comments && e.comments.length ? (
            <List size="sm">
              {e.comments.map((c, i) => (
                <List.Item key={i}>{c}</List.Item>
              ))}
            </List>
          ) : null}
          {e.comments && e.comments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('competence.courses.noComments')}
            </Text>
          ) : null}
        </Stack>
      )}
    </QueryState>
  );
}
