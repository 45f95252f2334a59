import type { ClusterView } from './cluster-view';
import { isControlPlane, isRunningReady, podsOf } from './goals';
import type { Lesson } from './types';

const daemonSet = (tolerateControlPlane: boolean) =>
  `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
${
  tolerateControlPlane
    ? `      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
`
    : ''
}      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
EOF`;

/** onePerNode: one Ready node-agent pod on each of the given nodes and nowhere else. */
function onePerNode(view: ClusterView, nodes: string[]): boolean {
  const pods = podsOf(view, 'app', 'node-agent');
  const placed = pods.map((pod) => pod.spec.nodeName ?? '').sort();
  return JSON.stringify(placed) === JSON.stringify([...nodes].sort()) && pods.every(isRunningReady);
}

const workers = (view: ClusterView) =>
  view
    .nodes()
    .filter((node) => !isControlPlane(node))
    .map((node) => node.metadata.name);

const tolerates = (view: ClusterView) =>
  podsOf(view, 'app', 'node-agent').every((pod) =>
    (pod.spec.tolerations ?? []).some((t) => t.key === 'node-role.kubernetes.io/control-plane'),
  );

/**
 * daemonSet runs one pod per node, the way log shippers and kube-proxy do, and shows that the
 * control plane's taint applies to DaemonSets too until their pods tolerate it.
 */
export const daemonSetLesson: Lesson = {
  id: 'daemonset',
  preset: 'kubeadm',
  title: { en: 'DaemonSet: one pod on every node', ko: '데몬셋: 노드마다 파드 하나씩' },
  summary: {
    en: 'Some software belongs on every node: a log collector, a metrics agent, kube-proxy itself. A DaemonSet has no replica count; its controller makes one pod per eligible node. Run an agent, see which nodes it skips, and let it onto the control plane.',
    ko: '어떤 소프트웨어는 모든 노드에 하나씩 있어야 합니다. 로그 수집기, 메트릭 에이전트, kube-proxy가 그렇습니다. 데몬셋에는 레플리카 수가 없고, 컨트롤러가 조건에 맞는 노드마다 파드를 하나씩 만듭니다. 에이전트를 띄워 어떤 노드를 건너뛰는지 보고, 컨트롤 플레인에도 올려 봅니다.',
  },
  steps: [
    {
      id: 'agent-on-workers',
      predict: {
        question: {
          en: 'The cluster has four nodes. How many node-agent pods will run?',
          ko: '클러스터에는 노드가 네 대 있습니다. node-agent 파드는 몇 개가 실행될까요?',
        },
        choices: [
          { id: '1', text: { en: '1', ko: '1개' } },
          { id: '3', text: { en: '3', ko: '3개' } },
          { id: '4', text: { en: '4', ko: '4개' } },
        ],
        answer: '3',
        explanation: {
          en: 'The DaemonSet controller simulates scheduling on each node. m-k8s has the control-plane NoSchedule taint and the pod has no toleration for it, so only the three workers get a pod.',
          ko: '데몬셋 컨트롤러는 노드마다 이 파드를 배치할 수 있는지 따져 봅니다. m-k8s에는 컨트롤 플레인 NoSchedule 테인트가 있는데 파드에 그에 맞는 톨러레이션이 없으니, 워커 세 대에만 파드가 생깁니다.',
        },
      },
      text: {
        en: 'Apply the DaemonSet node-agent from the solution, then `kubectl get ds` and `kubectl get pods -o wide`. DESIRED counts the nodes it may run on, not a number you chose.',
        ko: '정답에 있는 node-agent 데몬셋을 적용한 다음 `kubectl get ds`와 `kubectl get pods -o wide`를 확인하세요. DESIRED는 직접 정한 숫자가 아니라 파드를 둘 수 있는 노드의 수입니다.',
      },
      want: {
        en: 'One node-agent pod Running on each worker, none on m-k8s',
        ko: '워커마다 node-agent 파드 하나씩 Running, m-k8s에는 없음',
      },
      goal: (view) => onePerNode(view, workers(view)),
      hints: [
        {
          en: 'A DaemonSet spec has a selector and a template, but no replicas.',
          ko: '데몬셋 spec에는 selector와 template은 있지만 replicas는 없습니다.',
        },
      ],
      solution: [daemonSet(false)],
    },
    {
      id: 'agent-everywhere',
      text: {
        en: 'Node agents usually must run on the control plane too. Add a toleration for `node-role.kubernetes.io/control-plane` (operator Exists, effect NoSchedule) to the pod template and apply again. The controller rolls the pods one node at a time and adds one on m-k8s.',
        ko: '노드 에이전트는 보통 컨트롤 플레인에서도 돌아야 합니다. 파드 템플릿에 `node-role.kubernetes.io/control-plane`에 대한 톨러레이션(operator Exists, effect NoSchedule)을 추가하고 다시 적용하세요. 컨트롤러가 노드마다 하나씩 파드를 교체하고, m-k8s에도 하나를 만듭니다.',
      },
      want: {
        en: 'One node-agent pod Running on each of the four nodes',
        ko: '노드 네 대마다 node-agent 파드 하나씩 Running',
      },
      goal: (view) =>
        tolerates(view) &&
        onePerNode(
          view,
          view.nodes().map((node) => node.metadata.name),
        ),
      hints: [
        {
          en: 'The toleration goes under `spec.template.spec.tolerations`, next to `containers`.',
          ko: '톨러레이션은 `spec.template.spec.tolerations`에, `containers`와 나란히 적습니다.',
        },
        {
          en: 'Wait until the rollout ends: four pods, each with the toleration.',
          ko: '롤아웃이 끝날 때까지 기다리세요. 톨러레이션을 가진 파드 네 개가 되어야 합니다.',
        },
      ],
      solution: [daemonSet(true)],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl get ds -A` shows the DaemonSets every cluster already runs (kube-proxy, the CNI plugin), `kubectl rollout status ds/node-agent` follows an update, and a nodeSelector in the template limits a DaemonSet to some nodes.',
    ko: '실제 클러스터에서 `kubectl get ds -A`를 실행하면 클러스터마다 이미 돌고 있는 데몬셋(kube-proxy, CNI 플러그인)이 보입니다. 업데이트는 `kubectl rollout status ds/node-agent`로 지켜보고, 템플릿에 nodeSelector를 두면 일부 노드에만 띄울 수 있습니다.',
  },
};
