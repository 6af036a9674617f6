import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads again; what is shown stays until the new answer arrives (no flicker on live refreshes). */
  reload: () => void;
  /** Replaces what is shown (e.g. with a live push), without asking the server. */
  set: (data: T) => void;
}

/**
 * Loads something when `deps` change, aborting the previous request; only the newest answer is kept. With `keep`
 * false (a different thing is being loaded, e.g. another department) the old answer is dropped at once.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, keep = false): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [stamp, setStamp] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const depsKey = useRef<DependencyList>(deps);

  useEffect(() => {
    const changed = depsKey.current.length !== deps.length || depsKey.current.some((d, i) => !Object.is(d, deps[i]));
    depsKey.current = deps;
    if (changed && !keep) setData(null);
    const controller = new AbortController();
    setLoading(true);
    loadRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, stamp]);

  const reload = useCallback(() => setStamp((s) => s + 1), []);
  return { data, error, loading, reload, set: setData };
}
