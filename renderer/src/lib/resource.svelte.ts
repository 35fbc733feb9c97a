/**
 * Loads data for a screen and reloads it after any write op (see client.call), keeping the last error.
 * `load` is re-run when the key changes (e.g. the selected id).
 */
import { onWrite } from './client';

export function resource<T>(load: () => Promise<T>, initial: T) {
  const state = $state({ value: initial, error: null as string | null, loading: true });
  const run = () => {
    state.loading = true;
    load().then(
      (v) => {
        state.value = v;
        state.error = null;
        state.loading = false;
      },
      (e) => {
        state.error = (e as Error).message;
        state.loading = false;
      },
    );
  };
  $effect(() => {
    run();
  });
  $effect(() => onWrite(run));
  return state;
}
