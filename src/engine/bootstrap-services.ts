import type { EndpointSlice, Pod, Service } from './api/types';
import type { Random } from './clock';
import { randomSuffix } from './apiserver/admission';
import type { ApiServer } from './apiserver/apiserver';
import { desiredEndpoints } from './controllers/endpoints/endpoints';
import { desiredSlice } from './controllers/endpointslice/endpointslice';
import { desiredSlices } from './controllers/endpointslice/compute';

/**
 * bootstrapServices writes the Services every kubeadm or minikube cluster starts with: the API
 * server's own `kubernetes` Service (10.96.0.1:443, its Endpoints reconciled by the API server
 * to the control plane) and CoreDNS's `kube-dns` (10.96.0.10), with the Endpoints and
 * EndpointSlice the controllers had long since written for it.
 */
export function bootstrapServices(
  api: ApiServer,
  controlPlaneIP: string,
  apiServerPort: number,
  rng: Random,
  /** the CoreDNS pods behind kube-dns */
  dnsPods: Pod[],
): void {
  const create = (resource: string, namespace: string, body: object) =>
    api.execute({ verb: 'create', resource, namespace, body: body as never }).object;
  create('services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: apiServerPort }],
    },
  });
  const https = [{ name: 'https', port: apiServerPort, protocol: 'TCP' }];
  create('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip: controlPlaneIP }], ports: https }],
  });
  create('endpointslices', 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [controlPlaneIP], conditions: { ready: true } }],
    ports: https,
  });

  const dns = create('services', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  }) as Service;
  create('endpoints', 'kube-system', desiredEndpoints(dns, dnsPods));
  const [slice] = desiredSlices(dns, dnsPods);
  const body: EndpointSlice = desiredSlice(
    dns,
    slice!,
    [],
    undefined,
    `kube-dns-${randomSuffix(rng)}`,
  );
  create('endpointslices', 'kube-system', body);
}
