import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_LIMITS } from '../../../../shared/api/events';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';

type Props = { opened: boolean; when: string; initialProblem: string; pending: boolean; error: unknown; onSubmit: (problem: string) => void; onClose: () => void };

/** A Learning Factory's sign-up: the participant names the real problem from their school they will work on. */
export function SignupDialog({ opened, when, initialProblem, pending, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState(initialProblem);
  const [touched, setTouched] = useState(false);
  const missing = touched && !problem.trim();
  const server = fieldErrors(error);
  return (
    <Modal opened={opened} onClose={onClose} title={t('events.signup.title')} centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (problem.trim()) onSubmit(problem.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm">{when}</Text>
          <ProblemAlert error={error} hideFields={['problem']} />
          <Textarea
            label={t('events.signup.problem')}
            description={t('events.signup.problemHint')}
            required
            autosize
            minRows={4}
            maxLength={EVENT_LIMITS.text}
            value={problem}
            onChange={(e) => setProblem(e.currentTarget.value)}
            error={server.problem ?? (missing ? t('events.signup.problemRequired') : undefined)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('events.confirm.back')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('events.session.signup')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
