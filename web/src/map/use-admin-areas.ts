/** The governorates and districts (fetched once, shared: admin-areas.ts), for choosing and naming them. */
import { useEffect, useState } from 'react';
import { type AdminArea, loadAdminAreas } from './admin-areas.ts';

export function useAdminAreas(): AdminArea[] {
  const [areas, setAreas] = useState<AdminArea[]>([]);
  useEffect(() => {
    let live = true;
    loadAdminAreas()
      .then((a) => live && setAreas(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return areas;
}
