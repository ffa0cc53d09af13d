/** The governorates with their outlines (fetched once, shared), for naming where a point lies. */
import { useEffect, useState } from 'react';
import { loadGovernorates, type NamedArea } from './area-at.ts';

export function useGovernorates(): NamedArea[] {
  const [areas, setAreas] = useState<NamedArea[]>([]);
  useEffect(() => {
    let live = true;
    loadGovernorates()
      .then((a) => live && setAreas(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return areas;
}
