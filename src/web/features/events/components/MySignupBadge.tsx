import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMySignup } from '../../../../shared/api/events';

/** "Du er tilmeldt" or "På venteliste som nr. 3". */
export function MySignupBadge({ signup }: { signup: TMySignup }) {
  const { t } = useTranslation();
  if (signup.status === 'confirmed')
    return (
      <Badge color="green.9" variant="light">
        {t('events.my.confirmed')}
      </Badge>
    );
  return (
    <Badge color="orange.9" variant="filled">
      {signup.position ? t('events.my.waiting', { position: signup.position }) : t('events.my.waitingNoPosition')}
    </Badge>
  );
}
