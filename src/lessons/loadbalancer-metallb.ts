import type { ClusterView } from './cluster-view';
import { firstStored, isRunningReady, kubectlRead, readyApp } from './goals';
import type { Lesson } from './types';

const APP = 'chk-hn';
const METALLB = 'metallb-system';
/** POOL is a range on the nodes' network (192.168.1.0/24) that no machine uses. */
const POOL = { first: 11, last: 19, text: '192.168.1.11-192.168.1.19' };

/**
 * METALLB_INSTALL is the part of MetalLB's metallb-native.yaml that runs it: the namespace, the
 * controller Deployment and the speaker DaemonSet (the real file adds CRDs, RBAC and a webhook).
 */
const METALLB_INSTALL = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: ${METALLB}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller
  namespace: ${METALLB}
spec:
  selector:
    matchLabels:
      app: metallb
      component: controller
  template:
    metadata:
      labels:
        app: metallb
        component: controller
    spec:
      containers:
      - name: controller
        image: quay.io/metallb/controller:v0.14.9
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: speaker
  namespace: ${METALLB}
spec:
  selector:
    matchLabels:
      app: metallb
      component: speaker
  template:
    metadata:
      labels:
        app: metallb
        component: speaker
    spec:
      hostNetwork: true
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: speaker
        image: quay.io/metallb/speaker:v0.14.9
EOF`;

const METALLB_CONFIG = `kubectl apply -f - <<EOF
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: first-pool
  namespace: ${METALLB}
spec:
  addresses:
  - ${POOL.text}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: l2
  namespace: ${METALLB}
EOF`;

/** loadBalancerIP is the address MetalLB wrote into the chk-hn Service's status, if any. */
const loadBalancerIP = (view: ClusterView) =>
  view.service(APP)?.status?.loadBalancer?.ingress?.[0]?.ip;

/** loadBalancerService: chk-hn is a LoadBalancer Service on port 80. */
const loadBalancerService = (view: ClusterView) => {
  const service = view.service(APP);
  return (
    service?.spec.type === 'LoadBalancer' &&
    (service.spec.ports ?? []).some((port) => port.port === 80)
  );
};

/** inPool: an address of the pool 192.168.1.11-192.168.1.19. */
function inPool(ip: string | undefined): boolean {
  const match = /^192\.168\.1\.(\d+)$/.exec(ip ?? '');
  const last = Number(match?.[1]);
  return match !== null && last >= POOL.first && last <= POOL.last;
}

/** metallbRuns: the controller is Ready, and a Ready speaker runs on every node. */
function metallbRuns(view: ClusterView): boolean {
  const ready = (component: string) =>
    view
      .pods(METALLB)
      .filter(
        (pod) =>
          pod.metadata.labels?.['app'] === 'metallb' &&
          pod.metadata.labels['component'] === component &&
          pod.metadata.deletionTimestamp === undefined &&
          isRunningReady(pod),
      );
  const speakerNodes = new Set(ready('speaker').map((pod) => pod.spec.nodeName));
  return (
    ready('controller').length > 0 &&
    view.nodes().every((node) => speakerNodes.has(node.metadata.name))
  );
}

/** assignedSeq is the sequence number of MetalLB's write of an address into chk-hn's status. */
const assignedSeq = (view: ClusterView) =>
  view
    .hops()
    .find(
      (hop) =>
        hop.from === 'metallb-controller' &&
        hop.channel === 'request' &&
        hop.verb.startsWith('patch') &&
        hop.object.kind === 'Service' &&
        hop.object.name === APP,
    )?.seq;

/**
 * loadBalancerMetalLB: a LoadBalancer Service stays <pending> on bare metal until MetalLB runs
 * and has addresses to give; then its controller assigns one and a speaker announces it.
 */
export const loadBalancerMetalLB: Lesson = {
  id: 'loadbalancer-metallb',
  preset: 'kubeadm',
  title: {
    en: 'LoadBalancer and MetalLB',
    ko: 'LoadBalancer와 MetalLB',
  },
  summary: {
    en: 'A NodePort makes clients pick a node and remember a high port. A LoadBalancer Service asks for one address on port 80, and on your own machines nobody answers until you install MetalLB. Watch the Service wait, then watch MetalLB’s controller and speakers give it an address.',
    ko: 'NodePort를 쓰면 클라이언트가 노드를 고르고 높은 번호의 포트를 기억해야 합니다. LoadBalancer 서비스는 80번 포트로 접속할 주소 하나를 요청하는데, 직접 구축한 클러스터에서는 MetalLB를 설치하기 전까지 아무도 그 요청에 답하지 않습니다. 서비스가 기다리는 모습을 본 다음, MetalLB의 컨트롤러와 스피커가 주소를 붙여 주는 과정을 지켜봅니다.',
  },
  steps: [
    {
      id: 'deployment',
      text: {
        en: 'Start three pods that answer with their own name: `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`.',
        ko: '자기 이름으로 응답하는 파드 세 개를 띄웁니다. `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`을 실행하세요.',
      },
      want: { en: '3 pods chk-hn Running', ko: 'chk-hn 파드 3개 Running' },
      goal: (view) => readyApp(view, APP, 3),
      hints: [
        {
          en: '`--replicas=3` sets the number of pods when the Deployment is created.',
          ko: '`--replicas=3`을 붙이면 디플로이먼트를 만들 때부터 파드 수가 정해집니다.',
        },
      ],
      solution: [`kubectl create deployment ${APP} --image=sysnet4admin/${APP} --replicas=3`],
    },
    {
      id: 'expose-pending',
      predict: {
        question: {
          en: 'You expose chk-hn with `--type=LoadBalancer`. What does the EXTERNAL-IP column of `kubectl get services` show?',
          ko: '`--type=LoadBalancer`로 chk-hn을 노출합니다. `kubectl get services`의 EXTERNAL-IP 열에는 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'node-ip',
            text: { en: 'The IP of one of the nodes', ko: '노드 중 하나의 IP' },
          },
          { id: 'pending', text: { en: '<pending>', ko: '<pending>' } },
          { id: 'none', text: { en: '<none>', ko: '<none>' } },
        ],
        answer: 'pending',
        explanation: {
          en: 'A LoadBalancer Service asks for an address outside the cluster. On a cloud, the cloud controller manager watches for such Services and has the cloud build a load balancer. On machines you run yourself nothing watches for them, so the request waits: <pending>. The Service still works as a NodePort meanwhile; the PORT(S) column shows its node port.',
          ko: 'LoadBalancer 서비스는 클러스터 바깥에서 쓸 주소를 요청합니다. 클라우드라면 클라우드 컨트롤러 매니저가 이런 서비스를 지켜보다가 클라우드에 로드밸런서를 만들어 달라고 합니다. 직접 운영하는 서버에는 그런 역할을 하는 것이 없어서 요청이 <pending>으로 남습니다. 그동안에도 서비스는 NodePort로는 동작하며, PORT(S) 열에 노드 포트가 보입니다.',
        },
      },
      text: {
        en: 'Run `kubectl expose deployment chk-hn --type=LoadBalancer --port=80`, then `kubectl get services`. A LoadBalancer Service is a NodePort Service plus one more wish: an address of its own.',
        ko: '`kubectl expose deployment chk-hn --type=LoadBalancer --port=80`을 실행한 뒤 `kubectl get services`로 확인하세요. LoadBalancer 서비스는 NodePort 서비스에 ‘나만의 외부 주소’라는 요구가 하나 더 붙은 것입니다.',
      },
      want: {
        en: 'Service chk-hn of type LoadBalancer, EXTERNAL-IP <pending>, seen in kubectl get services',
        ko: 'LoadBalancer 타입 chk-hn 서비스, kubectl get services에서 EXTERNAL-IP <pending> 확인',
      },
      goal: (view) => {
        const created = firstStored(view, 'Service', APP);
        return (
          loadBalancerService(view) &&
          loadBalancerIP(view) === undefined &&
          created !== undefined &&
          kubectlRead(view, { kinds: ['services'], after: created })
        );
      },
      hints: [
        {
          en: 'Exposed it without the type? `kubectl delete service chk-hn` and expose it again.',
          ko: '타입을 빼고 노출했다면 `kubectl delete service chk-hn`으로 지우고 다시 expose하세요.',
        },
      ],
      solution: [
        `kubectl expose deployment ${APP} --type=LoadBalancer --port=80`,
        'kubectl get services',
      ],
    },
    {
      id: 'install-metallb',
      predict: {
        question: {
          en: 'Once MetalLB’s controller and speakers run, what will EXTERNAL-IP show?',
          ko: 'MetalLB의 컨트롤러와 스피커가 실행되면 EXTERNAL-IP에는 무엇이 보일까요?',
        },
        choices: [
          {
            id: 'address',
            text: { en: 'An address, right away', ko: '곧바로 주소가 붙는다' },
          },
          {
            id: 'pending',
            text: { en: 'Still <pending>', ko: '여전히 <pending>' },
          },
        ],
        answer: 'pending',
        explanation: {
          en: 'MetalLB only hands out addresses you give it, and it has none yet. Its controller is running and watching LoadBalancer Services; it just has nothing to assign.',
          ko: 'MetalLB는 사용자가 넘겨준 주소만 나눠 주는데, 아직 받은 주소가 없습니다. 컨트롤러는 실행 중이고 LoadBalancer 서비스를 지켜보고 있지만, 붙여 줄 주소가 없을 뿐입니다.',
        },
      },
      text: {
        en: 'MetalLB plays the cloud’s part on your own machines. It has two halves: a controller (a Deployment) that picks an address for each LoadBalancer Service, and a speaker on every node (a DaemonSet) that tells the local network where that address lives. Paste the solution’s manifest into the Manifest editor and press Apply: it is the part of MetalLB’s metallb-native.yaml that runs these two, in the namespace metallb-system.',
        ko: 'MetalLB는 직접 운영하는 서버에서 클라우드가 하던 역할을 대신합니다. 두 부분으로 되어 있습니다. LoadBalancer 서비스마다 주소를 골라 주는 컨트롤러(디플로이먼트)와, 그 주소가 어느 노드에 있는지 로컬 네트워크에 알리는 노드별 스피커(데몬셋)입니다. 정답의 매니페스트를 매니페스트 편집기에 붙여 넣고 적용 버튼을 누르세요. MetalLB의 metallb-native.yaml 가운데 이 둘을 metallb-system 네임스페이스에 띄우는 부분입니다.',
      },
      want: {
        en: 'MetalLB controller Running and a speaker on every node; chk-hn still <pending>',
        ko: 'MetalLB 컨트롤러 Running, 모든 노드에 스피커; chk-hn은 여전히 <pending>',
      },
      goal: (view) =>
        metallbRuns(view) && loadBalancerService(view) && loadBalancerIP(view) === undefined,
      hints: [
        {
          en: '`kubectl get pods -n metallb-system -o wide` shows one controller and one speaker per node.',
          ko: '`kubectl get pods -n metallb-system -o wide`를 실행하면 컨트롤러 하나와 노드마다 스피커 하나가 보입니다.',
        },
        {
          en: 'The speakers tolerate the control plane’s taint so that every node, m-k8s included, can announce.',
          ko: '스피커는 컨트롤 플레인의 테인트를 용인(toleration)하므로 m-k8s를 포함한 모든 노드에서 주소를 알릴 수 있습니다.',
        },
        {
          en: 'The speakers run with `hostNetwork: true`, so their IP is the node’s own: they answer ARP on the nodes’ network, not on the pod network.',
          ko: '스피커는 `hostNetwork: true`로 실행되어 IP가 노드 자신의 IP입니다. 파드 네트워크가 아니라 노드들이 있는 네트워크에서 ARP에 답해야 하기 때문입니다.',
        },
      ],
      solution: [METALLB_INSTALL],
    },
    {
      id: 'address-pool',
      predict: {
        question: {
          en: 'You now give MetalLB a pool of addresses. What happens to chk-hn, created long before?',
          ko: '이제 MetalLB에 주소 풀을 줍니다. 한참 전에 만든 chk-hn은 어떻게 될까요?',
        },
        choices: [
          {
            id: 'now',
            text: {
              en: 'It gets an address at once, as it is',
              ko: '그대로 둔 채 바로 주소를 받는다',
            },
          },
          {
            id: 'recreate',
            text: {
              en: 'Only after you delete it and expose it again',
              ko: '지우고 다시 expose해야 주소를 받는다',
            },
          },
          {
            id: 'new-only',
            text: {
              en: 'Never: only Services created from now on get addresses',
              ko: '받지 못한다: 앞으로 만드는 서비스만 주소를 받는다',
            },
          },
        ],
        answer: 'now',
        explanation: {
          en: 'MetalLB’s controller is a control loop like any other: when a pool appears, it looks again at every LoadBalancer Service, sees chk-hn still without an address, and writes the first free one into its status. Nobody has to repeat the request.',
          ko: 'MetalLB의 컨트롤러도 다른 컨트롤러와 같은 제어 루프입니다. 풀이 생기면 모든 LoadBalancer 서비스를 다시 살펴보고, 아직 주소가 없는 chk-hn에 비어 있는 첫 주소를 골라 status에 적습니다. 누구도 요청을 다시 보낼 필요가 없습니다.',
        },
      },
      text: {
        en: `Tell MetalLB which addresses it may use: an IPAddressPool with ${POOL.text}, free addresses on the nodes’ network, and an L2Advertisement, which has the speakers answer ARP for them. Apply the solution’s manifest and run \`kubectl get services\` again.`,
        ko: `MetalLB가 쓸 수 있는 주소를 알려 줍니다. 노드들이 있는 네트워크에서 비어 있는 ${POOL.text}를 담은 IPAddressPool과, 스피커가 그 주소들의 ARP 요청에 답하게 하는 L2Advertisement입니다. 정답의 매니페스트를 적용하고 \`kubectl get services\`를 다시 실행해 보세요.`,
      },
      want: {
        en: `chk-hn gets an EXTERNAL-IP from ${POOL.text}`,
        ko: `chk-hn이 ${POOL.text}에서 EXTERNAL-IP를 받음`,
      },
      goal: (view) => loadBalancerService(view) && inPool(loadBalancerIP(view)),
      hints: [
        {
          en: 'Both objects go in the namespace metallb-system, where MetalLB looks for them.',
          ko: '두 오브젝트 모두 MetalLB가 찾아보는 metallb-system 네임스페이스에 만들어야 합니다.',
        },
        {
          en: 'An L2Advertisement that names no pool advertises them all.',
          ko: '풀 이름을 적지 않은 L2Advertisement는 모든 풀을 알립니다.',
        },
      ],
      solution: [METALLB_CONFIG],
    },
    {
      id: 'who-announces',
      text: {
        en: 'Read the story on the Service: `kubectl describe service chk-hn`. The events show metallb-controller assigning the address, and a speaker announcing it from one node. Traffic for that address reaches that node, and kube-proxy there spreads it over the three pods, on any node. If that node fails, another speaker takes over.',
        ko: '서비스에 남은 기록을 읽어 봅시다. `kubectl describe service chk-hn`을 실행하세요. 이벤트에서 metallb-controller가 주소를 붙이고, 스피커 하나가 어느 노드에서 그 주소를 알리는지 볼 수 있습니다. 그 주소로 오는 트래픽은 이 노드에 도착하고, 그 노드의 kube-proxy가 어느 노드에 있든 세 파드에 나눠 보냅니다. 그 노드가 죽으면 다른 스피커가 이어받습니다.',
      },
      want: {
        en: 'Service chk-hn described after MetalLB gave it an address',
        ko: 'MetalLB가 주소를 붙인 뒤 chk-hn 서비스를 describe로 확인',
      },
      goal: (view) => {
        const assigned = assignedSeq(view);
        return (
          inPool(loadBalancerIP(view)) &&
          assigned !== undefined &&
          kubectlRead(view, { kinds: ['services'], verbs: ['get'], name: APP, after: assigned })
        );
      },
      hints: [
        {
          en: 'Look at the Events at the bottom: IPAllocated, then nodeAssigned.',
          ko: '맨 아래 Events에서 IPAllocated, 그다음 nodeAssigned를 찾아보세요.',
        },
      ],
      solution: [`kubectl describe service ${APP}`],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.14.9/config/manifests/metallb-native.yaml`, wait for the pods in metallb-system, apply an IPAddressPool and an L2Advertisement with free addresses of your network, then `kubectl expose deployment chk-hn --type=LoadBalancer --port=80` and `curl <EXTERNAL-IP>` from any machine on that network. On a managed cloud (EKS, GKE, AKS) skip MetalLB: the cloud controller manager builds the load balancer.',
    ko: '실제 클러스터에서는 `kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.14.9/config/manifests/metallb-native.yaml`로 MetalLB를 설치하고, metallb-system의 파드가 뜨면 내 네트워크에서 비어 있는 주소로 IPAddressPool과 L2Advertisement를 적용합니다. 그런 다음 `kubectl expose deployment chk-hn --type=LoadBalancer --port=80`으로 노출하고, 같은 네트워크의 아무 컴퓨터에서 `curl <EXTERNAL-IP>`로 접속합니다. EKS, GKE, AKS 같은 관리형 클라우드에서는 MetalLB 없이 클라우드 컨트롤러 매니저가 로드밸런서를 만들어 줍니다.',
  },
};
