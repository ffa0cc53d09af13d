/** The governorates with their outlines (fetched once, shared), for naming where a point lies. */
import { loadGovernorates, type NamedArea } from './area-at.ts';
import { useLoaded } from './use-loaded.ts';

export const useGovernorates = (): NamedArea[] => useLoaded(loadGovernorates);
