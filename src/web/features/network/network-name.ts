import { useMe } from '../../app/session';

/** The name of the network the session works in (GET /me), the eyebrow of every network page. */
export const useNetworkName = (): string | undefined => useMe().data?.network?.name;
