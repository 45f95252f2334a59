/**
 * kubectl (its commands, printers, help texts and js-yaml) is about 40 kB gzip the first paint
 * does not need: the store loads it on the first command, or when the page is idle.
 */
export type KubectlModule = typeof import('../kubectl');

let loaded: KubectlModule | undefined;
let loading: Promise<KubectlModule> | undefined;

/** loadKubectl resolves to the kubectl module, importing it once. */
export function loadKubectl(): Promise<KubectlModule> {
  loading ??= import('../kubectl').then((module) => (loaded = module));
  return loading;
}

/** kubectlIfLoaded is the kubectl module if it has arrived. */
export function kubectlIfLoaded(): KubectlModule | undefined {
  return loaded;
}

/** loadedKubectl is the kubectl module; replays call it after loadKubectl (withKubectl) resolved. */
export function loadedKubectl(): KubectlModule {
  if (!loaded) throw new Error('kubectl is not loaded yet: await loadKubectl() first');
  return loaded;
}

/** withKubectl runs fn now if kubectl is loaded, else once it is. */
export function withKubectl(fn: () => void): void {
  if (loaded) fn();
  else void loadKubectl().then(fn);
}
