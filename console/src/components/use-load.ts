import { useCallback, useEffect, useState } from 'preact/hooks';
import { problemOf } from '../api/call.js';
import type { Problem } from '../errors.js';

interface Loaded<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads once per change of `deps`, and again on `reload()`; errors become a Problem. */
const useLoad = <T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  // The caller names what the load depends on.
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setProblem(null);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, problem, loading, reload };
};

export { useLoad };
