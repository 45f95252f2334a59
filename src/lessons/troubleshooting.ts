import type { ClusterView } from './cluster-view';
import {
  firstRequestFrom,
  isRunningReady,
  kubectlRead,
  restartCount,
  waitingReason,
} from './goals';
import { applyPod } from './manifests';
import type { Lesson } from './types';

const PICKY = applyPod({
  name: 'picky',
  image: 'nginx:1.27',
  container: 'nginx',
  podFields: `nodeSelector:
  disktype: ssd`,
});

/** pickyPending: picky waits for a node because none carries its nodeSelector's label. */
const pickyPending = (view: ClusterView) => {
  const picky = view.pod('picky');
  return (
    picky !== undefined &&
    picky.spec.nodeName === undefined &&
    (picky.status.conditions ?? []).some(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    )
  );
};

/**
 * troubleshooting walks the three failures learners meet first, each found the way it is on any
 * cluster (`get` for the STATUS, `describe` for the events, `logs --previous` for a crash) and
 * each fixed at its cause.
 */
export const troubleshooting: Lesson = {
  id: 'troubleshooting',
  preset: 'kubeadm',
  title: {
    en: 'Troubleshooting: ImagePullBackOff, CrashLoopBackOff, Pending',
    ko: '문제 해결: ImagePullBackOff, CrashLoopBackOff, Pending',
  },
  summary: {
    en: 'Three pods, three different failures. For each, read the STATUS, find the cause with `describe` or `logs`, and fix what is actually wrong. The STATUS names which component is stuck: the kubelet pulling, the container exiting, or the scheduler finding no node.',
    ko: '파드 세 개가 저마다 다른 이유로 실패합니다. 각각 STATUS를 읽고, `describe`나 `logs`로 원인을 찾고, 정말 잘못된 곳을 고칩니다. STATUS를 보면 어느 구성 요소가 막혔는지 알 수 있습니다. 이미지를 받는 kubelet인지, 종료되는 컨테이너인지, 노드를 찾지 못한 스케줄러인지요.',
  },
  steps: [
    {
      id: 'bad-image',
      predict: {
        question: {
          en: 'You run a pod with the image nginx:1.27.99, a tag that does not exist. What STATUS does it settle in?',
          ko: '존재하지 않는 태그인 nginx:1.27.99 이미지로 파드를 띄웁니다. STATUS는 결국 무엇이 될까요?',
        },
        choices: [
          { id: 'pull', text: { en: 'ImagePullBackOff', ko: 'ImagePullBackOff' } },
          { id: 'crash', text: { en: 'CrashLoopBackOff', ko: 'CrashLoopBackOff' } },
          { id: 'pending', text: { en: 'Pending', ko: 'Pending' } },
        ],
        answer: 'pull',
        explanation: {
          en: 'The scheduler does not check images, so the pod is placed. The kubelet’s pull fails (ErrImagePull) and it retries with a growing back-off, shown as ImagePullBackOff. `describe` has the registry’s answer: the tag was “not found”.',
          ko: '스케줄러는 이미지를 확인하지 않으므로 파드는 노드에 배치됩니다. kubelet의 이미지 받기가 실패하고(ErrImagePull), 간격을 늘려 가며 다시 시도하는 동안 ImagePullBackOff로 보입니다. `describe`에는 태그를 찾지 못했다("not found")는 레지스트리의 대답이 나옵니다.',
        },
      },
      text: {
        en: 'Run a pod with a typo in its tag: `kubectl run typo --image=nginx:1.27.99`, and watch `kubectl get pods` as the kubelet tries to pull it.',
        ko: '태그에 오타가 있는 파드를 띄워 봅시다. `kubectl run typo --image=nginx:1.27.99`를 실행하고, kubelet이 이미지를 받으려 애쓰는 동안 `kubectl get pods`를 지켜보세요.',
      },
      want: {
        en: 'Pod typo in ImagePullBackOff',
        ko: 'typo 파드가 ImagePullBackOff',
      },
      goal: (view) => waitingReason(view.pod('typo')) === 'ImagePullBackOff',
      hints: [
        {
          en: 'ErrImagePull comes first; ImagePullBackOff follows after the next failed try.',
          ko: 'ErrImagePull이 먼저 나오고, 다음 시도도 실패하면 ImagePullBackOff가 됩니다.',
        },
      ],
      solution: ['kubectl run typo --image=nginx:1.27.99'],
    },
    {
      id: 'read-pull-error',
      text: {
        en: 'Find the cause: `kubectl describe pod typo`. The Events show the kubelet Pulling, then Failed with the registry’s answer, then BackOff.',
        ko: '원인을 찾아봅시다. `kubectl describe pod typo`를 실행하세요. Events에 kubelet이 이미지를 받으려다(Pulling) 레지스트리의 대답과 함께 실패하고(Failed), 기다리는(BackOff) 과정이 나옵니다.',
      },
      want: {
        en: 'Pod typo’s pull failure read in its events',
        ko: 'typo 파드의 이미지 받기 실패를 이벤트에서 확인',
      },
      goal: (view) => {
        // Only a read after the kubelet first reported on the pod shows its events.
        const after = firstRequestFrom(view, 'kubelet', 'Pod', 'typo');
        return (
          waitingReason(view.pod('typo')) === 'ImagePullBackOff' &&
          after !== undefined &&
          kubectlRead(view, { kinds: ['pod'], name: 'typo', verbs: ['get'], after })
        );
      },
      hints: [
        {
          en: 'The Events section is at the bottom of the output.',
          ko: 'Events 항목은 출력의 맨 아래에 있습니다.',
        },
      ],
      solution: ['kubectl describe pod typo'],
    },
    {
      id: 'fix-image',
      text: {
        en: 'Fix the cause, the tag: delete the pod (`kubectl delete pod typo`) and run it again with a tag that exists, `kubectl run typo --image=nginx:1.27`. In a Deployment you would change the template instead and let the rollout replace the pod.',
        ko: '원인인 태그를 고칩니다. `kubectl delete pod typo`로 파드를 지우고, 실제로 있는 태그로 `kubectl run typo --image=nginx:1.27`을 다시 실행하세요. 디플로이먼트였다면 템플릿의 이미지를 고쳐서 롤아웃이 파드를 바꾸게 했을 것입니다.',
      },
      want: { en: 'Pod typo Running nginx:1.27', ko: 'typo 파드가 nginx:1.27로 Running' },
      goal: (view) => {
        const typo = view.pod('typo');
        return (
          typo !== undefined &&
          typo.spec.containers[0]?.image === 'nginx:1.27' &&
          isRunningReady(typo)
        );
      },
      hints: [
        {
          en: 'A pod named typo already exists: delete it before running the new one.',
          ko: 'typo라는 파드가 이미 있으니, 새로 띄우기 전에 먼저 지우세요.',
        },
      ],
      solution: ['kubectl delete pod typo', 'kubectl run typo --image=nginx:1.27'],
    },
    {
      id: 'crash-loop',
      predict: {
        question: {
          en: 'A container prints “starting” and exits with code 1, every time. What STATUS does it settle in?',
          ko: '컨테이너가 "starting"을 출력하고 매번 코드 1로 종료합니다. STATUS는 결국 무엇이 될까요?',
        },
        choices: [
          { id: 'crash', text: { en: 'CrashLoopBackOff', ko: 'CrashLoopBackOff' } },
          {
            id: 'error',
            text: { en: 'Error, and it stays stopped', ko: 'Error로 멈춘 채 그대로' },
          },
          { id: 'completed', text: { en: 'Completed', ko: 'Completed' } },
        ],
        answer: 'crash',
        explanation: {
          en: 'A bare pod’s restartPolicy is Always, so the kubelet restarts the container after each exit, waiting 10s, 20s, 40s and so on up to 5 minutes: CrashLoopBackOff is that wait. Nothing is wrong with Kubernetes here; the answer is in the container’s own output, `kubectl logs crash --previous`.',
          ko: '단독 파드의 restartPolicy는 Always라서 kubelet은 컨테이너가 끝날 때마다 다시 띄우는데, 10초, 20초, 40초처럼 최대 5분까지 간격을 늘립니다. 그 기다림이 CrashLoopBackOff입니다. 쿠버네티스에는 잘못이 없고, 답은 컨테이너 자신의 출력인 `kubectl logs crash --previous`에 있습니다.',
        },
      },
      text: {
        en: 'Run a container that fails on start: `kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"`. Step to quiet, then read what it said before dying: `kubectl logs crash --previous`.',
        ko: '시작하자마자 실패하는 컨테이너를 띄워 봅시다. `kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"`을 실행하세요. 안정될 때까지 진행한 뒤, 죽기 전에 무엇을 출력했는지 `kubectl logs crash --previous`로 읽어 보세요.',
      },
      want: {
        en: 'Pod crash in CrashLoopBackOff after at least 2 restarts',
        ko: 'crash 파드가 2번 이상 재시작한 뒤 CrashLoopBackOff',
      },
      goal: (view) => {
        const crash = view.pod('crash');
        return waitingReason(crash) === 'CrashLoopBackOff' && restartCount(crash) >= 2;
      },
      hints: [
        {
          en: 'The restarts are spaced out: Step to quiet a couple of times.',
          ko: '재시작 사이에 간격이 있으니 안정될 때까지 버튼을 두어 번 누르세요.',
        },
      ],
      solution: ['kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"'],
    },
    {
      id: 'pending',
      predict: {
        question: {
          en: 'Pod picky has `nodeSelector: disktype: ssd`, and no node has that label. What does `kubectl describe pod picky` report?',
          ko: 'picky 파드에는 `nodeSelector: disktype: ssd`가 있는데, 이 레이블을 가진 노드가 없습니다. `kubectl describe pod picky`에는 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'selector',
            text: {
              en: 'node(s) didn’t match Pod’s node affinity/selector',
              ko: 'node(s) didn’t match Pod’s node affinity/selector (노드 셀렉터 불일치)',
            },
          },
          { id: 'cpu', text: { en: 'Insufficient cpu', ko: 'Insufficient cpu (CPU 부족)' } },
          {
            id: 'pull',
            text: { en: 'Failed to pull image', ko: 'Failed to pull image (이미지 받기 실패)' },
          },
        ],
        answer: 'selector',
        explanation: {
          en: 'A nodeSelector is a hard requirement checked by the NodeAffinity filter: three workers fail it, and m-k8s fails its taint first. Pending always means the scheduler found no node; the FailedScheduling event says which filter said no.',
          ko: 'nodeSelector는 NodeAffinity 필터가 검사하는 필수 조건입니다. 워커 세 대가 이 조건에서 떨어지고, m-k8s는 그 전에 테인트에서 떨어집니다. Pending은 언제나 스케줄러가 노드를 찾지 못했다는 뜻이고, 어느 필터가 막았는지는 FailedScheduling 이벤트에 나옵니다.',
        },
      },
      text: {
        en: 'Apply picky from the solution and see it stay Pending in `kubectl get pods -o wide`: no NODE.',
        ko: '정답의 picky를 적용하고 `kubectl get pods -o wide`에서 Pending에 머무는 것을 확인하세요. NODE 열이 비어 있습니다.',
      },
      want: {
        en: 'Pod picky Pending, on no node (Unschedulable)',
        ko: 'picky 파드가 어느 노드에도 없이 Pending (Unschedulable)',
      },
      goal: pickyPending,
      hints: [
        {
          en: 'Copy the YAML from the solution into the Manifest editor and press Apply.',
          ko: '정답의 YAML을 복사해 매니페스트 편집기에 붙여 넣고 적용 버튼을 누르세요.',
        },
      ],
      solution: [PICKY],
    },
    {
      id: 'read-scheduling',
      text: {
        en: 'Find out why: `kubectl describe pod picky`. The FailedScheduling event at the bottom counts the nodes each filter turned down.',
        ko: '이유를 찾아봅시다. `kubectl describe pod picky`를 실행하세요. 맨 아래 FailedScheduling 이벤트에 필터마다 몇 대의 노드를 거절했는지 나옵니다.',
      },
      want: {
        en: 'Pod picky’s FailedScheduling event read',
        ko: 'picky 파드의 FailedScheduling 이벤트 확인',
      },
      goal: (view) => {
        const after = firstRequestFrom(view, 'kube-scheduler', 'Pod', 'picky');
        return (
          pickyPending(view) &&
          after !== undefined &&
          kubectlRead(view, { kinds: ['pod'], name: 'picky', verbs: ['get'], after })
        );
      },
      hints: [
        {
          en: 'Read the event before fixing anything: it names the filter that failed.',
          ko: '고치기 전에 이벤트부터 읽으세요. 실패한 필터의 이름이 나옵니다.',
        },
      ],
      solution: ['kubectl describe pod picky'],
    },
    {
      id: 'fix-pending',
      text: {
        en: 'Fix the cluster side: give a worker the label the pod asks for, `kubectl label node w2-k8s disktype=ssd`. The scheduler retries the pod when a node changes, and picky starts there.',
        ko: '클러스터 쪽을 고칩니다. 파드가 요구하는 레이블을 워커에 붙이세요. `kubectl label node w2-k8s disktype=ssd`를 실행하면, 노드가 바뀐 것을 본 스케줄러가 파드를 다시 시도해 picky가 그 노드에서 시작됩니다.',
      },
      want: {
        en: 'Pod picky Running on the node labelled disktype=ssd',
        ko: 'picky 파드가 disktype=ssd 레이블을 단 노드에서 Running',
      },
      goal: (view) => {
        const picky = view.pod('picky');
        const node = picky?.spec.nodeName ? view.node(picky.spec.nodeName) : undefined;
        return (
          picky !== undefined &&
          isRunningReady(picky) &&
          node?.metadata.labels?.['disktype'] === 'ssd'
        );
      },
      hints: [
        {
          en: 'Either side can be fixed: label a node, or remove the nodeSelector (which means deleting and recreating the pod).',
          ko: '어느 쪽을 고쳐도 됩니다. 노드에 레이블을 붙이거나, nodeSelector를 빼는 것이죠(이 경우 파드를 지우고 다시 만들어야 합니다).',
        },
      ],
      solution: ['kubectl label node w2-k8s disktype=ssd'],
    },
  ],
  outro: {
    en: 'On a real cluster the order is always the same: `kubectl get pods` for the STATUS, `kubectl describe pod <name>` for the events (pull errors, scheduling failures, probe failures), `kubectl logs <name> --previous` for a crash, and `kubectl get events --sort-by=.lastTimestamp` for everything at once.',
    ko: '실제 클러스터에서도 순서는 늘 같습니다. `kubectl get pods`로 STATUS를 보고, `kubectl describe pod <이름>`으로 이벤트(이미지 받기 오류, 스케줄링 실패, 프로브 실패)를 보고, 크래시라면 `kubectl logs <이름> --previous`를 봅니다. 전체를 한꺼번에 보려면 `kubectl get events --sort-by=.lastTimestamp`를 씁니다.',
  },
};
