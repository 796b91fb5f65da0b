import { Anchor, Badge, Button, Card, Group, Image, SimpleGrid, Stack, Text, Textarea, Title, TypographyStylesProvider } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk, formatDateTime } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { usePostEntryComment } from '../api/logbook';
import type { TLogbookEntry } from '../../../../shared/api/internship';

/** One logbook entry: text, photos (the stripped copies the server serves), video, tags and the comments below it. */
export function EntryCard({ entry }: { entry: TLogbookEntry }) {
  const { t, i18n } = useTranslation();
  const photos = entry.files.filter((f) => f.kind === 'photo');
  const videos = entry.files.filter((f) => f.kind === 'video');
  const headingId = `indlaeg-${entry.id}-titel`;
  return (
    <Card withBorder p={{ base: 'sm', sm: 'md' }} id={`indlaeg-${entry.id}`} component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="lg" id={headingId}>
              {entry.title || t('internship.entry.untitled')}
            </Title>
            <Text size="sm" c="dimmed">
              {dk(entry.entryDate)}
              {entry.company ? ` · ${entry.company.name}` : ''}
            </Text>
          </div>
          {entry.abilities.includes('logbookStudent:write') ? (
            <Button component={Link} to={`/praktik/logbog/${entry.id}/rediger`} variant="subtle" size="xs">
              {t('internship.entry.edit')}
            </Button>
          ) : null}
        </Group>
        {entry.bodyHtml ? (
          <TypographyStylesProvider p={0}>
            {/* sanitised by the server's sanitiser before it was stored */}
            <div dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
          </TypographyStylesProvider>
        ) : null}
        {photos.length > 0 ? (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {photos.map((p, i) => (
              <Anchor key={p.id} href={p.url} target="_blank" rel="noopener">
                <Image src={p.thumbUrl ?? p.url} alt={t('internship.entry.photoAlt', { n: i + 1, title: entry.title || dk(entry.entryDate) })} radius="sm" h={140} fit="cover" loading="lazy" />
              </Anchor>
            ))}
          </SimpleGrid>
        ) : null}
        {videos.map((v) => (
          <video key={v.id} src={v.url} controls preload="metadata" style={{ width: '100%', maxHeight: 360, borderRadius: 6 }} aria-label={t('internship.entry.videoOf', { name: v.fileName })} />
        ))}
        {entry.videoUrl ? (
          <Anchor href={entry.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('internship.entry.watchVideo')}
          </Anchor>
        ) : null}
        {entry.goals.length + entry.tasks.length > 0 ? (
          <Group gap={6}>
            {entry.goals.map((g) => (
              <Badge key={g.id} variant="light" color="retning">
                {t('internship.goal.short', { code: g.code })}
              </Badge>
            ))}
            {entry.tasks.map((x) => (
              <Badge key={x.id} variant="outline" color="gray.8">
                {x.name}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Stack gap={6} component="section" aria-label={t('internship.comments.title', { count: entry.comments.length })}>
          {entry.comments.map((c) => (
            <Card key={c.id} bg="gray.0" p="xs" radius="sm">
              <Text size="sm" fw={600}>
                {c.author.name}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  {formatDateTime(c.createdAt, i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                </Text>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
            </Card>
          ))}
          {entry.abilities.includes('logbookStudent:comment') ? <CommentForm entryId={entry.id} /> : null}
        </Stack>
      </Stack>
    </Card>
  );
}

function CommentForm({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const post = usePostEntryComment(entryId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) post.mutate(body, { onSuccess: () => setBody('') });
      }}
    >
      <Stack gap={6}>
        <ProblemAlert error={post.error} />
        <Textarea label={t('internship.comments.label')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Button type="submit" size="sm" variant="light" w="fit-content" loading={post.isPending} disabled={!body.trim()}>
          {t('internship.comments.send')}
        </Button>
      </Stack>
    </form>
  );
}
