import { Blockquote, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDialogueComment } from '../../../../shared/api/dialogue';

/** Approved comments, with the nickname when one was given; nicknames are never joined to answers. */
export function CommentList({ comments, large = false }: { comments: TDialogueComment[]; large?: boolean }) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="comments">
      <Title order={2} fz={large ? 'clamp(22px, 2.8vw, 40px)' : 'lg'}>
        {t('dialogue.comments.title')}
      </Title>
      {comments.map((c) => (
        <Blockquote key={c.id} p={large ? 'lg' : 'sm'} color="blue.8" cite={c.nickname ? `– ${c.nickname}` : undefined}>
          <Text fz={large ? 'clamp(20px, 2.4vw, 34px)' : 'md'}>{c.text}</Text>
        </Blockquote>
      ))}
    </Stack>
  );
}
