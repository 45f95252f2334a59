import type { ClusterView } from './cluster-view';
import { appPods, isControlPlane, kubectlRead, readyApp } from './goals';
import type { Lesson } from './types';

const APP = 'chk-hn';

/** scaledTo: the Deployment wants `count` pods and exactly that many run, none on the control plane. */
function scaledTo(view: ClusterView, count: number): boolean {
  if (view.deployment(APP)?.spec.replicas !== count || !readyApp(view, APP, count)) return false;
  const controlPlanes = new Set(
    view
      .nodes()
      .filter(isControlPlane)
      .map((n) => n.metadata.name),
  );
  return appPods(view, APP).every(
    (pod) => pod.spec.nodeName !== undefined && !controlPlanes.has(pod.spec.nodeName),
  );
}

/** lastBind is the sequence number of the last time kube-scheduler bound a chk-hn pod. */
function lastBind(view: ClusterView): number | undefined {
  return view
    .hops()
    .filter(
      (hop) =>
        hop.from === 'kube-scheduler' &&
        hop.verb === 'bind' &&
        hop.object.kind === 'Pod' &&
        hop.object.name.startsWith(`${APP}-`),
    )
    .at(-1)?.seq;
}

/** scaleInVictims are the pods the ReplicaSet controller deleted to shrink chk-hn. */
const scaleInVictims = (view: ClusterView) =>
  view
    .hops()
    .filter(
      (hop) =>
        hop.from === 'kube-controller-manager' &&
        hop.channel === 'request' &&
        hop.verb === 'delete' &&
        hop.object.kind === 'Pod' &&
        hop.note?.code === 'rs.delete',
    );

/** scaling grows a Deployment to five pods across the workers, then shrinks it back to two. */
export const scaling: Lesson = {
  id: 'scaling',
  preset: 'kubeadm',
  title: { en: 'Scaling out and in', ko: '스케일 아웃/인' },
  summary: {
    en: 'Change one number and the cluster adds or removes pods to match. Scale a Deployment from two pods to five and back, see where the scheduler puts the new ones, and which ones the ReplicaSet controller picks to remove.',
    ko: '숫자 하나만 바꾸면 클러스터가 그에 맞춰 파드를 늘리거나 줄입니다. 디플로이먼트를 파드 두 개에서 다섯 개로 늘렸다가 다시 줄이면서, 스케줄러가 새 파드를 어디에 두는지, 레플리카셋 컨트롤러가 어떤 파드를 골라 지우는지 살펴봅니다.',
  },
  steps: [
    {
      id: 'two-replicas',
      text: {
        en: 'Start with two pods: `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2`, and let them start.',
        ko: '파드 두 개로 시작합니다. `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2`를 실행하고 파드가 뜰 때까지 기다리세요.',
      },
      want: {
        en: '2 pods chk-hn Running on workers',
        ko: 'chk-hn 파드 2개가 워커에서 Running',
      },
      goal: (view) => scaledTo(view, 2),
      hints: [
        {
          en: 'Press Step to quiet once the command is accepted.',
          ko: '명령이 받아들여지면 안정될 때까지 버튼을 누르세요.',
        },
        {
          en: 'Created it with one replica? `kubectl scale deployment chk-hn --replicas=2`.',
          ko: '레플리카 하나로 만들었다면 `kubectl scale deployment chk-hn --replicas=2`를 실행하세요.',
        },
      ],
      solution: ['kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2'],
    },
    {
      id: 'scale-out',
      predict: {
        question: {
          en: 'You ask for five pods on a cluster with four nodes. How many will land on m-k8s?',
          ko: '노드가 네 대인 클러스터에 파드 다섯 개를 요청합니다. m-k8s에는 몇 개가 배치될까요?',
        },
        choices: [
          { id: '0', text: { en: 'None', ko: '0개' } },
          { id: '1', text: { en: 'One', ko: '1개' } },
          { id: '2', text: { en: 'Two', ko: '2개' } },
        ],
        answer: '0',
        explanation: {
          en: 'The control-plane taint filters m-k8s out before scoring, so all five pods share the three workers.',
          ko: '컨트롤 플레인 테인트 때문에 m-k8s는 점수를 매기기 전 필터 단계에서 이미 빠집니다. 그래서 파드 다섯 개는 워커 세 대에 나뉘어 배치됩니다.',
        },
      },
      text: {
        en: 'Scale out: `kubectl scale deployment chk-hn --replicas=5`. Only the desired count in the Deployment changes; the ReplicaSet controller sees two pods where five are wanted and creates three more, and kube-scheduler picks a node for each one.',
        ko: '스케일 아웃을 해 봅시다. `kubectl scale deployment chk-hn --replicas=5`를 실행하세요. 바뀌는 것은 디플로이먼트에 적힌 원하는 개수뿐입니다. 레플리카셋 컨트롤러는 다섯 개가 필요한데 두 개뿐인 것을 보고 세 개를 더 만들고, kube-scheduler가 새 파드마다 노드를 골라 줍니다.',
      },
      want: {
        en: '5 pods chk-hn Running, none on m-k8s',
        ko: 'chk-hn 파드 5개 Running, m-k8s에는 없음',
      },
      goal: (view) => scaledTo(view, 5),
      hints: [
        {
          en: 'Check the number: `--replicas=5`.',
          ko: '숫자를 확인하세요. `--replicas=5`입니다.',
        },
        {
          en: 'Wait until all five pods are Running: Step to quiet helps.',
          ko: '다섯 개 모두 Running이 될 때까지 기다리세요. 안정될 때까지 버튼을 쓰면 편합니다.',
        },
      ],
      solution: ['kubectl scale deployment chk-hn --replicas=5'],
    },
    {
      id: 'see-spread',
      text: {
        en: 'See where they went: `kubectl get pods -o wide`. The NODE column shows the pods spread over w1-k8s, w2-k8s and w3-k8s, and never m-k8s. The scheduler scores nodes and prefers those running fewer of the same pods.',
        ko: '파드가 어디로 갔는지 확인해 봅시다. `kubectl get pods -o wide`를 실행하세요. NODE 열을 보면 파드가 w1-k8s, w2-k8s, w3-k8s에 나뉘어 있고 m-k8s에는 하나도 없습니다. 스케줄러는 노드마다 점수를 매기는데, 같은 파드가 적게 떠 있는 노드에 더 높은 점수를 줍니다.',
      },
      want: {
        en: 'The placement of all 5 pods read',
        ko: '파드 5개의 배치 확인',
      },
      goal: (view) => {
        const bound = lastBind(view);
        return (
          scaledTo(view, 5) &&
          bound !== undefined &&
          kubectlRead(view, { kinds: ['pods'], after: bound })
        );
      },
      hints: [
        {
          en: 'The NODE column only appears with `-o wide`.',
          ko: 'NODE 열은 `-o wide`를 붙여야 보입니다.',
        },
        {
          en: 'Run it after all five pods have been placed.',
          ko: '다섯 개가 모두 노드에 배치된 뒤에 실행하세요.',
        },
      ],
      solution: ['kubectl get pods -o wide'],
    },
    {
      id: 'scale-in',
      predict: {
        question: {
          en: 'Back to two pods: which pods does the ReplicaSet controller remove first?',
          ko: '다시 두 개로 줄이면 레플리카셋 컨트롤러는 어떤 파드부터 지울까요?',
        },
        choices: [
          {
            id: 'least-useful',
            text: {
              en: 'The least useful: not yet scheduled or not ready, then the newest',
              ko: '가장 덜 쓸모 있는 파드: 아직 배치되지 않았거나 준비되지 않은 파드, 그다음은 가장 새 파드',
            },
          },
          { id: 'oldest', text: { en: 'The oldest ones', ko: '가장 오래된 파드' } },
          { id: 'random', text: { en: 'Any three, at random', ko: '아무거나 무작위로 세 개' } },
        ],
        answer: 'least-useful',
        explanation: {
          en: 'The controller ranks its pods and removes from the top: unscheduled, then pending, then not ready; among healthy pods, those sharing a node with more of their siblings, then the most recently ready. Pods that have served longest are kept.',
          ko: '컨트롤러는 파드에 순위를 매겨 위에서부터 지웁니다. 배치되지 않은 파드, Pending 파드, 준비되지 않은 파드 순이고, 모두 정상이라면 같은 노드에 형제 파드가 더 많이 몰린 파드, 그다음 가장 최근에 준비된 파드를 먼저 지웁니다. 가장 오래 일해 온 파드가 남는 셈입니다.',
        },
      },
      text: {
        en: 'Scale in: `kubectl scale deployment chk-hn --replicas=2`, then Step slowly and watch kube-controller-manager send three delete requests, one per victim. All five pods are healthy here, so the newest ones are the likely victims. Compare the two names that remain with the first two pods from step 1.',
        ko: '스케일 인을 해 봅시다. `kubectl scale deployment chk-hn --replicas=2`를 실행한 뒤 한 단계씩 진행하면서 kube-controller-manager가 지울 파드마다 삭제 요청을 하나씩, 모두 세 개 보내는 것을 지켜보세요. 지금은 다섯 파드가 모두 정상이라 새로 생긴 파드가 지워질 가능성이 큽니다. 남은 두 파드의 이름을 1단계에서 만든 두 파드와 비교해 보세요.',
      },
      want: {
        en: '2 pods chk-hn Running, 3 removed',
        ko: 'chk-hn 파드 2개 Running, 3개 삭제',
      },
      goal: (view) =>
        scaledTo(view, 2) &&
        view.pods().filter((pod) => pod.metadata.labels?.['app'] === APP).length === 2 &&
        scaleInVictims(view).length >= 3,
      hints: [
        {
          en: 'The number this time is `--replicas=2`.',
          ko: '이번 숫자는 `--replicas=2`입니다.',
        },
        {
          en: 'The step is done once the three pods have finished terminating: press Step to quiet.',
          ko: '파드 세 개의 종료가 끝나야 이 단계가 완료됩니다. 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: ['kubectl scale deployment chk-hn --replicas=2'],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl scale deployment chk-hn --replicas=5`, `kubectl get pods -o wide` to see the spread, and `kubectl scale deployment chk-hn --replicas=2`. Editing `replicas:` in the manifest and running `kubectl apply -f` does the same, declaratively.',
    ko: '실제 클러스터에서는 `kubectl scale deployment chk-hn --replicas=5`로 늘리고, `kubectl get pods -o wide`로 배치된 노드를 확인한 다음, `kubectl scale deployment chk-hn --replicas=2`로 줄입니다. 매니페스트의 `replicas:` 값을 고치고 `kubectl apply -f`를 실행해도 같은 결과를 선언적으로 얻을 수 있습니다.',
  },
};
