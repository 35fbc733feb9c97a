/**
 * Runs one user action (a save, a delete, a move) and reports its outcome to the screen's error banner: the last
 * error is cleared first, a failure's message is passed on. Resolves true when the action succeeded.
 */
export async function attempt(fn: () => Promise<unknown>, onError: (message: string | null) => void): Promise<boolean> {
  onError(null);
  try {
    await fn();
    return true;
  } catch (e) {
    onError((e as Error).message);
    return false;
  }
}
