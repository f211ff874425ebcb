import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { problemOf } from '../api/call.js';
import type { Problem } from '../errors.js';

interface Loaded<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads once per change of `deps`, and again on `reload()`; errors become a Problem. Only the latest
 * load's answer is kept: one started for earlier deps (a filter since changed) that answers late is
 * dropped, never shown as the answer to the current ones.
 */
const useLoad = <T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // The caller names what the load depends on.
  const reload = useCallback(async () => {
    latest.current += 1;
    const mine = latest.current;
    setLoading(true);
    try {
      const loaded = await load();
      if (mine !== latest.current) return;
      setData(loaded);
      setProblem(null);
    } catch (error) {
      if (mine === latest.current) setProblem(problemOf(error));
    } finally {
      if (mine === latest.current) setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, problem, loading, reload };
};

export { useLoad };
