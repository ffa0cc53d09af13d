/** The governorates and districts (fetched once, shared: admin-areas.ts), for choosing and naming them. */
import { type AdminArea, loadAdminAreas } from './admin-areas.ts';
import { useLoaded } from './use-loaded.ts';

export const useAdminAreas = (): AdminArea[] => useLoaded(loadAdminAreas);
