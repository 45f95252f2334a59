import type { ClusterView } from './cluster-view';
import { appPods, firstStored, isRunningReady, kubectlRead, readyApp } from './goals';
import type { Lesson } from './types';

const APP = 'chk-hn';

/** nodePortService: the chk-hn Service is a NodePort on port 80 with a node port assigned. */
function nodePortService(view: ClusterView): boolean {
  const service = view.service(APP);
  if (!service || service.spec.type !== 'NodePort') return false;
  return (service.spec.ports ?? []).some(
    (port) =>
      port.port === 80 &&
      port.nodePort !== undefined &&
      port.nodePort >= 30000 &&
      port.nodePort <= 32767,
  );
}

/** endpointsMatchPods: the Service's Endpoints list exactly the IPs of the three ready pods. */
function endpointsMatchPods(view: ClusterView): boolean {
  const pods = appPods(view, APP);
  if (pods.length !== 3 || !pods.every(isRunningReady)) return false;
  const podIPs = new Set(pods.map((pod) => pod.status.podIP));
  const addresses = (view.endpoints(APP)?.subsets ?? []).flatMap((subset) =>
    (subset.addresses ?? []).map((address) => address.ip),
  );
  return addresses.length === podIPs.size && addresses.every((ip) => podIPs.has(ip));
}

/** servicesNodePort: reach pods from outside through a NodePort Service and read its Endpoints. */
export const servicesNodePort: Lesson = {
  id: 'services-nodeport',
  preset: 'kubeadm',
  title: {
    en: 'Reaching a Pod: Services and NodePort',
    ko: '서비스와 NodePort로 파드에 접속하기',
  },
  summary: {
    en: 'Pods come and go and their IPs change, and they are only reachable inside the cluster. Put a Service in front of a Deployment, open it on every node with NodePort, and see how its Endpoints follow the pods.',
    ko: '파드는 언제든 새로 만들어지고 그때마다 IP가 바뀌며, 기본적으로 클러스터 안에서만 접근할 수 있습니다. 디플로이먼트 앞에 서비스를 두고 NodePort로 모든 노드에 포트를 열어 본 뒤, 서비스의 엔드포인트가 파드를 어떻게 따라가는지 확인합니다.',
  },
  steps: [
    {
      id: 'create-deployment',
      text: {
        en: 'Start with something to reach. `sysnet4admin/chk-hn` is a small web server that answers with the name of the pod serving the request, handy for seeing which pod you hit. Run `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn` and let the pod start.',
        ko: '먼저 접속할 대상이 필요합니다. `sysnet4admin/chk-hn`은 요청을 받은 파드의 이름을 돌려주는 작은 웹 서버라서, 어느 파드가 응답했는지 바로 알 수 있습니다. `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`을 실행하고 파드가 뜰 때까지 기다려 보세요.',
      },
      goal: (view) => readyApp(view, APP, 1),
      hints: [
        {
          en: 'The deployment must be named chk-hn: the name becomes the label app=chk-hn on its pods.',
          ko: '디플로이먼트 이름은 chk-hn이어야 합니다. 이 이름이 파드의 레이블 app=chk-hn이 됩니다.',
        },
        {
          en: 'Press Step to quiet to let the image pull finish, then `kubectl get pods` shows it Running.',
          ko: '안정될 때까지 버튼을 눌러 이미지 풀을 마치게 한 뒤 `kubectl get pods`를 실행하면 Running 상태가 보입니다.',
        },
      ],
      solution: ['kubectl create deployment chk-hn --image=sysnet4admin/chk-hn'],
    },
    {
      id: 'scale-to-three',
      text: {
        en: 'One pod is a lonely backend. Scale to three with `kubectl scale deployment chk-hn --replicas=3` so the Service has several pods to spread traffic over.',
        ko: '파드가 하나뿐이면 트래픽을 나눌 곳이 없습니다. `kubectl scale deployment chk-hn --replicas=3`으로 세 개로 늘려서 서비스가 트래픽을 나눠 보낼 파드를 여러 개 만들어 두세요.',
      },
      goal: (view) => view.deployment(APP)?.spec.replicas === 3 && readyApp(view, APP, 3),
      hints: [
        {
          en: 'The flag is `--replicas=3`.',
          ko: '플래그는 `--replicas=3`입니다.',
        },
        {
          en: 'Wait until all three pods are Running: `kubectl get pods -o wide` also shows their IPs.',
          ko: '세 파드가 모두 Running이 될 때까지 기다리세요. `kubectl get pods -o wide`를 실행하면 각 파드의 IP도 볼 수 있습니다.',
        },
      ],
      solution: ['kubectl scale deployment chk-hn --replicas=3'],
    },
    {
      id: 'expose-nodeport',
      text: {
        en: 'A Service gives the pods one stable address and picks its backends by label (app=chk-hn). Type NodePort also opens the same port, between 30000 and 32767, on every node, so clients outside the cluster can reach it at <node IP>:<node port>. Run `kubectl expose deployment chk-hn --type=NodePort --port=80`.',
        ko: '서비스는 파드들에게 변하지 않는 주소 하나를 주고, 레이블(app=chk-hn)로 뒤에 둘 파드를 고릅니다. 타입을 NodePort로 하면 30000~32767 사이의 같은 포트가 모든 노드에 열려서, 클러스터 밖에서도 <노드 IP>:<노드 포트>로 접속할 수 있습니다. `kubectl expose deployment chk-hn --type=NodePort --port=80`을 실행하세요.',
      },
      goal: nodePortService,
      hints: [
        {
          en: 'Without `--type=NodePort` you get a ClusterIP Service, reachable only inside the cluster.',
          ko: '`--type=NodePort`를 빼면 클러스터 안에서만 접근할 수 있는 ClusterIP 서비스가 만들어집니다.',
        },
        {
          en: 'Made it wrong? `kubectl delete service chk-hn` and expose it again.',
          ko: '잘못 만들었다면 `kubectl delete service chk-hn`으로 지우고 다시 expose하세요.',
        },
      ],
      solution: ['kubectl expose deployment chk-hn --type=NodePort --port=80'],
    },
    {
      id: 'read-node-port',
      text: {
        en: 'Find the port the cluster picked: run `kubectl get services`. In the PORT(S) column, `80:3xxxx/TCP` means Service port 80 inside the cluster and node port 3xxxx on every node. Any node works, even one that runs none of the pods: kube-proxy forwards the traffic to a pod.',
        ko: '클러스터가 어떤 포트를 골랐는지 확인해 봅시다. `kubectl get services`를 실행하세요. PORT(S) 열의 `80:3xxxx/TCP`는 클러스터 안에서 쓰는 서비스 포트가 80이고, 모든 노드에 열린 노드 포트가 3xxxx라는 뜻입니다. 파드가 하나도 없는 노드로 접속해도 kube-proxy가 트래픽을 파드로 넘겨 줍니다.',
      },
      goal: (view) => {
        const created = firstStored(view, 'Service', APP);
        return (
          nodePortService(view) &&
          created !== undefined &&
          kubectlRead(view, { kinds: ['services'], after: created })
        );
      },
      hints: [
        {
          en: '`kubectl get svc` is the short form; `kubectl get service chk-hn` shows only ours.',
          ko: '줄여서 `kubectl get svc`라고 써도 되고, `kubectl get service chk-hn`이라고 하면 이 서비스만 보입니다.',
        },
        {
          en: 'The number after the colon in PORT(S) is the node port.',
          ko: 'PORT(S) 열에서 콜론 뒤의 숫자가 노드 포트입니다.',
        },
      ],
      solution: ['kubectl get services'],
    },
    {
      id: 'read-endpoints',
      text: {
        en: 'How does the Service know where the pods are? The endpoints controller in kube-controller-manager keeps an Endpoints object with the IP of every ready pod that matches the selector. Run `kubectl get endpoints chk-hn` and compare the addresses with the IPs in `kubectl get pods -o wide`.',
        ko: '서비스는 파드가 어디 있는지 어떻게 알까요? kube-controller-manager의 엔드포인트 컨트롤러가 셀렉터에 맞고 준비된 파드의 IP를 모아 Endpoints 오브젝트에 적어 둡니다. `kubectl get endpoints chk-hn`을 실행하고, 주소를 `kubectl get pods -o wide`의 IP와 비교해 보세요.',
      },
      goal: (view) => {
        // A read before the endpoints controller wrote the object shows nothing to compare.
        const written = firstStored(view, 'Endpoints', APP);
        return (
          endpointsMatchPods(view) &&
          written !== undefined &&
          kubectlRead(view, { kinds: ['endpoints', 'endpointslices'], after: written })
        );
      },
      hints: [
        {
          en: '`kubectl get ep chk-hn` is the short form; `kubectl describe service chk-hn` shows them too.',
          ko: '줄여서 `kubectl get ep chk-hn`이라고 써도 되고, `kubectl describe service chk-hn`으로도 볼 수 있습니다.',
        },
        {
          en: 'All three pods must be Running and ready to be listed.',
          ko: '세 파드가 모두 Running이고 준비(Ready) 상태여야 목록에 올라갑니다.',
        },
      ],
      solution: ['kubectl get endpoints chk-hn'],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl scale deployment chk-hn --replicas=3`, `kubectl expose deployment chk-hn --type=NodePort --port=80`, then `kubectl get services` for the node port and `curl <node IP>:<node port>` from outside; repeat the curl and the pod name in the answer changes.',
    ko: '실제 클러스터에서는 `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl scale deployment chk-hn --replicas=3`, `kubectl expose deployment chk-hn --type=NodePort --port=80`을 차례로 실행하고, `kubectl get services`로 노드 포트를 확인한 다음 클러스터 밖에서 `curl <노드 IP>:<노드 포트>`로 접속합니다. curl을 여러 번 보내면 응답에 찍히는 파드 이름이 바뀌는 것을 볼 수 있습니다.',
  },
};
