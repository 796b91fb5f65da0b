import { Anchor, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useLogbookOverview } from '../api/logbook';

/** The teacher's students (a head's: his department's): where each is now and until when, the last entry, new comments. */
export function StaffOverview() {
  const { t } = useTranslation();
  const overview = useLogbookOverview();
  const [q, setQ] = useState('');
  return (
    <QueryState query={overview}>
      {(o) => {
        if (o.students.length === 0) return <EmptyState title={t('internship.overview.noStudents')} hint={t('internship.overview.noStudentsHint')} />;
        const needle = q.trim().toLowerCase();
        const rows = needle ? o.students.filter((s) => s.student.name.toLowerCase().includes(needle)) : o.students;
        const inPractice = o.students.filter((s) => s.current?.kind === 'practice').length;
        return (
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Text role="status">{t('internship.overview.counts', { count: o.students.length, practice: inPractice })}</Text>
              <TextInput
                label={t('internship.overview.find')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                type="search"
                w={260}
              />
            </Group>
            <ScrollTable label={t('internship.overview.studentsTitle')} minWidth={680}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('internship.studentLabel')}</Table.Th>
                    <Table.Th>{t('internship.overview.whereNow')}</Table.Th>
                    <Table.Th>{t('internship.overview.until')}</Table.Th>
                    <Table.Th>{t('internship.overview.lastEntry')}</Table.Th>
                    <Table.Th ta="right">{t('internship.overview.thisWeek')}</Table.Th>
                    <Table.Th ta="right">{t('internship.overview.newComments')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={s.student.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/praktik/elever/${s.student.id}`} fw={600}>{s.student.name}</Anchor>
                      </Table.Td>
                      <Table.Td>
                        {s.current ? (
                          s.current.kind === 'practice' ? (
                            <Badge variant="light" color="orange.9">{s.current.company?.name ?? t('internship.kind.practice')}</Badge>
                          ) : (
                            <Badge variant="light" color="retning">{t('internship.kind.school')}</Badge>
                          )
                        ) : (
                          <Text size="sm" c="dimmed">{t('internship.timeline.noPeriod')}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>{s.current ? dk(s.current.endsOn) : '–'}</Table.Td>
                      <Table.Td>{s.lastEntryOn ? dk(s.lastEntryOn) : <Text span size="sm" c="dimmed">{t('internship.overview.noEntryYet')}</Text>}</Table.Td>
                      <Table.Td ta="right">{s.entriesThisWeek}</Table.Td>
                      <Table.Td ta="right">{s.unseenComments > 0 ? <Badge color="red.9">{s.unseenComments}</Badge> : 0}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        );
      }}
    </QueryState>
  );
}
