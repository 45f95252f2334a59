import type { ClusterView } from './cluster-view';
import { firstRequestFrom, isControlPlane, isRunningReady, kubectlRead } from './goals';
import { applyPod } from './manifests';
import type { Lesson } from './types';

const podWithCpu = (name: string, cpu: string) =>
  applyPod({
    name,
    image: 'nginx:1.27',
    containerFields: `resources:
  requests:
    cpu: "${cpu}"
    memory: 128Mi`,
  });

/** unschedulable: the scheduler tried greedy and recorded why no node fits. */
function unschedulable(view: ClusterView): boolean {
  const pod = view.pod('greedy');
  return (
    pod !== undefined &&
    pod.spec.nodeName === undefined &&
    (pod.status.conditions ?? []).some(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    )
  );
}

/**
 * scheduler opens kube-scheduler's decision: filters drop nodes that cannot run the pod (a taint,
 * too little CPU), scores rank the rest, and a pod no node passes stays Pending with the reasons.
 */
export const scheduler: Lesson = {
  id: 'scheduler',
  preset: 'kubeadm',
  title: {
    en: 'Inside the scheduler: resources, filters and scores',
    ko: '스케줄러 들여다보기: 리소스, 필터, 점수',
  },
  summary: {
    en: 'kube-scheduler places each new pod in two passes: filters remove the nodes that cannot run it, then scores rank the ones left. Ask for more CPU than any node has, read why the pod stays Pending, then ask for a sensible amount.',
    ko: 'kube-scheduler는 새 파드를 두 단계로 배치합니다. 먼저 필터가 파드를 실행할 수 없는 노드를 걸러내고, 남은 노드에 점수를 매겨 순위를 정합니다. 어떤 노드보다도 많은 CPU를 요청해 파드가 왜 Pending에 머무는지 읽어 보고, 알맞은 양으로 다시 요청해 봅니다.',
  },
  steps: [
    {
      id: 'too-greedy',
      predict: {
        question: {
          en: 'Every node has 2 CPUs. A pod requests 3. Where does it run?',
          ko: '노드마다 CPU가 2개입니다. 파드가 CPU 3개를 요청하면 어디에서 실행될까요?',
        },
        choices: [
          {
            id: 'biggest',
            text: { en: 'On m-k8s, the node with the most memory', ko: '메모리가 가장 많은 m-k8s' },
          },
          {
            id: 'squeezed',
            text: {
              en: 'On a worker, sharing the CPU it has',
              ko: '워커 중 하나에서 있는 CPU를 나눠 쓰며',
            },
          },
          { id: 'nowhere', text: { en: 'Nowhere: it stays Pending', ko: '어디에도 없이 Pending' } },
        ],
        answer: 'nowhere',
        explanation: {
          en: 'A request is a reservation. NodeResourcesFit filters out every node whose allocatable CPU minus what is already requested is below 3, and TaintToleration drops m-k8s anyway. With no node left the pod stays Pending and the scheduler retries when the cluster changes.',
          ko: '요청(request)은 예약입니다. NodeResourcesFit 필터는 할당 가능한 CPU에서 이미 요청된 양을 뺀 값이 3보다 작은 노드를 모두 걸러내고, m-k8s는 TaintToleration에서 이미 빠집니다. 남는 노드가 없으니 파드는 Pending으로 남고, 스케줄러는 클러스터에 변화가 생기면 다시 시도합니다.',
        },
      },
      text: {
        en: 'Apply a pod named greedy that requests 3 CPUs (the solution has the YAML). Step slowly: kube-scheduler picks it up, finds no node, and records why in the pod’s PodScheduled condition and a FailedScheduling event.',
        ko: 'CPU 3개를 요청하는 greedy 파드를 적용하세요(YAML은 정답에 있습니다). 한 단계씩 진행해 보면 kube-scheduler가 파드를 가져가 보지만 맞는 노드를 찾지 못하고, 그 이유를 파드의 PodScheduled 조건과 FailedScheduling 이벤트에 남깁니다.',
      },
      want: {
        en: 'Pod greedy Pending, not on any node, marked Unschedulable',
        ko: 'greedy 파드가 어느 노드에도 배치되지 않은 채 Pending (Unschedulable)',
      },
      goal: unschedulable,
      hints: [
        {
          en: 'Requests go under `resources.requests` of the container: `cpu: "3"`.',
          ko: '요청량은 컨테이너의 `resources.requests` 아래에 `cpu: "3"`처럼 적습니다.',
        },
      ],
      solution: [podWithCpu('greedy', '3')],
    },
    {
      id: 'read-why',
      text: {
        en: 'Find the cause as you would on any cluster: `kubectl describe pod greedy`. The FailedScheduling event counts the nodes each filter removed: one for the control-plane taint, three for Insufficient cpu.',
        ko: '실제 클러스터에서 하듯이 원인을 찾아봅시다. `kubectl describe pod greedy`를 실행하세요. FailedScheduling 이벤트에 필터마다 몇 개의 노드를 걸러냈는지 나옵니다. 컨트롤 플레인 테인트 때문에 한 대, Insufficient cpu 때문에 세 대입니다.',
      },
      want: {
        en: 'Pod greedy still Pending, its FailedScheduling event read',
        ko: 'greedy 파드는 여전히 Pending, FailedScheduling 이벤트 확인',
      },
      goal: (view) => {
        const after = firstRequestFrom(view, 'kube-scheduler', 'Pod', 'greedy');
        return (
          unschedulable(view) &&
          after !== undefined &&
          kubectlRead(view, { kinds: ['pod'], name: 'greedy', verbs: ['get'], after })
        );
      },
      hints: [
        {
          en: 'The Events section is at the bottom of the describe output.',
          ko: 'Events 항목은 describe 출력의 맨 아래에 있습니다.',
        },
      ],
      solution: ['kubectl describe pod greedy'],
    },
    {
      id: 'fits',
      predict: {
        question: {
          en: 'A pod named modest requests half a CPU. How many nodes pass the filters?',
          ko: 'modest 파드는 CPU 0.5개를 요청합니다. 필터를 통과하는 노드는 몇 대일까요?',
        },
        choices: [
          { id: '4', text: { en: 'All four', ko: '네 대 모두' } },
          { id: '3', text: { en: 'The three workers', ko: '워커 세 대' } },
          { id: '1', text: { en: 'Only one', ko: '한 대뿐' } },
        ],
        answer: '3',
        explanation: {
          en: 'Half a CPU fits everywhere, but m-k8s still carries the control-plane NoSchedule taint. The three workers go on to scoring: NodeResourcesFit and BalancedAllocation prefer nodes with more room left and an even CPU/memory mix, and the highest total wins.',
          ko: 'CPU 0.5개는 어느 노드에나 들어가지만, m-k8s에는 여전히 컨트롤 플레인 NoSchedule 테인트가 있습니다. 워커 세 대가 점수 단계로 넘어가고, NodeResourcesFit과 BalancedAllocation이 여유가 더 많고 CPU와 메모리 사용이 고른 노드에 높은 점수를 줍니다. 합계가 가장 높은 노드가 선택됩니다.',
        },
      },
      text: {
        en: 'A pod’s requests cannot be changed in place, so delete greedy (`kubectl delete pod greedy`) and apply modest, requesting `cpu: "500m"`. Pick the pod on the graph to see each node’s filter verdict and score.',
        ko: '파드의 요청량은 실행 중에 바꿀 수 없으니, `kubectl delete pod greedy`로 greedy를 지우고 `cpu: "500m"`을 요청하는 modest 파드를 적용하세요. 그래프에서 파드를 고르면 노드마다 필터 결과와 점수를 볼 수 있습니다.',
      },
      want: {
        en: 'No pod greedy; pod modest Running on a worker',
        ko: 'greedy 파드는 없고, modest 파드가 워커에서 Running',
      },
      goal: (view) => {
        const modest = view.pod('modest');
        const node = modest?.spec.nodeName ? view.node(modest.spec.nodeName) : undefined;
        return (
          view.pod('greedy') === undefined &&
          modest !== undefined &&
          isRunningReady(modest) &&
          node !== undefined &&
          !isControlPlane(node)
        );
      },
      hints: [
        {
          en: '500m is 500 millicores: half a CPU.',
          ko: '500m은 500밀리코어, 즉 CPU 0.5개입니다.',
        },
        {
          en: 'Both pods must be handled: greedy deleted, modest Running.',
          ko: '두 파드 모두 처리해야 합니다. greedy는 지우고 modest는 Running이어야 합니다.',
        },
      ],
      solution: ['kubectl delete pod greedy', podWithCpu('modest', '500m')],
    },
  ],
  outro: {
    en: 'On a real cluster a Pending pod is read with `kubectl describe pod <name>` (the FailedScheduling event) or `kubectl get events --field-selector reason=FailedScheduling`. `kubectl describe node <name>` shows “Allocated resources”: requests already reserved against what the node can give.',
    ko: '실제 클러스터에서 Pending 파드의 원인은 `kubectl describe pod <이름>`의 FailedScheduling 이벤트나 `kubectl get events --field-selector reason=FailedScheduling`으로 확인합니다. `kubectl describe node <이름>`의 "Allocated resources"에는 노드가 내줄 수 있는 양 대비 이미 예약된 요청량이 나옵니다.',
  },
};
