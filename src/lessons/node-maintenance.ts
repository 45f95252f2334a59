import type { ClusterView } from './cluster-view';
import { kubectlRead, podsOf, readyApp } from './goals';
import type { Lesson } from './types';

const CORDONED = 'w1-k8s';
const FAILED = 'w2-k8s';

const isReady = (view: ClusterView, name: string) =>
  view.node(name)?.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

const isCordoned = (view: ClusterView, name: string) =>
  view.node(name)?.spec.unschedulable === true;

/** webPodsOn are the live web pods bound to a node. */
const webPodsOn = (view: ClusterView, node: string) =>
  podsOf(view, 'app', 'web').filter((pod) => pod.spec.nodeName === node);

/** cordonSeq is the sequence number of kubectl's last write to the cordoned node. */
const cordonSeq = (view: ClusterView) =>
  view
    .hops()
    .filter(
      (hop) =>
        hop.from === 'kubectl' &&
        hop.channel === 'request' &&
        hop.verb === 'patch' &&
        hop.object.kind === 'Node' &&
        hop.object.name === CORDONED,
    )
    .at(-1)?.seq;

/** boundAfter: kube-scheduler bound a pod to `node` after hop `seq`. */
const boundAfter = (view: ClusterView, node: string, seq: number) =>
  view
    .hops()
    .some(
      (hop) =>
        hop.seq > seq &&
        hop.from === 'kube-scheduler' &&
        hop.verb === 'bind' &&
        hop.detail === node,
    );

/**
 * nodeMaintenance contrasts a planned exit (cordon, then drain: pods are evicted politely and
 * recreated elsewhere) with an unplanned one (a node stops answering: after the lease expires it
 * is NotReady, and only after the pods' 300s tolerations are they replaced).
 */
export const nodeMaintenance: Lesson = {
  id: 'node-maintenance',
  preset: 'kubeadm',
  title: {
    en: 'Node failure, cordon and drain',
    ko: '노드 장애, cordon과 drain',
  },
  summary: {
    en: 'Nodes leave in two ways. For maintenance you cordon a node (no new pods) and drain it (evict the ones it has), and controllers recreate them elsewhere at once. When a node just dies, the control plane must first notice, then wait, and only then move its pods.',
    ko: '노드가 빠지는 방법은 두 가지입니다. 점검할 때는 노드를 cordon해서 새 파드를 막고, drain해서 있던 파드를 내보내면, 컨트롤러가 곧바로 다른 곳에 다시 만듭니다. 노드가 그냥 죽어 버리면 컨트롤 플레인이 먼저 알아채야 하고, 잠시 기다린 뒤에야 파드를 옮깁니다.',
  },
  steps: [
    {
      id: 'three-replicas',
      text: {
        en: 'Start a Deployment: `kubectl create deployment web --image=nginx --replicas=3`.',
        ko: '디플로이먼트를 하나 띄웁니다. `kubectl create deployment web --image=nginx --replicas=3`을 실행하세요.',
      },
      want: { en: '3 pods app=web Running', ko: 'app=web 파드 3개 Running' },
      goal: (view) => readyApp(view, 'web', 3),
      hints: [
        {
          en: 'Step to quiet until all three are Running.',
          ko: '세 개가 모두 Running이 될 때까지 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: ['kubectl create deployment web --image=nginx --replicas=3'],
    },
    {
      id: 'cordon',
      predict: {
        question: {
          en: `You cordon ${CORDONED}, then scale web to 6. How many of the three new pods go to ${CORDONED}?`,
          ko: `${CORDONED}를 cordon한 다음 web을 6개로 늘립니다. 새 파드 세 개 중 몇 개가 ${CORDONED}로 갈까요?`,
        },
        choices: [
          { id: '0', text: { en: 'None', ko: '0개' } },
          { id: '1', text: { en: 'One', ko: '1개' } },
          { id: '3', text: { en: 'All three', ko: '3개 모두' } },
        ],
        answer: '0',
        explanation: {
          en: `Cordon sets spec.unschedulable, and the NodeUnschedulable filter drops ${CORDONED} for every new pod. The pods already there keep running: cordon stops arrivals, it evicts nobody.`,
          ko: `cordon은 spec.unschedulable을 켜고, NodeUnschedulable 필터가 새 파드마다 ${CORDONED}를 걸러냅니다. 이미 있던 파드는 계속 돕니다. cordon은 새로 들어오는 것만 막을 뿐, 아무도 내보내지 않습니다.`,
        },
      },
      text: {
        en: `Cordon ${CORDONED}: \`kubectl cordon ${CORDONED}\`. \`kubectl get nodes\` shows it Ready,SchedulingDisabled. Then scale out: \`kubectl scale deployment web --replicas=6\`.`,
        ko: `${CORDONED}를 cordon합니다. \`kubectl cordon ${CORDONED}\`를 실행하면 \`kubectl get nodes\`에 Ready,SchedulingDisabled로 나옵니다. 이어서 \`kubectl scale deployment web --replicas=6\`으로 늘려 보세요.`,
      },
      want: {
        en: `${CORDONED} SchedulingDisabled; 6 pods Running, none newly placed on it`,
        ko: `${CORDONED}는 SchedulingDisabled, 파드 6개 Running, 새 파드는 그 노드에 없음`,
      },
      goal: (view) => {
        const cordoned = cordonSeq(view);
        return (
          isCordoned(view, CORDONED) &&
          cordoned !== undefined &&
          !boundAfter(view, CORDONED, cordoned) &&
          view.deployment('web')?.spec.replicas === 6 &&
          readyApp(view, 'web', 6)
        );
      },
      hints: [
        {
          en: 'Cordon first, then scale: the order is the point.',
          ko: 'cordon을 먼저 하고 나서 늘리세요. 순서가 핵심입니다.',
        },
      ],
      solution: [`kubectl cordon ${CORDONED}`, 'kubectl scale deployment web --replicas=6'],
    },
    {
      id: 'drain',
      text: {
        en: `Empty it for maintenance: \`kubectl drain ${CORDONED} --ignore-daemonsets\`. The flag is needed because kube-proxy runs there as a DaemonSet pod, which would come straight back; drain leaves such pods alone. Drain evicts each pod through the Eviction API (which respects PodDisruptionBudgets); the ReplicaSet controller sees pods missing and the scheduler places the replacements on the other workers.`,
        ko: `점검을 위해 노드를 비웁니다. \`kubectl drain ${CORDONED} --ignore-daemonsets\`를 실행하세요. 이 노드에는 kube-proxy가 데몬셋 파드로 떠 있는데, 내보내도 바로 다시 돌아오므로 이 플래그로 건너뛰게 합니다. drain은 Eviction API로 파드를 하나씩 내보내고(PodDisruptionBudget을 지킵니다), 레플리카셋 컨트롤러가 모자란 파드를 알아채면 스케줄러가 대신할 파드를 다른 워커에 배치합니다.`,
      },
      want: {
        en: `No web pods on ${CORDONED}; 6 pods Running on the other workers`,
        ko: `${CORDONED}에는 web 파드 없음, 다른 워커에서 파드 6개 Running`,
      },
      goal: (view) => {
        const cordoned = cordonSeq(view);
        // drain starts by reading the node; cordon's own read came before its patch.
        return (
          isCordoned(view, CORDONED) &&
          cordoned !== undefined &&
          kubectlRead(view, { kinds: ['node'], name: CORDONED, verbs: ['get'], after: cordoned }) &&
          webPodsOn(view, CORDONED).length === 0 &&
          readyApp(view, 'web', 6)
        );
      },
      hints: [
        {
          en: 'Drain cordons too, so running it on an already cordoned node is fine.',
          ko: 'drain도 cordon을 함께 하므로, 이미 cordon된 노드에 실행해도 괜찮습니다.',
        },
        {
          en: '“cannot delete DaemonSet-managed Pods”? Add `--ignore-daemonsets` and run it again.',
          ko: '“cannot delete DaemonSet-managed Pods” 오류가 나면 `--ignore-daemonsets`를 붙여 다시 실행하세요.',
        },
      ],
      solution: [`kubectl drain ${CORDONED} --ignore-daemonsets`],
    },
    {
      id: 'node-dies',
      predict: {
        question: {
          en: `${FAILED} loses power without warning. When are its pods replaced?`,
          ko: `${FAILED}의 전원이 예고 없이 꺼집니다. 그 노드의 파드는 언제 다른 곳에 다시 만들어질까요?`,
        },
        choices: [
          { id: 'now', text: { en: 'At once', ko: '즉시' } },
          { id: '50s', text: { en: 'After about 50 seconds', ko: '약 50초 뒤' } },
          { id: '5m', text: { en: 'After about 5 minutes', ko: '약 5분 뒤' } },
        ],
        answer: '5m',
        explanation: {
          en: 'Nobody tells the control plane a node died. The node lifecycle controller sees its status stop arriving and after 50s (node-monitor-grace-period) marks it NotReady (status Unknown) with the unreachable taint. Every pod tolerates that taint for 300s by default, so only then are the pods evicted and recreated elsewhere: about six minutes in all.',
          ko: '노드가 죽었다고 컨트롤 플레인에 알려 주는 쪽은 없습니다. 노드 라이프사이클 컨트롤러가 상태 보고가 끊긴 것을 보고 50초(node-monitor-grace-period) 뒤 NotReady(상태 Unknown)로 표시하고 unreachable 테인트를 겁니다. 파드는 기본으로 이 테인트를 300초 동안 견디기 때문에, 그 뒤에야 쫓겨나 다른 곳에 다시 만들어집니다. 모두 합쳐 6분쯤 걸립니다.',
        },
      },
      text: {
        en: `Now an unplanned failure: press “Power off ${FAILED}” and then Play (or Step to quiet). Watch \`kubectl get nodes\` turn NotReady, and the pods on ${FAILED} wait before they are replaced.`,
        ko: `이번에는 예고 없는 장애입니다. "${FAILED} 전원 끄기" 버튼을 누르고 재생(또는 안정될 때까지)을 누르세요. \`kubectl get nodes\`에서 노드가 NotReady로 바뀌는 것과, ${FAILED}의 파드가 한참 기다린 뒤에야 교체되는 것을 지켜보세요.`,
      },
      want: {
        en: `${FAILED} NotReady; 6 web pods Running elsewhere`,
        ko: `${FAILED}는 NotReady, web 파드 6개는 다른 노드에서 Running`,
      },
      goal: (view) =>
        !isReady(view, FAILED) && webPodsOn(view, FAILED).length === 0 && readyApp(view, 'web', 6),
      hints: [
        {
          en: 'The power button is on this step, under the text.',
          ko: '전원 버튼은 이 단계의 설명 아래에 있습니다.',
        },
        {
          en: 'It takes over five simulated minutes: Step to quiet gets there in one press.',
          ko: '시뮬레이션 시간으로 5분이 넘게 걸립니다. 안정될 때까지 버튼을 한 번 누르면 됩니다.',
        },
      ],
      solution: [],
      faults: [{ kind: 'stopNode', node: FAILED }],
    },
    {
      id: 'back-in-service',
      text: {
        en: `Bring both nodes back: press “Power on ${FAILED}” and run \`kubectl uncordon ${CORDONED}\`. The pods do not move back by themselves: the scheduler only places new pods.`,
        ko: `두 노드를 모두 되돌립니다. "${FAILED} 전원 켜기" 버튼을 누르고 \`kubectl uncordon ${CORDONED}\`를 실행하세요. 파드가 저절로 돌아가지는 않습니다. 스케줄러는 새 파드를 배치할 때만 일합니다.`,
      },
      want: {
        en: 'All four nodes Ready and schedulable; 6 web pods Running',
        ko: '노드 네 대 모두 Ready이고 스케줄 가능, web 파드 6개 Running',
      },
      goal: (view) =>
        view
          .nodes()
          .every((node) => isReady(view, node.metadata.name) && !node.spec.unschedulable) &&
        readyApp(view, 'web', 6),
      hints: [
        {
          en: 'Two actions: the power button and `kubectl uncordon`.',
          ko: '두 가지를 해야 합니다. 전원 버튼과 `kubectl uncordon`입니다.',
        },
      ],
      solution: [`kubectl uncordon ${CORDONED}`],
      faults: [{ kind: 'startNode', node: FAILED }],
    },
  ],
  outro: {
    en: `On a real cluster: \`kubectl cordon ${CORDONED}\`, \`kubectl drain ${CORDONED} --ignore-daemonsets --delete-emptydir-data\` (DaemonSet pods cannot be drained, they would come straight back), do the maintenance, then \`kubectl uncordon ${CORDONED}\`. For a dead node, \`kubectl get nodes\` and \`kubectl describe node\` show the NotReady condition and its taints.`,
    ko: `실제 클러스터에서는 \`kubectl cordon ${CORDONED}\`, \`kubectl drain ${CORDONED} --ignore-daemonsets --delete-emptydir-data\`로 비우고(데몬셋 파드는 내보내도 바로 돌아오므로 건너뜁니다), 점검을 마친 뒤 \`kubectl uncordon ${CORDONED}\`을 실행합니다. 죽은 노드는 \`kubectl get nodes\`와 \`kubectl describe node\`에서 NotReady 조건과 테인트로 확인합니다.`,
  },
};
