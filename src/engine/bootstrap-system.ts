import { ownerReferenceTo } from './api/objects';
import type {
  Container,
  DaemonSet,
  Deployment,
  KubeObject,
  Node,
  Pod,
  PodSpec,
  PodStatus,
  ReplicaSet,
} from './api/types';
import { randomSuffix } from './apiserver/admission';
import type { ApiServer } from './apiserver/apiserver';
import type { Random } from './clock';
import { toTimestamp } from './clock';
import { computeHash } from './controllers/hash';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH,
  resolveFenceposts,
  REVISION_ANNOTATION,
} from './controllers/deployment/util';
import { podFromTemplate } from './controllers/pod-control';
import type { Kubelet } from './kubelet/kubelet';
import { sha256 } from './network/hash';
import { KUBERNETES_VERSION, type PresetName } from './presets';

/** The images kubeadm v1.32 deploys (cmd/kubeadm/app/constants: etcd 3.5.16-0, CoreDNS v1.11.3). */
const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
const controlPlaneImage = (component: string) =>
  `registry.k8s.io/${component}:${KUBERNETES_VERSION}`;

const NAMESPACE = 'kube-system';
const DAEMON_TEMPLATE_GENERATION = '1';

/** The Corefile kubeadm writes into the coredns ConfigMap. */
const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function hex(text: string, length: number): string {
  return Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, length);
}

function internalIP(node: Node): string {
  return node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
}

/** staticPod is the mirror pod the kubelet creates for a manifest in /etc/kubernetes/manifests. */
function staticPod(
  component: string,
  node: Node,
  container: Container,
  annotations: Record<string, string>,
  seen: string,
): object {
  const hash = hex(`${component}/${node.metadata.name}`, 32);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.metadata.name}`,
      labels: { component, tier: 'control-plane' },
      annotations: {
        ...annotations,
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          name: node.metadata.name,
          uid: node.metadata.uid,
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: node.metadata.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [container],
    },
  };
}

/** controlPlanePods are kubeadm's four static pods (minikube runs the same ones). */
function controlPlanePods(node: Node, apiServerPort: number, seen: string): object[] {
  const ip = internalIP(node);
  const container = (name: string, image: string, command: string[], cpu: string): Container =>
    ({
      name,
      image,
      imagePullPolicy: 'IfNotPresent',
      command,
      resources: { requests: { cpu, ...(name === 'etcd' ? { memory: '100Mi' } : {}) } },
    }) as unknown as Container;
  return [
    staticPod(
      'etcd',
      node,
      container(
        'etcd',
        ETCD_IMAGE,
        [
          'etcd',
          `--advertise-client-urls=https://${ip}:2379`,
          '--data-dir=/var/lib/etcd',
          `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
          '--listen-metrics-urls=http://127.0.0.1:2381',
          `--name=${node.metadata.name}`,
        ],
        '100m',
      ),
      { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
      seen,
    ),
    staticPod(
      'kube-apiserver',
      node,
      container(
        'kube-apiserver',
        controlPlaneImage('kube-apiserver'),
        [
          'kube-apiserver',
          `--advertise-address=${ip}`,
          '--authorization-mode=Node,RBAC',
          '--enable-admission-plugins=NodeRestriction',
          '--etcd-servers=https://127.0.0.1:2379',
          `--secure-port=${apiServerPort}`,
          '--service-cluster-ip-range=10.96.0.0/12',
        ],
        '250m',
      ),
      {
        'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:${apiServerPort}`,
      },
      seen,
    ),
    staticPod(
      'kube-controller-manager',
      node,
      container(
        'kube-controller-manager',
        controlPlaneImage('kube-controller-manager'),
        [
          'kube-controller-manager',
          '--allocate-node-cidrs=true',
          '--cluster-cidr=10.244.0.0/16',
          '--leader-elect=true',
          '--service-cluster-ip-range=10.96.0.0/12',
          '--use-service-account-credentials=true',
        ],
        '200m',
      ),
      {},
      seen,
    ),
    staticPod(
      'kube-scheduler',
      node,
      container(
        'kube-scheduler',
        controlPlaneImage('kube-scheduler'),
        [
          'kube-scheduler',
          '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
          '--bind-address=127.0.0.1',
          '--kubeconfig=/etc/kubernetes/scheduler.conf',
          '--leader-elect=true',
        ],
        '100m',
      ),
      {},
      seen,
    ),
  ];
}

const KUBE_PROXY_DAEMONSET = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' } },
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        containers: [
          {
            name: 'kube-proxy',
            image: controlPlaneImage('kube-proxy'),
            command: [
              '/usr/local/bin/kube-proxy',
              '--config=/var/lib/kube-proxy/config.conf',
              '--hostname-override=$(NODE_NAME)',
            ],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            securityContext: { privileged: true },
          },
        ],
        hostNetwork: true,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'kube-proxy',
        tolerations: [{ operator: 'Exists' }],
      },
    },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
  },
};

function coreDnsDeployment(replicas: number): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      annotations: { [REVISION_ANNOTATION]: '1' },
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: {
                      matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                    },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              args: ['-conf', '/etc/coredns/Corefile'],
              livenessProbe: {
                httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: {
                limits: { memory: '170Mi' },
                requests: { cpu: '100m', memory: '70Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: true,
              },
              volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
            },
          ],
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          volumes: [
            {
              name: 'config-volume',
              configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
            },
          ],
        },
      },
    },
  };
}

/** minikube's storage provisioner: a bare pod the addon manager keeps, on the host network. */
function storageProvisionerPod(node: Node): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'storage-provisioner',
      labels: {
        'addonmanager.kubernetes.io/mode': 'Reconcile',
        'integration-test': 'storage-provisioner',
      },
    },
    spec: {
      nodeName: node.metadata.name,
      hostNetwork: true,
      serviceAccountName: 'storage-provisioner',
      containers: [
        {
          name: 'storage-provisioner',
          image: 'gcr.io/k8s-minikube/storage-provisioner:v5',
          imagePullPolicy: 'IfNotPresent',
          command: ['/storage-provisioner'],
        },
      ],
    },
  };
}

/**
 * bootstrapSystem writes the kube-system workloads a fresh kubeadm (or minikube) cluster runs,
 * as they stand once they have long been up: the control plane's static pods on the control-plane
 * node, kube-proxy on every node, CoreDNS (and minikube's storage provisioner). Their kubelets
 * adopt the running containers, so the simulation starts without a single hop for them. It
 * returns the CoreDNS pods, whose addresses back the kube-dns Service.
 */
export function bootstrapSystem(
  api: ApiServer,
  preset: PresetName,
  kubelets: ReadonlyMap<string, Kubelet>,
  controlPlane: string,
  apiServerPort: number,
  now: number,
  rng: Random,
): Pod[] {
  const create = <T extends KubeObject>(resource: string, body: object): T =>
    api.execute({ verb: 'create', resource, namespace: NAMESPACE, body: body as never })
      .object as T;
  const writeStatus = (resource: string, obj: KubeObject, status: object) =>
    api.execute({
      verb: 'update',
      resource,
      namespace: NAMESPACE,
      name: obj.metadata.name,
      subresource: 'status',
      body: { ...obj, status } as never,
    });
  const nodes = (api.list('nodes') as Node[]).sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  );
  const master = nodes.find((n) => n.metadata.name === controlPlane)!;
  /** run has a pod's kubelet adopt it and records the status that kubelet reported. */
  const run = (body: object): Pod => {
    const pod = create<Pod>('pods', body);
    const status: PodStatus = kubelets.get(pod.spec.nodeName!)!.adopt(pod, now);
    writeStatus('pods', pod, { ...pod.status, ...status });
    return pod;
  };

  for (const name of [
    'kube-proxy',
    'coredns',
    ...(preset === 'minikube' ? ['storage-provisioner'] : []),
  ])
    create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
  create('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns' },
    data: { Corefile: COREFILE },
  });

  const seen = `${toTimestamp(now).replace('Z', '')}.${hex('seen', 9).replace(/\D/g, '7')}Z`;
  for (const body of controlPlanePods(master, apiServerPort, seen)) run(body);

  // kube-proxy: one pod per node, pinned there as the DaemonSet controller pins it.
  const ds = create<DaemonSet>('daemonsets', KUBE_PROXY_DAEMONSET);
  const revision = computeHash(ds.spec.template);
  for (const node of nodes) {
    const spec = JSON.parse(JSON.stringify(ds.spec.template.spec)) as PodSpec;
    spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }],
            },
          ],
        },
      },
    };
    spec.nodeName = node.metadata.name;
    run(
      podFromTemplate(ds, ds.spec.template, {
        name: `kube-proxy-${randomSuffix(rng)}`,
        labels: {
          'controller-revision-hash': revision,
          'pod-template-generation': DAEMON_TEMPLATE_GENERATION,
        },
        spec,
      }),
    );
  }
  writeStatus('daemonsets', ds, {
    currentNumberScheduled: nodes.length,
    numberMisscheduled: 0,
    desiredNumberScheduled: nodes.length,
    numberReady: nodes.length,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: nodes.length,
    numberAvailable: nodes.length,
  });

  // CoreDNS: its Deployment's first ReplicaSet, both replicas on the control plane (they were
  // scheduled before any worker joined); minikube scales it down to one.
  const replicas = preset === 'minikube' ? 1 : 2;
  const d = create<Deployment>('deployments', coreDnsDeployment(replicas));
  const hash = computeHash(d.spec.template, d.status.collisionCount);
  const template = JSON.parse(JSON.stringify(d.spec.template)) as Deployment['spec']['template'];
  template.metadata.labels = { ...template.metadata.labels, [POD_TEMPLATE_HASH]: hash };
  const rs = create<ReplicaSet>('replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${hash}`,
      labels: { ...template.metadata.labels },
      annotations: {
        [DESIRED_REPLICAS_ANNOTATION]: String(replicas),
        [MAX_REPLICAS_ANNOTATION]: String(replicas + resolveFenceposts(d).maxSurge),
        [REVISION_ANNOTATION]: '1',
      },
      ownerReferences: [ownerReferenceTo(d)],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash } },
      template,
    },
  });
  const dnsPods: Pod[] = [];
  for (let i = 0; i < replicas; i++) {
    const body = podFromTemplate(rs, rs.spec.template, {
      name: `${rs.metadata.name}-${randomSuffix(rng)}`,
    }) as { spec: PodSpec };
    body.spec.nodeName = master.metadata.name;
    dnsPods.push(run(body));
  }
  const counts = {
    replicas,
    fullyLabeledReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    observedGeneration: rs.metadata.generation,
  };
  writeStatus('replicasets', rs, counts);
  const stamp = toTimestamp(now);
  writeStatus('deployments', d, {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: stamp,
        lastTransitionTime: stamp,
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: stamp,
        lastTransitionTime: stamp,
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
      },
    ],
  });

  if (preset === 'minikube') run(storageProvisionerPod(master));
  return (api.list('pods', NAMESPACE) as Pod[]).filter((p) =>
    dnsPods.some((d) => d.metadata.uid === p.metadata.uid),
  );
}
