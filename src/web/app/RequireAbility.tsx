import { Outlet } from 'react-router';
import { type Ability, useCan } from './session';
import { ForbiddenPage } from './pages/ForbiddenPage';

/** Shows the page only when the account has the ability the server grants for it. */
export function RequireAbility({ ability }: { ability: Ability }) {
  return useCan(ability) ? <Outlet /> : <ForbiddenPage />;
}
