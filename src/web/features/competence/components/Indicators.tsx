import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TIndicator } from '../../../../shared/api/competence';
import { tr } from '../api/types';

/** "code title: description", the description left out where it only repeats the title (a file with one text per item). */
export function itemText(item: { code: string; title: TIndicator['title']; description: TIndicator['description'] }, lang: string) {
  const title = tr(item.title, lang);
  const description = tr(item.description, lang);
  return { heading: `${item.code} ${title}`.trim(), description: description && description !== title ? description : null };
}

function IndicatorList({ items }: { items: TIndicator[] }) {
  const { i18n } = useTranslation();
  return (
    <List size="sm" withPadding spacing={2}>
      {items.map((i) => {
        const { heading, description } = itemText(i, i18n.language);
        return (
          <List.Item key={i.id}>
            <Text span size="sm" fw={500}>
              {heading}
            </Text>
            {description ? <Text span size="sm">{`: ${description}`}</Text> : null}
            {i.items.length ? <IndicatorList items={i.items} /> : null}
          </List.Item>
        );
      })}
    </List>
  );
}

/** The levels below a competence in an imported framework (its indicators), as a nested list under it. */
export function Indicators({ items }: { items: TIndicator[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Stack gap={0} data-testid="indicators">
      <Text size="xs" c="dimmed">
        {t('competence.framework.indicators')}
      </Text>
      <IndicatorList items={items} />
    </Stack>
  );
}
