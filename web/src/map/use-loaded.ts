/** A list a loader fetches once and shares (its own cache), for a component: empty until it arrives, and if it fails. */
import { useEffect, useState } from 'react';

export function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load()
      .then((a) => live && setItems(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return items;
}
