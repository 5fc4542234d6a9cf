import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.js';

/**
 * A change sent to the server from a form or a button: busy while it runs, and a refusal kept as the
 * server's ApiError for the page to show in the user's language. `run` answers undefined when refused.
 */
export function useSubmit(): {
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  error: ApiError | undefined;
  busy: boolean;
  fail: (error: ApiError | undefined) => void;
} {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, busy, fail: setError };
}
