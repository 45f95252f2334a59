import type { ClusterView } from './cluster-view';
import { podsOf, readyApp, restartCount } from './goals';
import { applyDeployment, applyPod } from './manifests';
import type { Lesson } from './types';

const web = (probePort: number) =>
  applyDeployment({
    name: 'web',
    replicas: 2,
    image: 'nginx:1.27',
    container: 'nginx',
    containerFields: `readinessProbe:
  httpGet:
    path: /
    port: ${probePort}
  periodSeconds: 5`,
  });

const STUCK = applyPod({
  name: 'stuck',
  image: 'nginx:1.27',
  container: 'nginx',
  containerFields: `livenessProbe:
  httpGet:
    path: /
    port: 8080
  periodSeconds: 5
  failureThreshold: 3`,
});

/** endpointCounts are Service web's ready and not-ready addresses. */
function endpointCounts(view: ClusterView): { ready: number; notReady: number } {
  const subsets = view.endpoints('web')?.subsets ?? [];
  return {
    ready: subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
    notReady: subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
  };
}

const probePort = (view: ClusterView) =>
  view.deployment('web')?.spec.template.spec.containers[0]?.readinessProbe?.httpGet?.port;

/**
 * probes separates the kubelet's two questions: readiness ("may this pod get traffic?") decides
 * Service endpoints and never restarts anything; liveness ("is it stuck?") restarts the container.
 */
export const probes: Lesson = {
  id: 'probes',
  preset: 'kubeadm',
  title: { en: 'Probes: readiness and liveness', ko: '프로브: 레디니스와 라이브니스' },
  summary: {
    en: 'A Running container is not necessarily a working one. The kubelet probes it: a failing readiness probe takes the pod out of its Services, a failing liveness probe gets the container restarted. Break each one and watch who reacts.',
    ko: '컨테이너가 Running이라고 해서 제대로 일하고 있다는 뜻은 아닙니다. kubelet은 컨테이너를 검사(프로브)합니다. 레디니스 프로브가 실패하면 파드가 서비스에서 빠지고, 라이브니스 프로브가 실패하면 컨테이너가 재시작됩니다. 하나씩 일부러 망가뜨려 보고 누가 반응하는지 지켜봅니다.',
  },
  steps: [
    {
      id: 'not-ready',
      predict: {
        question: {
          en: 'nginx listens on port 80, but the readiness probe checks 8080. What does `kubectl get pods` show?',
          ko: 'nginx는 80번 포트에서 기다리는데 레디니스 프로브는 8080번을 검사합니다. `kubectl get pods`에는 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'unready',
            text: { en: 'READY 0/1, STATUS Running', ko: 'READY 0/1, STATUS Running' },
          },
          {
            id: 'crash',
            text: {
              en: 'READY 0/1, STATUS CrashLoopBackOff',
              ko: 'READY 0/1, STATUS CrashLoopBackOff',
            },
          },
          {
            id: 'ready',
            text: { en: 'READY 1/1, STATUS Running', ko: 'READY 1/1, STATUS Running' },
          },
        ],
        answer: 'unready',
        explanation: {
          en: 'A readiness failure only sets the container’s ready flag to false; the process keeps running and nothing restarts. The endpoints controller lists the pods under notReadyAddresses, so the Service sends them no traffic.',
          ko: '레디니스 실패는 컨테이너의 ready 값을 false로 바꿀 뿐입니다. 프로세스는 계속 돌고 아무것도 재시작되지 않습니다. 엔드포인트 컨트롤러는 이 파드를 notReadyAddresses에 넣으므로, 서비스는 이 파드로 트래픽을 보내지 않습니다.',
        },
      },
      text: {
        en: 'Apply the Deployment web from the solution (its readiness probe checks the wrong port) and put a Service in front: `kubectl expose deployment web --port=80`. After a few probe periods, compare `kubectl get pods` with `kubectl get endpoints web`.',
        ko: '정답에 있는 web 디플로이먼트(레디니스 프로브가 엉뚱한 포트를 검사합니다)를 적용하고, `kubectl expose deployment web --port=80`으로 앞에 서비스를 두세요. 프로브가 몇 번 돈 뒤 `kubectl get pods`와 `kubectl get endpoints web`을 비교해 보세요.',
      },
      want: {
        en: '2 pods Running but 0/1 ready; Service web has no ready endpoints',
        ko: '파드 2개 Running이지만 0/1 Ready, web 서비스에는 Ready 엔드포인트 없음',
      },
      goal: (view) => {
        const pods = podsOf(view, 'app', 'web');
        const { ready, notReady } = endpointCounts(view);
        return (
          probePort(view) === 8080 &&
          pods.length === 2 &&
          pods.every(
            (pod) =>
              pod.status.phase === 'Running' &&
              pod.status.containerStatuses?.[0]?.ready === false &&
              pod.status.containerStatuses[0].state?.running !== undefined,
          ) &&
          ready === 0 &&
          notReady === 2
        );
      },
      hints: [
        {
          en: 'Two commands: apply the Deployment, then expose it.',
          ko: '명령 두 개입니다. 디플로이먼트를 적용한 다음 expose하세요.',
        },
      ],
      solution: [web(8080), 'kubectl expose deployment web --port=80'],
    },
    {
      id: 'ready',
      text: {
        en: 'Fix the probe: change its port to 80 and apply again. The template changed, so the Deployment rolls out new pods; they pass the probe, become Ready and join the endpoints.',
        ko: '프로브를 고칩니다. 포트를 80으로 바꿔 다시 적용하세요. 템플릿이 바뀌었으니 디플로이먼트가 새 파드로 롤아웃하고, 새 파드는 프로브를 통과해 Ready가 되어 엔드포인트에 들어갑니다.',
      },
      want: {
        en: '2 pods Running and 1/1 ready; Service web has 2 endpoints',
        ko: '파드 2개 Running, 1/1 Ready, web 서비스의 엔드포인트 2개',
      },
      goal: (view) =>
        probePort(view) === 80 &&
        readyApp(view, 'web', 2) &&
        endpointCounts(view).ready === 2 &&
        endpointCounts(view).notReady === 0,
      hints: [
        {
          en: 'Only `port: 8080` under readinessProbe changes, to `port: 80`.',
          ko: 'readinessProbe 아래의 `port: 8080`만 `port: 80`으로 바꾸면 됩니다.',
        },
      ],
      solution: [web(80)],
    },
    {
      id: 'liveness-restarts',
      predict: {
        question: {
          en: 'Pod stuck has a liveness probe on port 8080, where nothing listens. What happens after three failures?',
          ko: 'stuck 파드에는 아무도 기다리지 않는 8080번 포트를 검사하는 라이브니스 프로브가 있습니다. 세 번 실패하면 어떻게 될까요?',
        },
        choices: [
          {
            id: 'restart',
            text: {
              en: 'The kubelet restarts the container; RESTARTS goes up',
              ko: 'kubelet이 컨테이너를 재시작하고 RESTARTS가 올라간다',
            },
          },
          {
            id: 'new-pod',
            text: { en: 'The pod is deleted and replaced', ko: '파드가 지워지고 새로 만들어진다' },
          },
          {
            id: 'unready',
            text: { en: 'It only becomes not ready', ko: 'Ready가 아니게 될 뿐이다' },
          },
        ],
        answer: 'restart',
        explanation: {
          en: 'Liveness is the kubelet’s own business: after failureThreshold failures it kills the container and restarts it in the same pod, with the usual back-off. No controller is involved, so even a bare pod gets this care. Events show “Liveness probe failed” and “Container nginx failed liveness probe, will be restarted”.',
          ko: '라이브니스는 kubelet이 직접 처리합니다. failureThreshold만큼 실패하면 컨테이너를 죽이고 같은 파드 안에서 다시 띄우며, 재시작 간격은 점점 늘어납니다. 컨트롤러가 끼어들지 않으므로 단독 파드도 이 보살핌을 받습니다. 이벤트에는 "Liveness probe failed"와 "Container nginx failed liveness probe, will be restarted"가 남습니다.',
        },
      },
      text: {
        en: 'Apply the pod stuck from the solution and Step to quiet a few times. Watch the RESTARTS column in `kubectl get pods` and the events in `kubectl describe pod stuck`.',
        ko: '정답에 있는 stuck 파드를 적용하고 안정될 때까지 버튼을 몇 번 누르세요. `kubectl get pods`의 RESTARTS 열과 `kubectl describe pod stuck`의 이벤트를 살펴보세요.',
      },
      want: {
        en: 'Pod stuck restarted by the kubelet at least once (same pod)',
        ko: 'stuck 파드가 kubelet에 의해 한 번 이상 재시작됨 (같은 파드)',
      },
      goal: (view) => {
        const stuck = view.pod('stuck');
        return (
          stuck?.spec.containers[0]?.livenessProbe !== undefined &&
          restartCount(stuck) >= 1 &&
          stuck.status.containerStatuses?.[0]?.lastState?.terminated !== undefined
        );
      },
      hints: [
        {
          en: 'Three failures five seconds apart take about fifteen simulated seconds.',
          ko: '5초 간격으로 세 번 실패하려면 시뮬레이션 시간으로 15초쯤 걸립니다.',
        },
      ],
      solution: [STUCK],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl describe pod <name>` lists probe failures in Events, `kubectl get endpoints <service>` (or EndpointSlices) shows who gets traffic, and a slow-starting app gets a startupProbe so liveness does not kill it while it boots.',
    ko: '실제 클러스터에서는 `kubectl describe pod <이름>`의 Events에서 프로브 실패를 확인하고, `kubectl get endpoints <서비스>`(또는 EndpointSlice)로 누가 트래픽을 받는지 봅니다. 시작이 느린 앱에는 startupProbe를 두어, 부팅하는 동안 라이브니스 프로브가 컨테이너를 죽이지 않게 합니다.',
  },
};
