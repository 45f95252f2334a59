import type { ClusterView } from './cluster-view';
import { isRunningReady, podsOf, readyApp } from './goals';
import { applyPod } from './manifests';
import type { Lesson } from './types';

const GPU_NODE = 'w3-k8s';

/** gpuTainted: the node carries the taint the lesson asks for. */
const gpuTainted = (view: ClusterView) =>
  (view.node(GPU_NODE)?.spec.taints ?? []).some(
    (taint) => taint.key === 'gpu' && taint.value === 'true' && taint.effect === 'NoSchedule',
  );

const TRAINER = applyPod({
  name: 'trainer',
  image: 'busybox:1.36',
  container: 'trainer',
  podFields: `tolerations:
- key: gpu
  operator: Equal
  value: "true"
  effect: NoSchedule
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values:
          - ${GPU_NODE}`,
  containerFields: 'command: ["sh", "-c", "sleep 3600"]',
});

/**
 * taintsAffinity pairs the two halves of placement: a taint lets a node repel pods that do not
 * tolerate it, and node affinity lets a pod insist on nodes. A node reserved for one workload
 * needs both.
 */
export const taintsAffinity: Lesson = {
  id: 'taints-affinity',
  preset: 'kubeadm',
  title: {
    en: 'Taints, tolerations and affinity',
    ko: '테인트, 톨러레이션, 어피니티',
  },
  summary: {
    en: 'Reserve a worker for one job: taint it so ordinary pods stay away, then give one pod a toleration to be allowed on it and node affinity to be sent there. A toleration only permits; affinity attracts.',
    ko: '워커 한 대를 특정 작업 전용으로 만들어 봅시다. 노드에 테인트를 걸어 일반 파드가 오지 못하게 하고, 한 파드에만 톨러레이션을 줘서 그 노드에 들어갈 수 있게 한 다음, 노드 어피니티로 그 노드를 고르게 합니다. 톨러레이션은 허락할 뿐이고, 끌어당기는 것은 어피니티입니다.',
  },
  steps: [
    {
      id: 'taint-node',
      text: {
        en: `Pretend ${GPU_NODE} has a GPU and taint it: \`kubectl taint nodes ${GPU_NODE} gpu=true:NoSchedule\`. \`kubectl describe node ${GPU_NODE}\` now lists it under Taints, next to where m-k8s shows its control-plane taint.`,
        ko: `${GPU_NODE}에 GPU가 있다고 치고 테인트를 걸어 봅시다. \`kubectl taint nodes ${GPU_NODE} gpu=true:NoSchedule\`을 실행하세요. 이제 \`kubectl describe node ${GPU_NODE}\`의 Taints 항목에 나타나는데, m-k8s의 컨트롤 플레인 테인트가 보이는 바로 그 자리입니다.`,
      },
      want: {
        en: `${GPU_NODE} tainted gpu=true:NoSchedule`,
        ko: `${GPU_NODE}에 gpu=true:NoSchedule 테인트`,
      },
      goal: gpuTainted,
      hints: [
        {
          en: 'The form is `key=value:Effect`; the effect here is NoSchedule.',
          ko: '형식은 `key=value:Effect`이고, 여기서 효과(Effect)는 NoSchedule입니다.',
        },
      ],
      solution: [`kubectl taint nodes ${GPU_NODE} gpu=true:NoSchedule`],
    },
    {
      id: 'ordinary-pods',
      predict: {
        question: {
          en: `You create six ordinary pods. How many land on ${GPU_NODE}?`,
          ko: `일반 파드 여섯 개를 만듭니다. ${GPU_NODE}에는 몇 개가 배치될까요?`,
        },
        choices: [
          { id: '0', text: { en: 'None', ko: '0개' } },
          { id: '2', text: { en: 'Two, a fair share', ko: '공평하게 2개' } },
          { id: '6', text: { en: 'All six', ko: '6개 모두' } },
        ],
        answer: '0',
        explanation: {
          en: `The TaintToleration filter removes ${GPU_NODE} for every pod without a matching toleration, just as it removes m-k8s. The six pods share w1-k8s and w2-k8s.`,
          ko: `TaintToleration 필터는 맞는 톨러레이션이 없는 파드에 대해 ${GPU_NODE}를 걸러냅니다. m-k8s가 빠지는 것과 같은 원리입니다. 여섯 파드는 w1-k8s와 w2-k8s에 나뉘어 배치됩니다.`,
        },
      },
      text: {
        en: 'Create six ordinary pods: `kubectl create deployment web --image=nginx --replicas=6`, then `kubectl get pods -o wide` to see where they went.',
        ko: '일반 파드 여섯 개를 만들어 봅시다. `kubectl create deployment web --image=nginx --replicas=6`을 실행한 다음 `kubectl get pods -o wide`로 어디에 배치됐는지 확인하세요.',
      },
      want: {
        en: `6 pods app=web Running, none on ${GPU_NODE} or m-k8s`,
        ko: `app=web 파드 6개 Running, ${GPU_NODE}와 m-k8s에는 없음`,
      },
      goal: (view) =>
        gpuTainted(view) &&
        readyApp(view, 'web', 6) &&
        podsOf(view, 'app', 'web').every(
          (pod) => pod.spec.nodeName !== GPU_NODE && pod.spec.nodeName !== 'm-k8s',
        ),
      hints: [
        {
          en: 'Wait for all six to be Running: Step to quiet.',
          ko: '여섯 개가 모두 Running이 될 때까지 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: ['kubectl create deployment web --image=nginx --replicas=6'],
    },
    {
      id: 'tolerate-and-attract',
      predict: {
        question: {
          en: `The trainer pod tolerates the gpu taint and has required node affinity for ${GPU_NODE}. Where does it run?`,
          ko: `trainer 파드는 gpu 테인트를 견디는 톨러레이션과, ${GPU_NODE}를 요구하는 노드 어피니티를 가집니다. 어디에서 실행될까요?`,
        },
        choices: [
          { id: 'gpu', text: { en: GPU_NODE, ko: GPU_NODE } },
          { id: 'any', text: { en: 'Any worker', ko: '아무 워커' } },
          { id: 'pending', text: { en: 'Nowhere: Pending', ko: '어디에도 없이 Pending' } },
        ],
        answer: 'gpu',
        explanation: {
          en: `With the toleration, ${GPU_NODE} passes TaintToleration; with the affinity, NodeAffinity filters out every other node. A toleration alone would only have allowed ${GPU_NODE}, not chosen it.`,
          ko: `톨러레이션 덕분에 ${GPU_NODE}가 TaintToleration을 통과하고, 어피니티 때문에 NodeAffinity가 나머지 노드를 모두 걸러냅니다. 톨러레이션만 있었다면 ${GPU_NODE}에 들어갈 수 있게 될 뿐, 그 노드가 선택된다는 보장은 없습니다.`,
        },
      },
      text: {
        en: 'Apply the trainer pod from the solution: a toleration for `gpu=true:NoSchedule` and `requiredDuringSchedulingIgnoredDuringExecution` node affinity on the `kubernetes.io/hostname` label.',
        ko: '정답에 있는 trainer 파드를 적용하세요. `gpu=true:NoSchedule`에 대한 톨러레이션과, `kubernetes.io/hostname` 레이블에 대한 `requiredDuringSchedulingIgnoredDuringExecution` 노드 어피니티가 들어 있습니다.',
      },
      want: {
        en: `Pod trainer Running on ${GPU_NODE}; the web pods still off it`,
        ko: `trainer 파드가 ${GPU_NODE}에서 Running, web 파드는 여전히 그 노드 밖`,
      },
      goal: (view) => {
        const trainer = view.pod('trainer');
        return (
          gpuTainted(view) &&
          trainer !== undefined &&
          trainer.spec.nodeName === GPU_NODE &&
          isRunningReady(trainer) &&
          podsOf(view, 'app', 'web').every((pod) => pod.spec.nodeName !== GPU_NODE)
        );
      },
      hints: [
        {
          en: 'The toleration’s key, value and effect must match the taint exactly.',
          ko: '톨러레이션의 key, value, effect가 테인트와 정확히 같아야 합니다.',
        },
        {
          en: `Without the affinity the pod may land on any worker; without the toleration it cannot use ${GPU_NODE} and stays Pending.`,
          ko: `어피니티가 없으면 아무 워커에나 갈 수 있고, 톨러레이션이 없으면 ${GPU_NODE}에 들어가지 못해 Pending으로 남습니다.`,
        },
      ],
      solution: [TRAINER],
    },
  ],
  outro: {
    en: `On a real cluster: \`kubectl taint nodes ${GPU_NODE} gpu=true:NoSchedule\` (append \`-\` to remove it: \`gpu=true:NoSchedule-\`), \`kubectl label nodes ${GPU_NODE} accelerator=nvidia\` for your own labels to match in affinity, and \`kubectl describe node ${GPU_NODE}\` to check both.`,
    ko: `실제 클러스터에서는 \`kubectl taint nodes ${GPU_NODE} gpu=true:NoSchedule\`로 테인트를 걸고(지울 때는 끝에 \`-\`를 붙여 \`gpu=true:NoSchedule-\`), \`kubectl label nodes ${GPU_NODE} accelerator=nvidia\`처럼 어피니티에서 쓸 레이블을 직접 붙입니다. 둘 다 \`kubectl describe node ${GPU_NODE}\`로 확인합니다.`,
  },
};
