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

const CLIENT = 'client';

/** namesService: a request's host is the Service, by short name, DNS name or ClusterIP. */
function namesService(view: ClusterView, host: string): boolean {
  const clusterIP = view.service(APP)?.spec.clusterIP;
  return host === APP || host.startsWith(`${APP}.default`) || host === clusterIP;
}

/**
 * podsAnsweringService are the chk-hn pods kube-proxy's rules sent a request for the Service to
 * (a DNAT hop), when a pod sent it on port 80: a request to a pod's own IP has no DNAT and does
 * not count.
 */
function podsAnsweringService(view: ClusterView): Set<string> {
  const answered = new Set<string>();
  for (const hop of view.hops()) {
    if (hop.channel !== 'traffic' || hop.verb !== 'DNAT' || !hop.to.startsWith(`pod/${APP}-`)) {
      continue;
    }
    const url = String(hop.note?.args?.['url'] ?? '');
    const [host, port] = url.split('/')[0]!.split(':');
    if (port === '80' && host !== undefined && namesService(view, host)) answered.add(hop.to);
  }
  return answered;
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
    en: 'Pods come and go and their IPs change, and they are only reachable inside the cluster. Put a Service in front of a Deployment, open it on every node with NodePort, see how its Endpoints follow the pods, then call it from another pod and watch different pods answer.',
    ko: '파드는 언제든 새로 만들어지고 그때마다 IP가 바뀌며, 기본적으로 클러스터 안에서만 접근할 수 있습니다. 디플로이먼트 앞에 서비스를 두고 NodePort로 모든 노드에 포트를 열어 본 뒤, 서비스의 엔드포인트가 파드를 어떻게 따라가는지 확인합니다. 마지막으로 다른 파드에서 서비스를 불러 보고, 요청마다 다른 파드가 응답하는 모습을 지켜봅니다.',
  },
  steps: [
    {
      id: 'create-deployment',
      text: {
        en: 'Start with something to reach. `sysnet4admin/chk-hn` is a small web server that answers with the name of the pod serving the request, handy for seeing which pod you hit. Run `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn` and let the pod start.',
        ko: '먼저 접속할 대상이 필요합니다. `sysnet4admin/chk-hn`은 요청을 받은 파드의 이름을 돌려주는 작은 웹 서버라서, 어느 파드가 응답했는지 바로 알 수 있습니다. `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`을 실행하고 파드가 뜰 때까지 기다려 보세요.',
      },
      want: {
        en: '1 pod chk-hn Running',
        ko: 'chk-hn 파드 1개 Running',
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
      want: {
        en: '3 pods chk-hn Running',
        ko: 'chk-hn 파드 3개 Running',
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
      want: {
        en: 'Service chk-hn of type NodePort on port 80',
        ko: '80번 포트의 NodePort 타입 chk-hn 서비스',
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
      want: {
        en: 'The node port read from kubectl get services',
        ko: 'kubectl get services로 노드 포트 확인',
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
      want: {
        en: '3 endpoints of chk-hn read',
        ko: 'chk-hn 엔드포인트 3개 확인',
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
    {
      id: 'client-pod',
      text: {
        en: 'Now reach the Service from inside the cluster, as another app would. Start a pod to call from: `kubectl run client --image=nginx`. The nginx image happens to ship with `curl`.',
        ko: '이번에는 다른 앱이 하듯 클러스터 안에서 서비스에 접속해 봅시다. 요청을 보낼 파드부터 띄웁니다. `kubectl run client --image=nginx`를 실행하세요. nginx 이미지에는 마침 `curl`이 들어 있습니다.',
      },
      want: { en: 'Pod client Running', ko: 'client 파드 Running' },
      goal: (view) => {
        const client = view.pod(CLIENT);
        return client !== undefined && isRunningReady(client);
      },
      hints: [
        {
          en: 'Name the pod client: the next step runs commands in it.',
          ko: '파드 이름은 client로 하세요. 다음 단계에서 이 파드 안에서 명령을 실행합니다.',
        },
      ],
      solution: [`kubectl run ${CLIENT} --image=nginx`],
    },
    {
      id: 'curl-from-pod',
      predict: {
        question: {
          en: 'From client you send the same request to chk-hn three times. Which pod answers?',
          ko: 'client 파드에서 chk-hn으로 같은 요청을 세 번 보냅니다. 어느 파드가 응답할까요?',
        },
        choices: [
          {
            id: 'same',
            text: {
              en: 'Always the same pod',
              ko: '언제나 같은 파드',
            },
          },
          {
            id: 'turns',
            text: {
              en: 'Each pod in turn, one after another',
              ko: '세 파드가 차례대로 돌아가며',
            },
          },
          {
            id: 'random',
            text: {
              en: 'Any of the three, picked afresh for every request',
              ko: '요청마다 셋 중 아무 파드나',
            },
          },
        ],
        answer: 'random',
        explanation: {
          en: 'kube-proxy on every node turns the Service into iptables rules: the ClusterIP is rewritten (DNAT) to one pod IP, chosen at random for each new connection, 1/3 for the first pod, then 1/2, then the last. Nothing keeps turns, so the same pod can answer twice in a row.',
          ko: '각 노드의 kube-proxy는 서비스를 iptables 규칙으로 바꿔 둡니다. 새 연결이 생길 때마다 ClusterIP를 파드 IP 하나로 바꾸는데(DNAT), 첫 파드는 1/3, 다음은 1/2, 마지막은 남은 확률로 무작위로 고릅니다. 순서를 기억하지 않으니 같은 파드가 연달아 응답할 수도 있습니다.',
        },
      },
      text: {
        en: 'Call the Service by name from inside client: `kubectl exec client -- curl -s chk-hn`, and run it a few times. CoreDNS turns chk-hn into the ClusterIP, kube-proxy’s rules on client’s node send each connection to one pod, and chk-hn answers with that pod’s name. Keep going until two different pods have answered.',
        ko: 'client 파드 안에서 서비스 이름으로 접속해 보세요. `kubectl exec client -- curl -s chk-hn`을 몇 번 실행하면 됩니다. CoreDNS가 chk-hn을 ClusterIP로 바꿔 주고, client가 있는 노드의 kube-proxy 규칙이 연결마다 파드 하나를 골라 보내며, chk-hn은 그 파드의 이름으로 응답합니다. 서로 다른 파드 두 개가 응답할 때까지 반복해 보세요.',
      },
      want: {
        en: 'Requests to the Service chk-hn answered by 2 different pods',
        ko: 'chk-hn 서비스로 보낸 요청에 서로 다른 파드 2개가 응답',
      },
      goal: (view) => podsAnsweringService(view).size >= 2,
      hints: [
        {
          en: 'Everything after `--` runs inside the pod. Compare the names in the answers with `kubectl get pods`.',
          ko: '`--` 뒤의 명령은 파드 안에서 실행됩니다. 응답에 찍힌 이름을 `kubectl get pods`의 파드 이름과 비교해 보세요.',
        },
        {
          en: 'Calling a pod’s IP directly skips the Service: use the name chk-hn or its ClusterIP.',
          ko: '파드 IP로 바로 접속하면 서비스를 거치지 않습니다. chk-hn이라는 이름이나 ClusterIP로 접속하세요.',
        },
      ],
      solution: [
        `kubectl exec ${CLIENT} -- curl -s chk-hn`,
        `kubectl exec ${CLIENT} -- curl -s chk-hn`,
        `kubectl exec ${CLIENT} -- curl -s chk-hn`,
      ],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl scale deployment chk-hn --replicas=3`, `kubectl expose deployment chk-hn --type=NodePort --port=80`, then `kubectl get services` for the node port and `curl <node IP>:<node port>` from outside; repeat the curl and the pod name in the answer changes. Inside the cluster, `kubectl exec client -- curl -s chk-hn` reaches the same pods by the Service’s name.',
    ko: '실제 클러스터에서는 `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl scale deployment chk-hn --replicas=3`, `kubectl expose deployment chk-hn --type=NodePort --port=80`을 차례로 실행하고, `kubectl get services`로 노드 포트를 확인한 다음 클러스터 밖에서 `curl <노드 IP>:<노드 포트>`로 접속합니다. curl을 여러 번 보내면 응답에 찍히는 파드 이름이 바뀌는 것을 볼 수 있습니다. 클러스터 안에서는 `kubectl exec client -- curl -s chk-hn`처럼 서비스 이름으로 같은 파드들에 접속합니다.',
  },
};
