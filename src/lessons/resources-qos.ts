import { bytes } from '../engine';
import type { ClusterView } from './cluster-view';
import { isRunningReady, kubectlDeleteSeq, lastExitReason, restartCount } from './goals';
import { applyPod } from './manifests';
import type { Lesson } from './types';

const STRESS = `command: ["stress"]
args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]`;

/** memoryHog allocates 250 MiB under a memory request and limit of `limit`. */
const memoryHog = (limit: string) =>
  applyPod({
    name: 'memory-hog',
    image: 'polinux/stress',
    containerFields: `${STRESS}
resources:
  requests:
    memory: ${limit}
  limits:
    memory: ${limit}`,
  });

const QOS_PODS = [
  applyPod({
    name: 'guaranteed',
    image: 'nginx:1.27',
    containerFields: `resources:
  requests:
    cpu: 250m
    memory: 128Mi
  limits:
    cpu: 250m
    memory: 128Mi`,
  }),
  applyPod({
    name: 'burstable',
    image: 'nginx:1.27',
    containerFields: `resources:
  requests:
    cpu: 250m
    memory: 64Mi`,
  }),
  applyPod({ name: 'besteffort', image: 'nginx:1.27' }),
];

const QOS: Record<string, string> = {
  guaranteed: 'Guaranteed',
  burstable: 'Burstable',
  besteffort: 'BestEffort',
};

/** memoryLimit is the memory limit of pod memory-hog's container, in bytes. */
function memoryLimit(view: ClusterView): number | undefined {
  const limit = view.pod('memory-hog')?.spec.containers[0]?.resources?.limits?.memory;
  return limit === undefined ? undefined : bytes(limit);
}

/**
 * resourcesQos separates requests (what the scheduler reserves) from limits (what the kernel
 * enforces), shows the QoS class the two give a pod, and lets a container cross its memory limit.
 */
export const resourcesQos: Lesson = {
  id: 'resources-qos',
  preset: 'kubeadm',
  title: {
    en: 'Requests, limits, QoS and OOMKilled',
    ko: '요청, 제한, QoS와 OOMKilled',
  },
  summary: {
    en: 'Requests are what the scheduler reserves for a container; limits are the ceiling the node’s kernel enforces. Together they give each pod a QoS class, which decides who is evicted first when a node runs short. Then a container goes over its memory limit and meets the OOM killer.',
    ko: '요청(requests)은 스케줄러가 컨테이너를 위해 예약하는 양이고, 제한(limits)은 노드의 커널이 강제하는 상한입니다. 둘을 어떻게 주느냐에 따라 파드의 QoS 클래스가 정해지고, 노드에 자원이 모자랄 때 누가 먼저 쫓겨날지가 이 클래스로 갈립니다. 마지막으로 메모리 제한을 넘은 컨테이너가 OOM killer를 만나는 모습을 봅니다.',
  },
  steps: [
    {
      id: 'three-classes',
      predict: {
        question: {
          en: 'Pod guaranteed sets requests equal to limits for CPU and memory; burstable sets only requests; besteffort sets nothing. Which one is evicted first when a node runs out of memory?',
          ko: 'guaranteed 파드는 CPU와 메모리의 요청과 제한을 같게 주고, burstable은 요청만, besteffort는 아무것도 주지 않습니다. 노드에 메모리가 모자라면 어느 파드가 먼저 쫓겨날까요?',
        },
        choices: [
          { id: 'besteffort', text: { en: 'besteffort', ko: 'besteffort' } },
          { id: 'burstable', text: { en: 'burstable', ko: 'burstable' } },
          { id: 'guaranteed', text: { en: 'guaranteed', ko: 'guaranteed' } },
        ],
        answer: 'besteffort',
        explanation: {
          en: 'The API server records a QoS class from requests and limits: Guaranteed (requests equal limits for every container), Burstable (some requests), BestEffort (none). Under memory pressure the kubelet evicts BestEffort pods first and Guaranteed ones last.',
          ko: 'API 서버는 요청과 제한을 보고 QoS 클래스를 기록합니다. 모든 컨테이너에서 요청과 제한이 같으면 Guaranteed, 요청이 일부라도 있으면 Burstable, 아무것도 없으면 BestEffort입니다. 메모리가 부족해지면 kubelet은 BestEffort 파드를 가장 먼저, Guaranteed 파드를 가장 나중에 내보냅니다.',
        },
      },
      text: {
        en: 'Apply the three pods from the solution, then read their class: `kubectl describe pod guaranteed` shows “QoS Class”, as does `kubectl get pod burstable -o yaml` under status.qosClass.',
        ko: '정답에 있는 파드 세 개를 적용한 다음 클래스를 확인하세요. `kubectl describe pod guaranteed`의 "QoS Class" 항목이나, `kubectl get pod burstable -o yaml`의 status.qosClass에 나옵니다.',
      },
      want: {
        en: 'Pods guaranteed, burstable and besteffort Running, one of each QoS class',
        ko: 'guaranteed, burstable, besteffort 파드가 Running, QoS 클래스가 하나씩',
      },
      goal: (view) =>
        Object.entries(QOS).every(([name, qos]) => {
          const p = view.pod(name);
          return p !== undefined && p.status.qosClass === qos && isRunningReady(p);
        }),
      hints: [
        {
          en: 'Guaranteed needs both cpu and memory, with limits equal to requests.',
          ko: 'Guaranteed가 되려면 cpu와 memory 모두 제한이 요청과 같아야 합니다.',
        },
      ],
      solution: QOS_PODS,
    },
    {
      id: 'oom-killed',
      predict: {
        question: {
          en: 'Pod memory-hog allocates 250 MiB with a memory limit of 100Mi. What does its STATUS show first?',
          ko: 'memory-hog 파드는 메모리 제한이 100Mi인데 250MiB를 할당합니다. STATUS에 먼저 무엇이 나올까요?',
        },
        choices: [
          { id: 'oom', text: { en: 'OOMKilled', ko: 'OOMKilled' } },
          { id: 'pending', text: { en: 'Pending', ko: 'Pending' } },
          { id: 'throttled', text: { en: 'Running, just slower', ko: '느려질 뿐 Running' } },
        ],
        answer: 'oom',
        explanation: {
          en: 'Memory cannot be throttled like CPU. The container’s cgroup hits its limit and the kernel’s OOM killer ends the process with SIGKILL (exit code 137); the kubelet reports OOMKilled, restarts it, and after a few rounds the pod sits in CrashLoopBackOff. The scheduler placed it happily: it only looks at requests.',
          ko: '메모리는 CPU처럼 속도를 늦춰 버틸 수가 없습니다. 컨테이너의 cgroup이 제한에 닿으면 커널의 OOM killer가 SIGKILL로 프로세스를 끝내고(종료 코드 137), kubelet은 OOMKilled를 보고한 뒤 재시작합니다. 몇 번 반복되면 파드는 CrashLoopBackOff에 머뭅니다. 스케줄러는 요청만 보기 때문에 배치는 문제없이 해 줍니다.',
        },
      },
      text: {
        en: 'Apply memory-hog from the solution: it runs `stress --vm 1 --vm-bytes 250M --vm-hang 1` under a 100Mi limit. Watch `kubectl get pods`, then `kubectl describe pod memory-hog` for “Last State: Terminated, Reason: OOMKilled, Exit Code: 137”.',
        ko: '정답의 memory-hog를 적용하세요. 100Mi 제한 아래에서 `stress --vm 1 --vm-bytes 250M --vm-hang 1`을 실행합니다. `kubectl get pods`를 지켜본 다음, `kubectl describe pod memory-hog`에서 "Last State: Terminated, Reason: OOMKilled, Exit Code: 137"을 찾아보세요.',
      },
      want: {
        en: 'Pod memory-hog’s container killed: OOMKilled',
        ko: 'memory-hog 파드의 컨테이너가 OOMKilled로 종료됨',
      },
      goal: (view) => lastExitReason(view.pod('memory-hog')) === 'OOMKilled',
      hints: [
        {
          en: 'The image is polinux/stress; the command is stress with its --vm flags.',
          ko: '이미지는 polinux/stress이고, 명령은 --vm 옵션을 준 stress입니다.',
        },
      ],
      solution: [memoryHog('100Mi')],
    },
    {
      id: 'enough-memory',
      text: {
        en: 'A pod’s limits cannot be edited in place here: delete it (`kubectl delete pod memory-hog`) and apply it again with requests and limits of 300Mi. Requests match limits, so the scheduler reserves what the process really uses.',
        ko: '여기서는 실행 중인 파드의 제한을 고칠 수 없으니, `kubectl delete pod memory-hog`로 지우고 요청과 제한을 300Mi로 올려 다시 적용하세요. 요청을 제한과 같게 주면 스케줄러가 프로세스가 실제로 쓰는 만큼을 예약합니다.',
      },
      want: {
        en: 'A new memory-hog with a 300Mi limit Running, no restarts',
        ko: '제한 300Mi인 새 memory-hog가 재시작 없이 Running',
      },
      goal: (view) => {
        const hog = view.pod('memory-hog');
        const limit = memoryLimit(view);
        return (
          kubectlDeleteSeq(view, 'pod', 'memory-hog') !== undefined &&
          hog !== undefined &&
          limit !== undefined &&
          limit >= bytes('250Mi') &&
          isRunningReady(hog) &&
          restartCount(hog) === 0
        );
      },
      hints: [
        {
          en: 'Change both `memory: 100Mi` lines to `memory: 300Mi`.',
          ko: '`memory: 100Mi` 두 줄을 모두 `memory: 300Mi`로 바꾸세요.',
        },
      ],
      solution: ['kubectl delete pod memory-hog', memoryHog('300Mi')],
    },
  ],
  outro: {
    en: "On a real cluster: `kubectl describe node <name>` shows allocated requests and limits, `kubectl top pods` (with metrics-server) shows real use, `kubectl get pod <name> -o jsonpath='{.status.qosClass}'` the class, and `kubectl describe pod <name>` an OOMKilled last state. A LimitRange can give every pod in a namespace default requests and limits.",
    ko: "실제 클러스터에서는 `kubectl describe node <이름>`으로 할당된 요청과 제한을, `kubectl top pods`(metrics-server 필요)로 실제 사용량을, `kubectl get pod <이름> -o jsonpath='{.status.qosClass}'`로 클래스를 확인하고, OOMKilled는 `kubectl describe pod <이름>`의 Last State에서 봅니다. LimitRange를 두면 네임스페이스의 모든 파드에 기본 요청과 제한을 줄 수 있습니다.",
  },
};
