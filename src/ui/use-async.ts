// Loads something for a page (a reply from the background) and reloads it on demand.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../core/error-message.ts';

export interface AsyncState<T> {
  value: T | undefined;
  error: string | undefined;
  isLoading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((count) => count + 1), []);

  // Re-run when the caller's dependencies change or `reload` is called.
  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    load().then(
      (result) => {
        if (!isCurrent) return;
        setValue(result);
        setError(undefined);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setError(errorMessage(failure));
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [...deps, generation]);

  return { value, error, isLoading, reload };
}
