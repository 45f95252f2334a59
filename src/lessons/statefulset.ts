import type { ClusterView } from './cluster-view';
import { isRunningReady, kubectlDeleteSeq, lastPodCreated, podsOf } from './goals';
import type { Lesson } from './types';

const STATEFULSET = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7.4
        ports:
        - containerPort: 6379
EOF`;

/** ordinals: the db pods are exactly db-0..db-(count-1), all Running and Ready. */
function ordinals(view: ClusterView, count: number): boolean {
  const pods = podsOf(view, 'app', 'db');
  const names = pods.map((pod) => pod.metadata.name).sort();
  const wanted = Array.from({ length: count }, (_, i) => `db-${i}`);
  return JSON.stringify(names) === JSON.stringify(wanted) && pods.every(isRunningReady);
}

/** createdSeq is the sequence number of the StatefulSet controller's last create of a pod. */
const createdSeq = (view: ClusterView, name: string) => lastPodCreated(view, { name });

/** createdInOrder: db-0, db-1 and db-2 were last created in ordinal order. */
function createdInOrder(view: ClusterView): boolean {
  const seqs = ['db-0', 'db-1', 'db-2'].map((name) => createdSeq(view, name));
  return seqs.every((seq, i) => seq !== undefined && (i === 0 || seq > seqs[i - 1]!));
}

/**
 * statefulSet shows what a StatefulSet promises that a Deployment does not: stable names with
 * ordinals, created one at a time in order, a replacement that keeps the old name, and scale-in
 * from the highest ordinal down.
 */
export const statefulSet: Lesson = {
  id: 'statefulset',
  preset: 'kubeadm',
  title: {
    en: 'StatefulSet: pods with a name and a place in line',
    ko: '스테이트풀셋: 이름과 순서가 있는 파드',
  },
  summary: {
    en: 'A Deployment’s pods are interchangeable: random names, started all at once. Databases need more: a stable identity and an order. A StatefulSet names its pods db-0, db-1, db-2, starts each after the previous one is ready, and gives a replacement the same name.',
    ko: '디플로이먼트의 파드는 서로 바꿔 써도 되는 존재라 이름이 무작위이고 한꺼번에 뜹니다. 데이터베이스는 그보다 더 많은 것이 필요합니다. 변하지 않는 정체성과 순서입니다. 스테이트풀셋은 파드 이름을 db-0, db-1, db-2로 짓고, 앞 파드가 준비되어야 다음 파드를 띄우며, 대신 들어오는 파드에도 같은 이름을 줍니다.',
  },
  steps: [
    {
      id: 'in-order',
      predict: {
        question: {
          en: 'The StatefulSet asks for 3 replicas. When is db-2 created?',
          ko: '스테이트풀셋이 레플리카 3개를 요청합니다. db-2는 언제 만들어질까요?',
        },
        choices: [
          {
            id: 'together',
            text: { en: 'At the same time as db-0 and db-1', ko: 'db-0, db-1과 동시에' },
          },
          {
            id: 'after-ready',
            text: { en: 'Once db-1 is Running and Ready', ko: 'db-1이 Running이고 Ready가 된 뒤' },
          },
        ],
        answer: 'after-ready',
        explanation: {
          en: 'With the default podManagementPolicy, OrderedReady, the StatefulSet controller creates one pod per sync and waits: db-1 only after db-0 is ready, db-2 only after db-1. A database replica can then count on its predecessor being up.',
          ko: '기본 podManagementPolicy인 OrderedReady에서는 스테이트풀셋 컨트롤러가 파드를 하나 만들고 기다립니다. db-0이 준비되어야 db-1을, db-1이 준비되어야 db-2를 만듭니다. 그래서 데이터베이스 복제본은 앞 순서의 파드가 떠 있다고 믿고 시작할 수 있습니다.',
        },
      },
      text: {
        en: 'Apply the StatefulSet db from the solution (three redis pods), then Step slowly and watch `kubectl get pods`: db-0 first, then db-1, then db-2.',
        ko: '정답에 있는 db 스테이트풀셋(redis 파드 세 개)을 적용하고, 한 단계씩 진행하면서 `kubectl get pods`를 보세요. db-0이 먼저, 그다음 db-1, 마지막으로 db-2가 뜹니다.',
      },
      want: {
        en: 'Pods db-0, db-1, db-2 Running, created in that order',
        ko: 'db-0, db-1, db-2 파드가 그 순서로 만들어져 Running',
      },
      goal: (view) =>
        view.statefulSets().some((sts) => sts.metadata.name === 'db') &&
        ordinals(view, 3) &&
        createdInOrder(view),
      hints: [
        {
          en: 'Copy the YAML from the solution into the Manifest editor and press Apply.',
          ko: '정답의 YAML을 복사해 매니페스트 편집기에 붙여 넣고 적용 버튼을 누르세요.',
        },
      ],
      solution: [STATEFULSET],
    },
    {
      id: 'same-name',
      predict: {
        question: {
          en: 'You delete db-1. What is the replacement called?',
          ko: 'db-1을 지웁니다. 새로 생기는 파드의 이름은 무엇일까요?',
        },
        choices: [
          { id: 'same', text: { en: 'db-1 again', ko: '다시 db-1' } },
          { id: 'next', text: { en: 'db-3', ko: 'db-3' } },
          { id: 'random', text: { en: 'db-<random suffix>', ko: 'db-<무작위 접미사>' } },
        ],
        answer: 'same',
        explanation: {
          en: 'The controller fills each missing ordinal, so the new pod is db-1 again, with a new UID and maybe a new node. Its volumes (from volumeClaimTemplates) and DNS name db-1.db follow the name, which is what stateful apps rely on.',
          ko: '컨트롤러는 비어 있는 순번을 채우므로 새 파드도 db-1입니다. UID는 새로 받고 노드도 바뀔 수 있습니다. volumeClaimTemplates로 만든 볼륨과 db-1.db 같은 DNS 이름이 이 이름을 따라가기 때문에 상태가 있는 앱이 안심하고 기댈 수 있습니다.',
        },
      },
      text: {
        en: 'Delete the middle pod: `kubectl delete pod db-1`. The StatefulSet controller notices the missing ordinal and creates it again.',
        ko: '가운데 파드를 지워 봅시다. `kubectl delete pod db-1`을 실행하세요. 스테이트풀셋 컨트롤러가 빠진 순번을 알아채고 다시 만듭니다.',
      },
      want: {
        en: 'A new db-1 Running beside db-0 and db-2',
        ko: '새 db-1이 db-0, db-2와 함께 Running',
      },
      goal: (view) => {
        const deleted = kubectlDeleteSeq(view, 'pod', 'db-1');
        const recreated = createdSeq(view, 'db-1');
        return (
          deleted !== undefined &&
          recreated !== undefined &&
          recreated > deleted &&
          ordinals(view, 3)
        );
      },
      hints: [
        {
          en: 'Step to quiet after the delete: the old db-1 must finish terminating first.',
          ko: '삭제한 뒤 안정될 때까지 버튼을 누르세요. 옛 db-1이 먼저 완전히 종료되어야 합니다.',
        },
      ],
      solution: ['kubectl delete pod db-1'],
    },
    {
      id: 'scale-in',
      predict: {
        question: {
          en: 'You scale db to 1 replica. Which pod goes first?',
          ko: 'db를 레플리카 1개로 줄입니다. 어떤 파드가 먼저 지워질까요?',
        },
        choices: [
          { id: 'db-0', text: { en: 'db-0, the oldest', ko: '가장 오래된 db-0' } },
          { id: 'db-2', text: { en: 'db-2, the highest ordinal', ko: '순번이 가장 큰 db-2' } },
          { id: 'db-1', text: { en: 'db-1, the newest', ko: '가장 새로 생긴 db-1' } },
        ],
        answer: 'db-2',
        explanation: {
          en: 'A StatefulSet scales in from the top, one pod at a time: db-2 terminates completely before db-1 starts to go. db-0, often the primary, is the last to leave.',
          ko: '스테이트풀셋은 가장 큰 순번부터 하나씩 줄입니다. db-2가 완전히 종료된 뒤에야 db-1이 내려가기 시작합니다. 주로 프라이머리 역할을 하는 db-0은 마지막까지 남습니다.',
        },
      },
      text: {
        en: 'Scale in: `kubectl scale statefulset db --replicas=1`, and Step to see the order the pods leave in.',
        ko: '스케일 인을 해 봅시다. `kubectl scale statefulset db --replicas=1`을 실행하고, 한 단계씩 진행하며 파드가 사라지는 순서를 보세요.',
      },
      want: { en: 'Only db-0 Running', ko: 'db-0만 Running' },
      goal: (view) =>
        view.statefulSets().find((sts) => sts.metadata.name === 'db')?.spec.replicas === 1 &&
        ordinals(view, 1) &&
        view.pods().filter((pod) => pod.metadata.labels?.['app'] === 'db').length === 1,
      hints: [
        {
          en: '`kubectl scale` works on StatefulSets as on Deployments: `statefulset db` or `sts db`.',
          ko: '`kubectl scale`은 디플로이먼트처럼 스테이트풀셋에도 씁니다. `statefulset db`나 `sts db`로 지정하세요.',
        },
      ],
      solution: ['kubectl scale statefulset db --replicas=1'],
    },
  ],
  outro: {
    en: 'On a real cluster a StatefulSet comes with a headless Service (`clusterIP: None`, named in serviceName) for the per-pod DNS names, and usually volumeClaimTemplates for per-pod storage. `kubectl get sts`, `kubectl rollout status sts/db` and `kubectl scale sts db --replicas=3` work as for Deployments.',
    ko: '실제 클러스터에서 스테이트풀셋은 파드별 DNS 이름을 위한 헤드리스 서비스(`clusterIP: None`, serviceName에 적는 이름)와 함께 쓰고, 보통 파드별 저장소를 위한 volumeClaimTemplates도 둡니다. `kubectl get sts`, `kubectl rollout status sts/db`, `kubectl scale sts db --replicas=3`은 디플로이먼트와 똑같이 동작합니다.',
  },
};
