/**
 * The cluster is not needed to paint the page. loadCluster fetches the store (and with it the
 * engine) and starts restoring the saved or shared sandbox; the parts of the screen that act on the
 * cluster load alongside and appear once it has started, so no learner action can come before the
 * restore (which would otherwise replace it).
 */
let started: Promise<void> | undefined;

/** loadCluster starts the session sync once; it resolves when the restore has begun. */
export function loadCluster(): Promise<void> {
  started ??= import('../state/session-sync').then(({ startSessionSync }) => {
    // The sync lives as long as the page: it saves on every change and when the page is hidden.
    startSessionSync();
  });
  return started;
}

/** afterCluster resolves to module once both it and the cluster are loaded (fetched in parallel). */
export async function afterCluster<T>(module: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([module, loadCluster()]);
  return loaded;
}
