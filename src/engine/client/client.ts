import type { ApiCallback, ApiRequest, ApiServer } from '../apiserver/apiserver';
import type { HopNote } from '../hops';

/**
 * ApiClient is a component's connection to kube-apiserver (client-go's clientset): every call is
 * a request hop, answered through the callback when the API server (and etcd) are done.
 */
export class ApiClient {
  constructor(
    readonly component: string,
    private readonly api: ApiServer,
  ) {}

  request(request: ApiRequest, callback?: ApiCallback, note?: HopNote): void {
    this.api.submit(this.component, request, callback, note);
  }
}
