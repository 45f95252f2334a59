import type { ClusterView } from './cluster-view';
import { LAST_APPLIED, readyApp } from './goals';
import { applyDeployment } from './manifests';
import type { Lesson } from './types';

/** manifest is the Deployment the learner keeps in a file and applies; only replicas changes. */
const manifest = (replicas: number) =>
  applyDeployment({ name: 'web', replicas, image: 'nginx:1.27', container: 'nginx' });

/** appliedReplicas is the replica count in the manifest last applied to web, if it was applied. */
function appliedReplicas(view: ClusterView): number | undefined {
  const raw = view.deployment('web')?.metadata.annotations?.[LAST_APPLIED];
  if (raw === undefined) return undefined;
  try {
    const applied = JSON.parse(raw) as { spec?: { replicas?: number } };
    return applied.spec?.replicas ?? 1;
  } catch {
    return undefined;
  }
}

/** runsAsWanted: the Deployment asks for `replicas` and that many pods are Running and Ready. */
const runsAsWanted = (view: ClusterView, replicas: number) =>
  view.deployment('web')?.spec.replicas === replicas && readyApp(view, 'web', replicas);

/**
 * declarative contrasts `kubectl apply` of a file (declare the whole desired state) with imperative
 * commands (tell the cluster one change), and shows that controllers only ever chase the desired
 * state stored in the API server, whichever way it got there.
 */
export const declarative: Lesson = {
  id: 'declarative',
  preset: 'kubeadm',
  title: {
    en: 'Declarative vs imperative: desired and current state',
    ko: '선언형과 명령형: 원하는 상태와 현재 상태',
  },
  summary: {
    en: 'Kubernetes stores what you want (spec) apart from what is (status), and controllers work to close the gap. Declare a Deployment in a file with `kubectl apply`, change the file, then change the cluster behind the file’s back and see who wins.',
    ko: '쿠버네티스는 원하는 상태(spec)와 실제 상태(status)를 따로 저장하고, 컨트롤러가 둘의 차이를 메웁니다. `kubectl apply`로 파일에 적은 디플로이먼트를 선언하고, 파일을 고쳐 다시 적용한 뒤, 파일 몰래 클러스터를 바꿨을 때 어느 쪽이 이기는지 확인해 봅니다.',
  },
  steps: [
    {
      id: 'apply-file',
      text: {
        en: 'Declare a Deployment named web with two nginx pods. Copy the YAML from the solution into the Manifest editor and press Apply: the editor runs `kubectl apply` for you. Apply sends the whole object and remembers it in the `kubectl.kubernetes.io/last-applied-configuration` annotation.',
        ko: 'nginx 파드 두 개를 둔 web 디플로이먼트를 선언해 봅시다. 정답의 YAML을 매니페스트 편집기에 붙여 넣고 적용 버튼을 누르세요. 편집기가 `kubectl apply`를 대신 실행합니다. apply는 오브젝트 전체를 보내고, 보낸 내용을 `kubectl.kubernetes.io/last-applied-configuration` 어노테이션에 기록해 둡니다.',
      },
      want: {
        en: 'Deployment web, applied from a file: 2 pods Running',
        ko: '파일로 적용한 web 디플로이먼트: 파드 2개 Running',
      },
      goal: (view) => appliedReplicas(view) === 2 && runsAsWanted(view, 2),
      hints: [
        {
          en: '`kubectl create deployment` is imperative and leaves no last-applied annotation: this step wants `apply`.',
          ko: '`kubectl create deployment`는 명령형이라 last-applied 어노테이션을 남기지 않습니다. 이번 단계는 `apply`를 써야 합니다.',
        },
        {
          en: 'The editor’s Deployment template is close: set `name: web`, `replicas: 2`, and the label `app: web` in both selector and template.',
          ko: '편집기의 Deployment 템플릿을 고쳐 써도 됩니다. `name: web`, `replicas: 2`로 바꾸고, selector와 template 양쪽 레이블을 `app: web`으로 맞추세요.',
        },
      ],
      solution: [manifest(2)],
    },
    {
      id: 'change-file',
      predict: {
        question: {
          en: 'You change `replicas: 2` to `replicas: 4` in the file and apply it again. What happens to the two pods already running?',
          ko: '파일의 `replicas: 2`를 `replicas: 4`로 고쳐 다시 적용합니다. 이미 떠 있는 파드 두 개는 어떻게 될까요?',
        },
        choices: [
          {
            id: 'kept',
            text: { en: 'They stay; two more are added', ko: '그대로 두고 두 개를 더 만든다' },
          },
          {
            id: 'replaced',
            text: {
              en: 'All are replaced by four new pods',
              ko: '모두 지우고 새 파드 네 개를 만든다',
            },
          },
          {
            id: 'nothing',
            text: {
              en: 'Nothing until the Deployment is recreated',
              ko: '디플로이먼트를 다시 만들기 전에는 아무 일도 없다',
            },
          },
        ],
        answer: 'kept',
        explanation: {
          en: 'Only spec.replicas changed, not the pod template, so the ReplicaSet stays the same. Its controller compares two running pods with four wanted and creates the difference.',
          ko: '바뀐 것은 spec.replicas뿐이고 파드 템플릿은 그대로라서 레플리카셋도 바뀌지 않습니다. 레플리카셋 컨트롤러는 원하는 네 개와 실제 두 개를 비교해 모자란 두 개만 만듭니다.',
        },
      },
      text: {
        en: 'Change the file: set `replicas: 4` and apply it again. You did not say “add two pods”; you said “there should be four”, and the controllers worked out the steps.',
        ko: '파일을 고쳐 `replicas: 4`로 바꾸고 다시 적용하세요. "파드 두 개를 추가하라"고 명령한 것이 아니라 "파드는 네 개여야 한다"고 선언했을 뿐이고, 필요한 작업은 컨트롤러가 알아서 찾아냅니다.',
      },
      want: {
        en: 'The applied file says 4: 4 pods Running',
        ko: '적용한 파일에는 4: 파드 4개 Running',
      },
      goal: (view) => appliedReplicas(view) === 4 && runsAsWanted(view, 4),
      hints: [
        {
          en: 'Edit the number in the editor and press Apply again: the same object, a new desired state.',
          ko: '편집기에서 숫자만 고치고 다시 적용을 누르세요. 같은 오브젝트에 새 원하는 상태를 보내는 것입니다.',
        },
      ],
      solution: [manifest(4)],
    },
    {
      id: 'imperative-drift',
      text: {
        en: 'Now act imperatively, behind the file’s back: `kubectl scale deployment web --replicas=1`. The cluster’s desired state is now 1 while your file still says 4. Watch the ReplicaSet controller delete three pods.',
        ko: '이번에는 파일을 거치지 않고 명령형으로 바꿔 봅시다. `kubectl scale deployment web --replicas=1`을 실행하세요. 이제 클러스터의 원하는 상태는 1이지만 파일에는 여전히 4라고 적혀 있습니다. 레플리카셋 컨트롤러가 파드 세 개를 지우는 것을 지켜보세요.',
      },
      want: {
        en: 'Deployment web wants 1 (the file still says 4): 1 pod Running',
        ko: 'web 디플로이먼트가 원하는 개수 1 (파일은 여전히 4): 파드 1개 Running',
      },
      goal: (view) => appliedReplicas(view) === 4 && runsAsWanted(view, 1),
      hints: [
        {
          en: 'Use `kubectl scale`, not the editor: this step is about changing the cluster without the file.',
          ko: '편집기가 아니라 `kubectl scale`을 쓰세요. 파일 없이 클러스터를 바꾸는 것이 이번 단계의 핵심입니다.',
        },
      ],
      solution: ['kubectl scale deployment web --replicas=1'],
    },
    {
      id: 'apply-wins',
      predict: {
        question: {
          en: 'You apply the unchanged file (`replicas: 4`) again. How many pods will run?',
          ko: '고치지 않은 파일(`replicas: 4`)을 다시 적용합니다. 파드는 몇 개가 될까요?',
        },
        choices: [
          { id: '1', text: { en: '1: the last command wins', ko: '1개: 마지막 명령이 이긴다' } },
          {
            id: '4',
            text: { en: '4: the file is applied again', ko: '4개: 파일이 다시 적용된다' },
          },
          { id: '5', text: { en: '5: apply adds four to one', ko: '5개: 1개에 4개를 더한다' } },
        ],
        answer: '4',
        explanation: {
          en: 'Apply compares the file with the live object and sends what differs: replicas goes back to 4. Whatever wrote the desired state last wins; that is why teams keep manifests in git and apply them, rather than scaling by hand.',
          ko: 'apply는 파일과 살아 있는 오브젝트를 비교해 다른 부분을 보냅니다. 그래서 replicas가 다시 4가 됩니다. 원하는 상태는 마지막에 쓴 쪽이 이기므로, 실무에서는 손으로 scale하기보다 매니페스트를 git에 두고 apply합니다.',
        },
      },
      text: {
        en: 'Apply the file again, unchanged. Desired state is whatever was written last, and the controllers do not care whether a person, a script or a pipeline wrote it.',
        ko: '파일을 고치지 않고 다시 적용하세요. 원하는 상태는 마지막에 기록된 값이고, 컨트롤러는 그 값을 사람이 썼는지, 스크립트나 배포 파이프라인이 썼는지 신경 쓰지 않습니다.',
      },
      want: {
        en: 'Deployment web back to the file: 4 pods Running',
        ko: 'web 디플로이먼트가 파일대로 돌아옴: 파드 4개 Running',
      },
      goal: (view) => appliedReplicas(view) === 4 && runsAsWanted(view, 4),
      hints: [
        {
          en: 'The editor still holds the file with `replicas: 4`: press Apply.',
          ko: '편집기에는 아직 `replicas: 4`인 파일이 남아 있습니다. 적용 버튼을 누르세요.',
        },
      ],
      solution: [manifest(4)],
    },
  ],
  outro: {
    en: 'On a real cluster keep the manifest in a file: `kubectl apply -f web.yaml`, `kubectl diff -f web.yaml` to preview a change, and `kubectl get deployment web -o yaml` to compare spec (desired) with status (current). `kubectl edit deployment web` changes the live object directly, like `scale`: the next apply undoes it.',
    ko: '실제 클러스터에서는 매니페스트를 파일로 두고 `kubectl apply -f web.yaml`로 적용합니다. 바꾸기 전에 `kubectl diff -f web.yaml`로 차이를 미리 보고, `kubectl get deployment web -o yaml`로 spec(원하는 상태)과 status(현재 상태)를 비교해 보세요. `kubectl edit deployment web`은 `scale`처럼 살아 있는 오브젝트를 직접 고치므로, 다음 apply 때 되돌아갑니다.',
  },
};
