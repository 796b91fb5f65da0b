import { Button, Card, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_LIMITS, type TEventProject } from '../../../../shared/api/events';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useSaveProject } from '../api/events';

/** My Learning Factory project: the problem I came with and, later, the product I end with. */
export function ProjectPanel({ eventId, project }: { eventId: string; project: TEventProject }) {
  const { t } = useTranslation();
  const save = useSaveProject(eventId);
  const [problem, setProblem] = useState(project.problem);
  const [product, setProduct] = useState(project.product);
  const [productUrl, setProductUrl] = useState(project.productUrl ?? '');
  const errors = fieldErrors(save.error);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="event-project">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { problem: problem.trim(), product: product.trim(), productUrl: productUrl.trim() || null },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('events.project.saved') }) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz={20} id="event-project">
            {t('events.project.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('events.project.lead')}
          </Text>
          <ProblemAlert error={save.error} hideFields={['problem', 'product', 'productUrl']} />
          <Textarea
            label={t('events.project.problem')}
            required
            autosize
            minRows={3}
            maxLength={EVENT_LIMITS.text}
            value={problem}
            onChange={(e) => setProblem(e.currentTarget.value)}
            error={errors.problem}
          />
          <Textarea
            label={t('events.project.product')}
            description={t('events.project.productHint')}
            autosize
            minRows={3}
            maxLength={EVENT_LIMITS.text}
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value)}
            error={errors.product}
          />
          <TextInput
            label={t('events.project.productUrl')}
            type="url"
            inputMode="url"
            maxLength={EVENT_LIMITS.url}
            value={productUrl}
            onChange={(e) => setProductUrl(e.currentTarget.value)}
            error={errors.productUrl}
          />
          <Button type="submit" loading={save.isPending} w={{ base: '100%', xs: 'fit-content' }} disabled={!problem.trim()}>
            {t('events.project.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
