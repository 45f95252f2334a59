import { milliCores } from '../api/quantity';
import type { Container } from '../api/types';

/** IDLE_MILLICORES is what a server with no traffic burns: its event loop and health checks. */
export const IDLE_MILLICORES = 1;
/** NO_REQUEST_MILLICORES is what "100%" means for a container without a CPU request. */
export const NO_REQUEST_MILLICORES = 100;

/**
 * ResourceUsage is the simulated workload: a load on a Deployment makes each of its pods' containers
 * use PERCENT of their CPU request (capped by the CPU limit, as the CFS quota caps a real process).
 * Everything else idles at 1m. Memory is what the runtime already tracks per container.
 */
export class ResourceUsage {
  private readonly loads = new Map<string, number>();

  /** setLoad sets a Deployment's load as a percentage of its containers' CPU requests; 0 removes it. */
  setLoad(namespace: string, deployment: string, percent: number): void {
    const key = `${namespace}/${deployment}`;
    if (percent > 0) this.loads.set(key, percent);
    else this.loads.delete(key);
  }

  loadOf(namespace: string, deployment: string | undefined): number {
    return deployment ? (this.loads.get(`${namespace}/${deployment}`) ?? 0) : 0;
  }

  /**
   * cpuMillicores is one container's CPU use under a load: 250% of a 200m request is 500m, unless
   * a limit of 300m throttles it to 300m.
   */
  static cpuMillicores(container: Pick<Container, 'resources'>, percent: number): number {
    if (percent <= 0) return IDLE_MILLICORES;
    const request = milliCores(container.resources?.requests?.cpu);
    const limit = milliCores(container.resources?.limits?.cpu);
    const wanted = Math.round(((request || limit || NO_REQUEST_MILLICORES) * percent) / 100);
    return Math.max(IDLE_MILLICORES, limit > 0 ? Math.min(wanted, limit) : wanted);
  }
}
