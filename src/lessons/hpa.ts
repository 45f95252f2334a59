import type { ClusterView } from './cluster-view';
import { readyApp } from './goals';
import { applyDeployment } from './manifests';
import type { Lesson } from './types';

const WEB = applyDeployment({
  name: 'web',
  image: 'registry.k8s.io/hpa-example',
  container: 'hpa-example',
  containerFields: `resources:
  requests:
    cpu: 200m
  limits:
    cpu: 500m`,
});

const hpaOf = (view: ClusterView) =>
  view.horizontalPodAutoscalers().find((hpa) => hpa.metadata.name === 'web');

/** measuring: HPA web targets Deployment web and has read a CPU figure from the metrics API. */
function measuring(view: ClusterView): boolean {
  const hpa = hpaOf(view);
  return (
    hpa !== undefined &&
    hpa.spec.scaleTargetRef.kind === 'Deployment' &&
    hpa.spec.scaleTargetRef.name === 'web' &&
    hpa.spec.maxReplicas === 10 &&
    (hpa.status.currentMetrics ?? []).length > 0
  );
}

/** scaledTo: the HPA has set web to `count` replicas and they all run. */
const scaledTo = (view: ClusterView, count: number) =>
  measuring(view) &&
  hpaOf(view)?.status.desiredReplicas === count &&
  view.deployment('web')?.spec.replicas === count &&
  readyApp(view, 'web', count);

/**
 * hpa closes a loop on the replica count itself: the HorizontalPodAutoscaler reads CPU use from
 * the metrics API every 15 seconds and sets replicas so use per pod nears the target, scaling
 * out at once and in only after five quiet minutes.
 */
export const hpa: Lesson = {
  id: 'hpa',
  preset: 'kubeadm',
  title: { en: 'HPA under load', ko: '부하를 받는 HPA' },
  summary: {
    en: 'So far you chose the replica count. A HorizontalPodAutoscaler chooses it for you: every 15 seconds it compares the pods’ CPU use with their requests and sets replicas to bring use toward the target. Put a Deployment under load, watch it grow, stop the load and watch it shrink, slowly.',
    ko: '지금까지는 레플리카 수를 직접 정했습니다. HorizontalPodAutoscaler(HPA)는 이 숫자를 대신 정합니다. 15초마다 파드의 CPU 사용량을 요청량과 비교해, 사용률이 목표에 가까워지도록 레플리카 수를 맞춥니다. 디플로이먼트에 부하를 걸어 늘어나는 것을 보고, 부하를 멈춘 뒤 천천히 줄어드는 것을 지켜봅니다.',
  },
  steps: [
    {
      id: 'autoscale',
      text: {
        en: 'Apply the Deployment web from the solution: it requests 200m CPU, the figure the HPA measures against. Then attach an autoscaler: `kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10`. After its first sync, `kubectl get hpa` shows TARGETS `cpu: 0%/50%`.',
        ko: '정답의 web 디플로이먼트를 적용하세요. CPU 200m을 요청하는데, HPA가 사용률을 잴 때 기준이 되는 값입니다. 그다음 `kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10`으로 오토스케일러를 붙이세요. 첫 동기화가 끝나면 `kubectl get hpa`의 TARGETS에 `cpu: 0%/50%`가 나옵니다.',
      },
      want: {
        en: 'HPA web measuring 1 idle pod against a 50% CPU target',
        ko: 'HPA web이 목표 CPU 50%에 대해 쉬고 있는 파드 1개를 측정 중',
      },
      goal: (view) => scaledTo(view, 1),
      hints: [
        {
          en: 'Without CPU requests the HPA cannot compute a percentage and shows `<unknown>`.',
          ko: 'CPU 요청량이 없으면 HPA가 비율을 계산하지 못해 `<unknown>`으로 표시합니다.',
        },
        {
          en: 'The first metrics arrive after a sync or two: Step to quiet.',
          ko: '첫 메트릭은 동기화가 한두 번 돌아야 들어옵니다. 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: [WEB, 'kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10'],
    },
    {
      id: 'under-load',
      predict: {
        question: {
          en: 'Each pod of web will use 250% of its CPU request for as long as the load lasts. Where does the replica count end up?',
          ko: '부하가 이어지는 동안 web의 파드마다 CPU 요청량의 250%를 씁니다. 레플리카 수는 결국 몇이 될까요?',
        },
        choices: [
          { id: '5', text: { en: '5', ko: '5개' } },
          { id: '10', text: { en: '10, the maximum', ko: '최댓값인 10개' } },
          { id: '1', text: { en: '1: CPU limits absorb it', ko: '1개: CPU 제한이 흡수한다' } },
        ],
        answer: '10',
        explanation: {
          en: 'The HPA computes desired = ceil(current × usage / target): 1 × 250 / 50 = 5. Here every pod stays at 250% however many there are, so the next sync asks for 5 × 5 = 25 and maxReplicas caps it at 10. Real traffic spreads over the new pods, and the count settles where use per pod nears 50%.',
          ko: 'HPA는 원하는 수 = 올림(현재 수 × 사용률 / 목표)으로 계산합니다. 처음엔 1 × 250 / 50 = 5입니다. 여기서는 파드가 몇 개든 각자 250%를 쓰므로 다음 동기화에서 5 × 5 = 25를 요구하고, maxReplicas가 10으로 막습니다. 실제 트래픽이라면 새 파드들에 나뉘므로 파드당 사용률이 50% 근처가 되는 지점에서 멈춥니다.',
        },
      },
      text: {
        en: 'Press the load button and Play. `kubectl top pods` shows the use, `kubectl get hpa` the target and replicas; on the graph, kube-controller-manager sends the Deployment a new replica count and the ReplicaSet controller creates the pods.',
        ko: '부하 버튼을 누르고 재생하세요. `kubectl top pods`로 사용량을, `kubectl get hpa`로 목표와 레플리카 수를 볼 수 있습니다. 그래프에서는 kube-controller-manager가 디플로이먼트에 새 레플리카 수를 보내고, 레플리카셋 컨트롤러가 파드를 만드는 것이 보입니다.',
      },
      want: {
        en: 'HPA web at its maximum: 10 pods Running',
        ko: 'HPA web이 최댓값: 파드 10개 Running',
      },
      goal: (view) => scaledTo(view, 10),
      hints: [
        {
          en: 'The load button is on this step, under the text.',
          ko: '부하 버튼은 이 단계의 설명 아래에 있습니다.',
        },
        {
          en: 'Scaling happens at the 15-second syncs: give it a simulated minute or two.',
          ko: '스케일링은 15초마다 돌아오는 동기화 때 일어납니다. 시뮬레이션 시간으로 1~2분 기다리세요.',
        },
      ],
      solution: [],
      faults: [{ kind: 'setLoad', deployment: 'web', percent: 250 }],
    },
    {
      id: 'load-ends',
      predict: {
        question: {
          en: 'The load stops. When does web go back to 1 pod?',
          ko: '부하가 멈춥니다. web은 언제 파드 1개로 돌아갈까요?',
        },
        choices: [
          {
            id: 'sync',
            text: { en: 'At the next sync, within 15s', ko: '다음 동기화 때, 15초 안에' },
          },
          { id: '5m', text: { en: 'After about 5 minutes', ko: '약 5분 뒤' } },
          {
            id: 'never',
            text: { en: 'Never: the HPA only scales out', ko: '안 돌아간다: HPA는 늘리기만 한다' },
          },
        ],
        answer: '5m',
        explanation: {
          en: 'Scaling in waits out a stabilization window of 300 seconds: the HPA uses the highest recommendation of the last five minutes, so a short lull does not throw away pods that the next burst would need. Scaling out has no such window.',
          ko: '줄일 때는 300초의 안정화 기간(stabilization window)을 기다립니다. HPA는 지난 5분 동안 나온 권장값 중 가장 큰 값을 쓰기 때문에, 잠깐 한가해졌다고 다음 부하 때 필요할 파드를 버리지 않습니다. 늘릴 때는 이런 기다림이 없습니다.',
        },
      },
      text: {
        en: 'Stop the load with the button and Play on (or Step to quiet). `kubectl get hpa` drops to `cpu: 0%/50%` at once, but REPLICAS stays at 10 for five minutes before it falls to 1.',
        ko: '버튼으로 부하를 멈추고 계속 재생하세요(또는 안정될 때까지 버튼). `kubectl get hpa`의 사용률은 곧바로 `cpu: 0%/50%`로 떨어지지만, REPLICAS는 5분 동안 10에 머문 뒤에야 1로 줄어듭니다.',
      },
      want: {
        en: 'Load gone, HPA web back at its minimum: 1 pod Running',
        ko: '부하가 사라지고 HPA web이 최솟값으로 복귀: 파드 1개 Running',
      },
      goal: (view) =>
        scaledTo(view, 1) &&
        view.pods().filter((pod) => pod.metadata.labels?.['app'] === 'web').length === 1,
      hints: [
        {
          en: 'Five simulated minutes: Step to quiet gets there in one press.',
          ko: '시뮬레이션 시간으로 5분입니다. 안정될 때까지 버튼을 한 번 누르면 됩니다.',
        },
      ],
      solution: [],
      faults: [{ kind: 'setLoad', deployment: 'web', percent: 0 }],
    },
  ],
  outro: {
    en: 'On a real cluster the HPA needs metrics-server (`kubectl top pods` works once it runs) and CPU requests on the pods. Then: `kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10`, `kubectl get hpa -w`, and `kubectl describe hpa web` for each scaling decision and its reason. The behavior field tunes the windows and rates.',
    ko: '실제 클러스터에서 HPA를 쓰려면 metrics-server(`kubectl top pods`가 동작하면 있는 것입니다)와 파드의 CPU 요청량이 필요합니다. 그다음 `kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10`, `kubectl get hpa -w`를 쓰고, 스케일링 결정과 이유는 `kubectl describe hpa web`에서 확인합니다. 안정화 기간과 속도는 behavior 필드로 조정합니다.',
  },
};
