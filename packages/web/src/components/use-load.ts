import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';

/**
 * Loads data for a page and reloads it on demand. An error is kept as the server's ApiError so
 * the page shows its message (in the user's language), never a raw exception.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  replace: (data: T) => void;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef
      .current()
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // The caller names what the load depends on, as with useEffect; the latest `load` is always used.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  /** A change the server answered with the new state: shown as is, without loading it again. */
  const replace = useCallback((d: T) => {
    setData(d);
    setError(undefined);
  }, []);
  return { data, error, loading, reload, replace };
}
