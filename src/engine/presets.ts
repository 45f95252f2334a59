import type { Node, Taint } from './api/types';

/**
 * Cluster presets: the kubeadm lab from the hands-on course (control plane m-k8s, workers
 * w1-k8s..w3-k8s on 192.168.1.0/24) and a single-node minikube. Nodes report what such VMs do.
 */
export type PresetName = 'kubeadm' | 'minikube';

export const KUBERNETES_VERSION = 'v1.32.4';

interface NodeSpecInput {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
  cpu: string;
  memoryKi: number;
}

export interface Preset {
  name: PresetName;
  nodes: NodeSpecInput[];
}

export const PRESETS: Record<PresetName, Preset> = {
  kubeadm: {
    name: 'kubeadm',
    nodes: [
      {
        name: 'm-k8s',
        ip: '192.168.1.10',
        podCIDR: '10.244.0.0/24',
        controlPlane: true,
        cpu: '2',
        memoryKi: 4026060,
      },
      {
        name: 'w1-k8s',
        ip: '192.168.1.101',
        podCIDR: '10.244.1.0/24',
        controlPlane: false,
        cpu: '2',
        memoryKi: 2995032,
      },
      {
        name: 'w2-k8s',
        ip: '192.168.1.102',
        podCIDR: '10.244.2.0/24',
        controlPlane: false,
        cpu: '2',
        memoryKi: 2995032,
      },
      {
        name: 'w3-k8s',
        ip: '192.168.1.103',
        podCIDR: '10.244.3.0/24',
        controlPlane: false,
        cpu: '2',
        memoryKi: 2995032,
      },
    ],
  },
  minikube: {
    name: 'minikube',
    nodes: [
      {
        name: 'minikube',
        ip: '192.168.49.2',
        podCIDR: '10.244.0.0/24',
        controlPlane: true,
        cpu: '2',
        memoryKi: 4010032,
      },
    ],
  },
};

/**
 * kubeadmWithWorkers is the kubeadm lab with `count` workers (w1-k8s, w2-k8s, ...): for scaling
 * demonstrations and the benchmark. Pod CIDRs continue past 10.244.255.0/24 into 10.245.0.0/16.
 */
export function kubeadmWithWorkers(count: number): Preset {
  const controlPlane = PRESETS.kubeadm.nodes[0]!;
  const workers = Array.from({ length: count }, (_, index) =>
    joiningNode('kubeadm', `w${index + 1}-k8s`, index + 1),
  );
  return { name: 'kubeadm', nodes: [controlPlane, ...workers] };
}

/**
 * joiningNode is the machine that joins as node number `index` (the control plane is 0): a VM
 * like the preset's workers (minikube's like its only node), next in the preset's subnet, with
 * the next pod CIDR (w4-k8s gets 192.168.1.104 and 10.244.4.0/24; minikube-m02 192.168.49.3).
 */
export function joiningNode(preset: PresetName, name: string, index: number): NodeSpecInput {
  const template = PRESETS[preset].nodes[preset === 'kubeadm' ? 1 : 0]!;
  const host = (preset === 'kubeadm' ? 100 : 2) + index;
  const subnet = preset === 'kubeadm' ? 1 : 49;
  return {
    ...template,
    name,
    controlPlane: false,
    ip: `192.168.${subnet + Math.floor(host / 255)}.${host % 255}`,
    podCIDR: `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`,
  };
}

const CONTROL_PLANE_TAINT: Taint = {
  key: 'node-role.kubernetes.io/control-plane',
  effect: 'NoSchedule',
};
/** Memory kubelet keeps back (--eviction-hard memory.available<100Mi), so allocatable < capacity. */
const EVICTION_RESERVE_KI = 100 * 1024;

/**
 * nodeManifest builds the Node a kubelet registers, with the labels and status it reports:
 * registered at `created`, last heard from at `heartbeat`.
 */
export function nodeManifest(
  input: NodeSpecInput,
  presetName: PresetName,
  created: string,
  heartbeat: string,
): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': input.name,
    'kubernetes.io/os': 'linux',
  };
  if (input.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    if (presetName === 'kubeadm')
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const minikube = presetName === 'minikube';
  const capacity = {
    cpu: input.cpu,
    'ephemeral-storage': '40581564Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${input.memoryKi}Ki`,
    pods: '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: created,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: input.podCIDR,
      podCIDRs: [input.podCIDR],
      ...(input.controlPlane && !minikube ? { taints: [CONTROL_PLANE_TAINT] } : {}),
    },
    status: {
      capacity,
      allocatable: {
        ...capacity,
        'ephemeral-storage': '37399969321',
        memory: `${input.memoryKi - EVICTION_RESERVE_KI}Ki`,
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: created,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: created,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: created,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: created,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: input.ip },
        { type: 'Hostname', address: input.name },
      ],
      nodeInfo: {
        machineID: hexOf(`${input.name}/machine`, 32),
        systemUUID: uuidOf(`${input.name}/system`),
        bootID: uuidOf(`${input.name}/boot`),
        kernelVersion: '5.15.0-126-generic',
        osImage: 'Ubuntu 22.04.5 LTS',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: KUBERNETES_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** hexOf derives stable hex digits from a text (FNV-1a rounds): ids a real node reports, fixed per node. */
function hexOf(text: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${text}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function uuidOf(text: string): string {
  const h = hexOf(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
