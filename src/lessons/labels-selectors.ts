import type { ClusterView } from './cluster-view';
import { kubectlRead, podsOf, readyApp } from './goals';
import type { Lesson } from './types';

/** endpointIPs are the ready addresses the endpoints controller lists for Service web. */
const endpointIPs = (view: ClusterView): string[] =>
  (view.endpoints('web')?.subsets ?? []).flatMap((subset) =>
    (subset.addresses ?? []).map((address) => address.ip),
  );

/** soloIP is the IP of the bare pod solo once it has one. */
const soloIP = (view: ClusterView) => view.pod('solo')?.status.podIP;

/** serviceSelects: Service web routes to exactly the pods labelled app=web that are ready. */
function serviceSelects(view: ClusterView, count: number): boolean {
  const ips = endpointIPs(view);
  const wanted = podsOf(view, 'app', 'web').map((pod) => pod.status.podIP);
  return ips.length === count && wanted.length === count && wanted.every((ip) => ips.includes(ip!));
}

/**
 * labelsSelectors shows that labels are the only glue between objects: a Service routes to any
 * ready pod its selector matches, Deployment-made or not, and relabelling a pod moves it in or out.
 */
export const labelsSelectors: Lesson = {
  id: 'labels-selectors',
  preset: 'kubeadm',
  title: { en: 'Labels and selectors', ko: '레이블과 셀렉터' },
  summary: {
    en: 'Objects in Kubernetes do not point at each other by name. A Service, a ReplicaSet and `kubectl get -l` all find pods by label selector. Put a stray pod into a Service by giving it the right label, then take it out again.',
    ko: '쿠버네티스의 오브젝트는 서로를 이름으로 가리키지 않습니다. 서비스도, 레플리카셋도, `kubectl get -l`도 모두 레이블 셀렉터로 파드를 찾습니다. 엉뚱한 파드에 알맞은 레이블을 붙여 서비스에 끼워 넣었다가 다시 빼 봅니다.',
  },
  steps: [
    {
      id: 'deployment-and-service',
      text: {
        en: 'Create three nginx pods and a Service in front of them: `kubectl create deployment web --image=nginx --replicas=3`, then `kubectl expose deployment web --port=80`. `expose` copies the Deployment’s selector, `app=web`, into the Service.',
        ko: 'nginx 파드 세 개와 그 앞에 설 서비스를 만듭니다. `kubectl create deployment web --image=nginx --replicas=3`을 실행한 뒤 `kubectl expose deployment web --port=80`을 실행하세요. `expose`는 디플로이먼트의 셀렉터 `app=web`을 그대로 서비스에 복사합니다.',
      },
      want: {
        en: '3 pods app=web Running, Service web with 3 endpoints',
        ko: 'app=web 파드 3개 Running, web 서비스의 엔드포인트 3개',
      },
      goal: (view) =>
        view.service('web')?.spec.selector?.['app'] === 'web' &&
        readyApp(view, 'web', 3) &&
        serviceSelects(view, 3),
      hints: [
        {
          en: 'Two commands: create the Deployment first, then expose it.',
          ko: '명령 두 개입니다. 디플로이먼트를 먼저 만들고, 그다음 expose하세요.',
        },
        {
          en: 'The endpoints appear once the pods are Ready: Step to quiet.',
          ko: '엔드포인트는 파드가 Ready가 되어야 생깁니다. 안정될 때까지 버튼을 누르세요.',
        },
      ],
      solution: [
        'kubectl create deployment web --image=nginx --replicas=3',
        'kubectl expose deployment web --port=80',
      ],
    },
    {
      id: 'stray-pod',
      predict: {
        question: {
          en: 'A bare pod, made by no Deployment, gets the label app=web. How many endpoints will Service web have?',
          ko: '디플로이먼트와 상관없는 파드 하나에 app=web 레이블을 붙입니다. web 서비스의 엔드포인트는 몇 개가 될까요?',
        },
        choices: [
          { id: '3', text: { en: '3', ko: '3개' } },
          { id: '4', text: { en: '4', ko: '4개' } },
        ],
        answer: '4',
        explanation: {
          en: 'The endpoints controller lists every ready pod matching the Service’s selector. It never asks who created the pod, so the stray pod gets traffic too. The ReplicaSet leaves it alone: its selector also needs the pod-template-hash label.',
          ko: '엔드포인트 컨트롤러는 서비스 셀렉터에 맞는 Ready 파드를 모두 목록에 넣습니다. 누가 만든 파드인지는 묻지 않으므로 이 파드도 트래픽을 받게 됩니다. 레플리카셋은 이 파드를 건드리지 않는데, 레플리카셋의 셀렉터에는 pod-template-hash 레이블도 들어 있기 때문입니다.',
        },
      },
      text: {
        en: 'Run a pod of your own with the same label: `kubectl run solo --image=nginx --labels=app=web`. Then list the Service’s endpoints: `kubectl get endpoints web`.',
        ko: '같은 레이블을 단 파드를 직접 띄워 봅시다. `kubectl run solo --image=nginx --labels=app=web`을 실행한 다음, `kubectl get endpoints web`으로 서비스의 엔드포인트를 확인하세요.',
      },
      want: {
        en: 'Pod solo Running and among the endpoints of web (4 endpoints)',
        ko: 'solo 파드가 Running이고 web 엔드포인트에 포함 (엔드포인트 4개)',
      },
      goal: (view) => {
        const ip = soloIP(view);
        return (
          ip !== undefined &&
          endpointIPs(view).includes(ip) &&
          serviceSelects(view, 4) &&
          kubectlRead(view, { kinds: ['endpoints'], name: 'web' })
        );
      },
      hints: [
        {
          en: '`--labels=app=web` replaces the default label run=solo.',
          ko: '`--labels=app=web`을 주면 기본 레이블 run=solo 대신 이 레이블이 붙습니다.',
        },
        {
          en: 'Read the endpoints once solo is Running: `kubectl get endpoints web`.',
          ko: 'solo가 Running이 된 뒤 `kubectl get endpoints web`으로 확인하세요.',
        },
      ],
      solution: ['kubectl run solo --image=nginx --labels=app=web', 'kubectl get endpoints web'],
    },
    {
      id: 'relabel',
      predict: {
        question: {
          en: 'You change solo’s label to app=debug. What happens to the pod?',
          ko: 'solo의 레이블을 app=debug로 바꿉니다. 파드는 어떻게 될까요?',
        },
        choices: [
          {
            id: 'stays',
            text: {
              en: 'It keeps running, outside the Service',
              ko: '계속 실행되지만 서비스에서 빠진다',
            },
          },
          { id: 'deleted', text: { en: 'It is deleted', ko: '삭제된다' } },
          { id: 'restarted', text: { en: 'It restarts', ko: '재시작된다' } },
        ],
        answer: 'stays',
        explanation: {
          en: 'Labels are metadata: changing them never touches the containers. The endpoints controller sees a pod that no longer matches and drops its address; that is how you pull a misbehaving pod out of traffic to debug it.',
          ko: '레이블은 메타데이터라서 바꿔도 컨테이너에는 아무 영향이 없습니다. 엔드포인트 컨트롤러는 더 이상 셀렉터에 맞지 않는 파드를 보고 주소를 뺍니다. 문제가 생긴 파드를 트래픽에서 빼내 디버깅할 때 쓰는 방법입니다.',
        },
      },
      text: {
        en: 'Take solo out again by relabelling it: `kubectl label pod solo app=debug --overwrite`. Then `kubectl get pods -l app=web` lists what the Service selects now.',
        ko: '레이블을 바꿔 solo를 다시 빼 봅시다. `kubectl label pod solo app=debug --overwrite`를 실행하고, `kubectl get pods -l app=web`으로 서비스가 지금 고르는 파드를 확인하세요.',
      },
      want: {
        en: 'Pod solo Running with app=debug; Service web back to 3 endpoints',
        ko: 'solo 파드는 app=debug로 Running, web 서비스의 엔드포인트는 다시 3개',
      },
      goal: (view) => {
        const solo = view.pod('solo');
        return (
          solo?.metadata.labels?.['app'] === 'debug' &&
          solo.status.phase === 'Running' &&
          !endpointIPs(view).includes(solo.status.podIP ?? '') &&
          serviceSelects(view, 3)
        );
      },
      hints: [
        {
          en: 'Changing an existing label needs `--overwrite`; without it kubectl refuses.',
          ko: '이미 있는 레이블을 바꾸려면 `--overwrite`가 필요합니다. 없으면 kubectl이 거부합니다.',
        },
      ],
      solution: ['kubectl label pod solo app=debug --overwrite', 'kubectl get pods -l app=web'],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl get pods --show-labels`, `kubectl get pods -l app=web`, `kubectl label pod <name> app=debug --overwrite` to take a pod out of a Service, and `kubectl get endpoints web` (or `kubectl get endpointslices -l kubernetes.io/service-name=web`) to see what a Service selects.',
    ko: '실제 클러스터에서는 `kubectl get pods --show-labels`로 레이블을 보고, `kubectl get pods -l app=web`으로 골라 보고, `kubectl label pod <이름> app=debug --overwrite`로 파드를 서비스에서 빼냅니다. 서비스가 어떤 파드를 고르는지는 `kubectl get endpoints web`(또는 `kubectl get endpointslices -l kubernetes.io/service-name=web`)으로 확인합니다.',
  },
};
