import type { ClusterView } from './cluster-view';
import { isRunningReady, podsOf, waitingReason } from './goals';
import type { Lesson } from './types';

const imageOf = (view: ClusterView) =>
  view.deployment('web')?.spec.template.spec.containers[0]?.image;

/** webPods are the live pods of web with the given image. */
const webPods = (view: ClusterView, image: string) =>
  podsOf(view, 'app', 'web').filter((pod) => pod.spec.containers[0]?.image === image);

/** settledOn: web runs four Ready pods, all on `image`, and nothing else. */
function settledOn(view: ClusterView, image: string): boolean {
  const pods = podsOf(view, 'app', 'web');
  return (
    imageOf(view) === image &&
    pods.length === 4 &&
    pods.every((pod) => pod.spec.containers[0]?.image === image && isRunningReady(pod))
  );
}

/** pullFails: the pod cannot get its image (the kubelet backs off between pulls). */
const pullFails = (reason: string | undefined) =>
  reason === 'ErrImagePull' || reason === 'ImagePullBackOff';

/**
 * rollingUpdate follows the Deployment controller as it moves pods from one ReplicaSet to another
 * within maxSurge and maxUnavailable, stalls safely on a broken image, and rolls back.
 */
export const rollingUpdate: Lesson = {
  id: 'rolling-update',
  preset: 'kubeadm',
  title: { en: 'Rolling update and rollback', ko: '롤링 업데이트와 롤백' },
  summary: {
    en: 'Change a Deployment’s image and it does not restart everything at once: it grows a new ReplicaSet and shrinks the old one a pod or two at a time. Roll out a new version, roll out a broken one, watch the rollout stop before it hurts, and undo it.',
    ko: '디플로이먼트의 이미지를 바꾸면 모든 파드를 한꺼번에 다시 띄우지 않습니다. 새 레플리카셋을 늘리고 옛 레플리카셋을 줄이면서 파드를 한두 개씩 바꿉니다. 새 버전을 배포하고, 고장 난 버전도 배포해 보고, 롤아웃이 피해를 주기 전에 멈추는 것을 확인한 뒤 되돌려 봅니다.',
  },
  steps: [
    {
      id: 'version-one',
      text: {
        en: 'Start four pods on the older nginx: `kubectl create deployment web --image=nginx:1.26 --replicas=4`.',
        ko: '이전 버전 nginx로 파드 네 개를 띄웁니다. `kubectl create deployment web --image=nginx:1.26 --replicas=4`를 실행하세요.',
      },
      want: { en: '4 pods nginx:1.26 Running', ko: 'nginx:1.26 파드 4개 Running' },
      goal: (view) => settledOn(view, 'nginx:1.26'),
      hints: [
        {
          en: 'Let all four become Running before the next step: Step to quiet.',
          ko: '다음 단계로 가기 전에 네 개가 모두 Running이 되게 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: ['kubectl create deployment web --image=nginx:1.26 --replicas=4'],
    },
    {
      id: 'roll-out',
      predict: {
        question: {
          en: 'The default strategy allows 25% surge and 25% unavailable. During the update of 4 replicas, how many pods exist at most?',
          ko: '기본 전략은 surge 25%, unavailable 25%를 허용합니다. 레플리카 4개를 업데이트하는 동안 파드는 최대 몇 개까지 존재할까요?',
        },
        choices: [
          { id: '4', text: { en: '4', ko: '4개' } },
          { id: '5', text: { en: '5', ko: '5개' } },
          { id: '8', text: { en: '8', ko: '8개' } },
        ],
        answer: '5',
        explanation: {
          en: 'maxSurge 25% of 4 rounds up to 1, so at most 5 pods exist; maxUnavailable 25% rounds down to 1, so at least 3 are available. The controller scales the new ReplicaSet up by one, waits for it to be ready, scales the old one down, and repeats.',
          ko: '4의 maxSurge 25%는 올림해서 1이므로 파드는 최대 5개이고, maxUnavailable 25%는 내림해서 1이므로 최소 3개는 항상 사용 가능합니다. 컨트롤러는 새 레플리카셋을 하나 늘리고, 준비되기를 기다렸다가 옛 레플리카셋을 줄이는 일을 반복합니다.',
        },
      },
      text: {
        en: 'Roll out the new version: `kubectl set image deployment/web nginx=nginx:1.27`. Step through it: a new ReplicaSet appears and grows while the old one shrinks. `kubectl get rs` shows both; `kubectl rollout status deployment/web` waits for the end.',
        ko: '새 버전을 배포합니다. `kubectl set image deployment/web nginx=nginx:1.27`을 실행하고 한 단계씩 지켜보세요. 새 레플리카셋이 생겨 늘어나는 동안 옛 레플리카셋은 줄어듭니다. `kubectl get rs`로 둘 다 볼 수 있고, `kubectl rollout status deployment/web`은 배포가 끝날 때까지 기다립니다.',
      },
      want: {
        en: '4 pods nginx:1.27 Running; the 1.26 ReplicaSet scaled to 0',
        ko: 'nginx:1.27 파드 4개 Running, 1.26 레플리카셋은 0으로 축소',
      },
      goal: (view) =>
        settledOn(view, 'nginx:1.27') &&
        view
          .replicaSets()
          .some(
            (rs) =>
              rs.spec.template.spec.containers[0]?.image === 'nginx:1.26' && rs.spec.replicas === 0,
          ),
      hints: [
        {
          en: 'The container is named nginx (create deployment names it after the image): `nginx=nginx:1.27`.',
          ko: '컨테이너 이름은 nginx입니다(create deployment는 이미지 이름을 따서 붙입니다). `nginx=nginx:1.27`처럼 쓰세요.',
        },
      ],
      solution: ['kubectl set image deployment/web nginx=nginx:1.27'],
    },
    {
      id: 'bad-version',
      predict: {
        question: {
          en: 'Now you roll out nginx:9.99, a tag that does not exist. How many pods keep serving?',
          ko: '이번에는 존재하지 않는 태그 nginx:9.99를 배포합니다. 서비스를 계속하는 파드는 몇 개일까요?',
        },
        choices: [
          { id: '0', text: { en: 'None: the app is down', ko: '0개: 앱이 멈춘다' } },
          { id: '3', text: { en: 'Three', ko: '3개' } },
          { id: '4', text: { en: 'All four', ko: '4개 모두' } },
        ],
        answer: '3',
        explanation: {
          en: 'The controller may take one old pod away (maxUnavailable 1) and add new ones (maxSurge 1), but the new pods never become ready, so it cannot go further. Three old pods keep serving until you act; after progressDeadlineSeconds (600s) the Deployment reports ProgressDeadlineExceeded.',
          ko: '컨트롤러는 옛 파드를 하나까지 내리고(maxUnavailable 1) 새 파드를 더할 수 있지만(maxSurge 1), 새 파드가 준비되지 않으니 더 나아가지 못합니다. 손을 쓸 때까지 옛 파드 세 개가 계속 서비스하고, progressDeadlineSeconds(600초)가 지나면 디플로이먼트가 ProgressDeadlineExceeded를 보고합니다.',
        },
      },
      text: {
        en: 'Make a typo on purpose: `kubectl set image deployment/web nginx=nginx:9.99`, then `kubectl get pods`. The new pods show ErrImagePull, then ImagePullBackOff, and the rollout stops there.',
        ko: '일부러 오타를 내 봅시다. `kubectl set image deployment/web nginx=nginx:9.99`를 실행한 다음 `kubectl get pods`를 보세요. 새 파드는 ErrImagePull, 이어서 ImagePullBackOff를 보이고, 롤아웃은 거기서 멈춥니다.',
      },
      want: {
        en: 'New pods nginx:9.99 failing to pull; at least 3 nginx:1.27 pods still Running',
        ko: 'nginx:9.99 새 파드는 이미지를 못 받고, nginx:1.27 파드는 3개 이상 Running',
      },
      goal: (view) => {
        const broken = webPods(view, 'nginx:9.99');
        return (
          imageOf(view) === 'nginx:9.99' &&
          broken.length > 0 &&
          broken.every((pod) => pullFails(waitingReason(pod))) &&
          webPods(view, 'nginx:1.27').filter(isRunningReady).length >= 3
        );
      },
      hints: [
        {
          en: 'Step a few times after the command: the kubelet has to try the pull first.',
          ko: '명령을 실행한 뒤 몇 단계 진행하세요. kubelet이 먼저 이미지를 받아 보려고 해야 합니다.',
        },
      ],
      solution: ['kubectl set image deployment/web nginx=nginx:9.99', 'kubectl get pods'],
    },
    {
      id: 'roll-back',
      text: {
        en: 'Roll back: `kubectl rollout undo deployment/web`. Undo copies the previous ReplicaSet’s template back into the Deployment, so the 1.27 ReplicaSet scales up again and the broken pods go away. `kubectl rollout history deployment/web` lists the revisions.',
        ko: '롤백합니다. `kubectl rollout undo deployment/web`을 실행하세요. undo는 직전 레플리카셋의 템플릿을 디플로이먼트에 다시 복사하므로, 1.27 레플리카셋이 다시 늘어나고 고장 난 파드는 사라집니다. `kubectl rollout history deployment/web`으로 리비전 목록을 볼 수 있습니다.',
      },
      want: {
        en: '4 pods nginx:1.27 Running, no nginx:9.99 pods',
        ko: 'nginx:1.27 파드 4개 Running, nginx:9.99 파드 없음',
      },
      goal: (view) => settledOn(view, 'nginx:1.27') && webPods(view, 'nginx:9.99').length === 0,
      hints: [
        {
          en: 'Undo goes back one revision by default; `--to-revision=N` picks another.',
          ko: 'undo는 기본으로 한 리비전 전으로 돌아갑니다. 다른 리비전은 `--to-revision=N`으로 고릅니다.',
        },
      ],
      solution: ['kubectl rollout undo deployment/web'],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl set image deployment/web nginx=nginx:1.27`, `kubectl rollout status deployment/web`, `kubectl rollout history deployment/web`, `kubectl rollout undo deployment/web` (or `--to-revision=2`), and `kubectl rollout pause`/`resume` to batch several changes into one rollout.',
    ko: '실제 클러스터에서는 `kubectl set image deployment/web nginx=nginx:1.27`로 배포하고, `kubectl rollout status deployment/web`으로 진행을 지켜보고, `kubectl rollout history deployment/web`으로 리비전을 보고, `kubectl rollout undo deployment/web`(또는 `--to-revision=2`)으로 되돌립니다. 여러 변경을 한 번의 롤아웃으로 묶을 때는 `kubectl rollout pause`/`resume`을 씁니다.',
  },
};
