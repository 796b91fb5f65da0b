import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS } from '../../../../shared/api/dialogue';

type Props = { send: (text: string) => Promise<void>; failedText: (error: unknown) => string; disabled?: boolean };

/** A comment on the current pair (at most 280 characters); the facilitator approves it before anyone sees it. */
export function CommentForm({ send, failedText, disabled = false }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    setPending(true);
    setResult(null);
    send(trimmed).then(
      () => {
        setText('');
        setResult({ ok: true });
        setPending(false);
      },
      (error: unknown) => {
        setResult({ ok: false, error });
        setPending(false);
      },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('dialogue.comment.label')}
          description={t('dialogue.comment.hint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value.slice(0, DIALOGUE_LIMITS.comment))}
          maxLength={DIALOGUE_LIMITS.comment}
          autosize
          minRows={2}
          disabled={disabled}
        />
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" aria-live="off">
            {t('dialogue.comment.left', { count: DIALOGUE_LIMITS.comment - text.length })}
          </Text>
          <Button type="submit" variant="light" loading={pending} disabled={disabled || text.trim() === ''}>
            {t('dialogue.comment.send')}
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite" c={result?.ok === false ? 'red.9' : 'teal.9'}>
          {result === null ? null : result.ok ? t('dialogue.comment.sent') : failedText(result.error)}
        </Text>
      </Stack>
    </form>
  );
}
