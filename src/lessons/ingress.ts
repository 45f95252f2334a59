import type { Hop } from '../engine';
import type { ClusterView } from './cluster-view';
import { isRunningReady, readyApp } from './goals';
import type { Lesson } from './types';

const NGINX_NS = 'ingress-nginx';
const CONTROLLER = 'ingress-nginx-controller';
const CONTROLLER_ADDRESS = `${CONTROLLER}.${NGINX_NS}`;
const HOSTS = { web: 'web.example.com', hn: 'hn.example.com' } as const;
const CLIENT = 'client';

/**
 * INGRESS_NGINX_INSTALL is the part of ingress-nginx's bare-metal deploy.yaml that runs it: the
 * namespace, the IngressClass, the controller Deployment and its NodePort Service (the real file
 * adds RBAC, a ConfigMap and an admission webhook).
 */
const INGRESS_NGINX_INSTALL = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: ${NGINX_NS}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${CONTROLLER}
  namespace: ${NGINX_NS}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: ingress-nginx
      app.kubernetes.io/component: controller
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ingress-nginx
        app.kubernetes.io/component: controller
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.12.0
        args:
        - /nginx-ingress-controller
        - --ingress-class=nginx
        ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${CONTROLLER}
  namespace: ${NGINX_NS}
spec:
  type: NodePort
  selector:
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
  ports:
  - name: http
    port: 80
    targetPort: http
EOF`;

/** curlHost is a request from the client pod to the controller, for one host name. */
const curlHost = (host: string) =>
  `kubectl exec ${CLIENT} -- curl -s -H "Host: ${host}" ${CONTROLLER_ADDRESS}`;

/** controllerRuns: an ingress-nginx controller pod is Running and Ready behind its Service. */
function controllerRuns(view: ClusterView): boolean {
  const pods = view
    .pods(NGINX_NS)
    .filter(
      (pod) =>
        pod.metadata.labels?.['app.kubernetes.io/component'] === 'controller' &&
        pod.metadata.deletionTimestamp === undefined &&
        isRunningReady(pod),
    );
  return pods.length > 0 && view.service(CONTROLLER, NGINX_NS) !== undefined;
}

/** routes: Ingress demo of class nginx sends each host to its Service on port 80. */
function routes(view: ClusterView): boolean {
  const ingress = view.ingresses().find((ing) => ing.metadata.name === 'demo');
  if (ingress?.spec.ingressClassName !== 'nginx') return false;
  const backendOf = (host: string) =>
    (ingress.spec.rules ?? [])
      .filter((rule) => rule.host === host)
      .flatMap((rule) => rule.http?.paths ?? [])
      .find((path) => (path.path ?? '/') === '/')?.backend.service;
  const sendsTo = (host: string, service: string) => {
    const backend = backendOf(host);
    return backend?.name === service && backend.port?.number === 80;
  };
  return sendsTo(HOSTS.web, 'web') && sendsTo(HOSTS.hn, 'chk-hn');
}

/** fromController: a traffic hop the ingress controller's pod sent. */
const fromController = (hop: Hop) =>
  hop.channel === 'traffic' && hop.from.startsWith(`pod/${CONTROLLER}-`);

/** proxiedTo: the controller proxied a request to a pod of the app (an L7 hop, not a DNAT). */
const proxiedTo = (view: ClusterView, app: string) =>
  view
    .hops()
    .some((hop) => fromController(hop) && hop.verb === 'proxy' && hop.to.startsWith(`pod/${app}-`));

/**
 * ingress contrasts a Service, which kube-proxy routes by address and port (L4), with an Ingress,
 * which a controller pod routes by HTTP host and path (L7), many apps behind one entry point.
 */
export const ingress: Lesson = {
  id: 'ingress',
  preset: 'kubeadm',
  title: {
    en: 'Ingress (L7) vs Service (L4)',
    ko: '인그레스(L7)와 서비스(L4)',
  },
  summary: {
    en: 'A Service forwards by address and port and never looks inside the request. An Ingress routes HTTP by host name and path, so many apps can share one entry point. Install an ingress controller, route two host names to two Services, and watch who answers what.',
    ko: '서비스는 주소와 포트만 보고 요청을 넘길 뿐 요청 내용은 들여다보지 않습니다. 인그레스는 HTTP의 호스트 이름과 경로를 보고 길을 정하므로, 여러 앱이 입구 하나를 함께 쓸 수 있습니다. 인그레스 컨트롤러를 설치하고, 호스트 이름 두 개를 서비스 두 개로 보낸 다음, 어떤 요청에 누가 응답하는지 지켜봅니다.',
  },
  steps: [
    {
      id: 'two-apps',
      text: {
        en: 'Two apps, each behind its own ClusterIP Service: `kubectl create deployment web --image=nginx:1.27`, `kubectl expose deployment web --port=80`, `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl expose deployment chk-hn --port=80`. With Services alone, each app needs its own address or port to be reached from outside.',
        ko: '서비스를 하나씩 둔 앱 두 개를 준비합니다. `kubectl create deployment web --image=nginx:1.27`, `kubectl expose deployment web --port=80`, `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn`, `kubectl expose deployment chk-hn --port=80`을 차례로 실행하세요. 서비스만으로는 밖에서 접속하려면 앱마다 주소나 포트가 따로 있어야 합니다.',
      },
      want: {
        en: 'web and chk-hn Running, each behind a Service on port 80',
        ko: 'web과 chk-hn이 Running, 각각 80번 포트 서비스 뒤에',
      },
      goal: (view) =>
        readyApp(view, 'web', 1) &&
        readyApp(view, 'chk-hn', 1) &&
        ['web', 'chk-hn'].every((name) =>
          (view.service(name)?.spec.ports ?? []).some((port) => port.port === 80),
        ),
      hints: [
        {
          en: 'Keep the names web and chk-hn: the Ingress refers to the Services by name.',
          ko: '이름은 web과 chk-hn으로 하세요. 인그레스가 서비스를 이름으로 가리킵니다.',
        },
      ],
      solution: [
        'kubectl create deployment web --image=nginx:1.27',
        'kubectl expose deployment web --port=80',
        'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn',
        'kubectl expose deployment chk-hn --port=80',
      ],
    },
    {
      id: 'install-controller',
      text: {
        en: 'Kubernetes stores Ingresses but ships nothing that acts on them: that is the job of an ingress controller, a proxy running in a pod. Install ingress-nginx: paste the solution’s manifest into the Manifest editor and press Apply. It is the part of its bare-metal deploy.yaml that runs the controller and opens it on a NodePort.',
        ko: '쿠버네티스는 인그레스를 저장만 할 뿐, 그것을 보고 움직이는 구성 요소는 기본으로 들어 있지 않습니다. 그 일은 파드로 실행되는 프록시인 인그레스 컨트롤러가 맡습니다. 정답의 매니페스트를 매니페스트 편집기에 붙여 넣고 적용 버튼을 눌러 ingress-nginx를 설치하세요. 베어메탈용 deploy.yaml 가운데 컨트롤러를 실행하고 NodePort로 여는 부분입니다.',
      },
      want: {
        en: 'ingress-nginx controller Running behind its Service',
        ko: 'ingress-nginx 컨트롤러가 서비스 뒤에서 Running',
      },
      goal: controllerRuns,
      hints: [
        {
          en: '`kubectl get pods -n ingress-nginx` shows the controller pod.',
          ko: '`kubectl get pods -n ingress-nginx`로 컨트롤러 파드를 확인할 수 있습니다.',
        },
      ],
      solution: [INGRESS_NGINX_INSTALL],
    },
    {
      id: 'create-ingress',
      predict: {
        question: {
          en: 'You create an Ingress. Which component reads it and acts on it?',
          ko: '인그레스를 만듭니다. 이것을 읽고 실제로 움직이는 구성 요소는 무엇일까요?',
        },
        choices: [
          {
            id: 'kube-proxy',
            text: { en: 'kube-proxy on every node', ko: '모든 노드의 kube-proxy' },
          },
          {
            id: 'controller',
            text: { en: 'The ingress-nginx controller pod', ko: 'ingress-nginx 컨트롤러 파드' },
          },
          {
            id: 'manager',
            text: { en: 'kube-controller-manager', ko: 'kube-controller-manager' },
          },
        ],
        answer: 'controller',
        explanation: {
          en: 'An Ingress is only a routing table in the API server. The controller you installed watches Ingresses of its class (nginx), turns them into nginx configuration, and writes its own address into their status: the ADDRESS column. Without a controller the same Ingress would do nothing at all.',
          ko: '인그레스는 API 서버에 저장된 라우팅 표일 뿐입니다. 설치한 컨트롤러가 자기 클래스(nginx)의 인그레스를 지켜보다가 nginx 설정으로 바꾸고, 자기 주소를 인그레스의 status에 적습니다. 그것이 ADDRESS 열입니다. 컨트롤러가 없다면 같은 인그레스를 만들어도 아무 일도 일어나지 않습니다.',
        },
      },
      text: {
        en: `Route by host name: \`kubectl create ingress demo --class=nginx --rule="${HOSTS.web}/*=web:80" --rule="${HOSTS.hn}/*=chk-hn:80"\`. Then \`kubectl get ingress\` and wait for an ADDRESS.`,
        ko: `호스트 이름으로 길을 정합니다. \`kubectl create ingress demo --class=nginx --rule="${HOSTS.web}/*=web:80" --rule="${HOSTS.hn}/*=chk-hn:80"\`를 실행한 뒤 \`kubectl get ingress\`로 ADDRESS가 채워질 때까지 기다리세요.`,
      },
      want: {
        en: `Ingress demo: ${HOSTS.web} → web, ${HOSTS.hn} → chk-hn, with an address`,
        ko: `demo 인그레스: ${HOSTS.web} → web, ${HOSTS.hn} → chk-hn, 주소 부여됨`,
      },
      goal: (view) =>
        routes(view) &&
        view
          .ingresses()
          .some(
            (ing) => ing.metadata.name === 'demo' && ing.status?.loadBalancer?.ingress?.[0]?.ip,
          ),
      hints: [
        {
          en: 'Quote each rule: host/path=service:port, where `/*` means every path under /.',
          ko: '규칙은 따옴표로 감싸세요. 형식은 호스트/경로=서비스:포트이고, `/*`는 / 아래 모든 경로라는 뜻입니다.',
        },
        {
          en: '`kubectl describe ingress demo` lists the rules and the pod addresses behind each.',
          ko: '`kubectl describe ingress demo`를 실행하면 규칙과 그 뒤의 파드 주소가 나옵니다.',
        },
      ],
      solution: [
        `kubectl create ingress demo --class=nginx --rule="${HOSTS.web}/*=web:80" --rule="${HOSTS.hn}/*=chk-hn:80"`,
      ],
    },
    {
      id: 'client-pod',
      text: {
        en: 'Start a pod to send requests from: `kubectl run client --image=nginx` (its image has curl).',
        ko: '요청을 보낼 파드를 띄웁니다. `kubectl run client --image=nginx`를 실행하세요(이 이미지에는 curl이 있습니다).',
      },
      want: { en: 'Pod client Running', ko: 'client 파드 Running' },
      goal: (view) => {
        const client = view.pod(CLIENT);
        return client !== undefined && isRunningReady(client);
      },
      hints: [
        {
          en: 'Name it client: the next steps run curl inside it.',
          ko: '이름은 client로 하세요. 다음 단계에서 이 안에서 curl을 실행합니다.',
        },
      ],
      solution: [`kubectl run ${CLIENT} --image=nginx`],
    },
    {
      id: 'route-by-host',
      predict: {
        question: {
          en: `Requests for ${HOSTS.web} and ${HOSTS.hn} go to the same address and port. How does the one for ${HOSTS.hn} end up at chk-hn?`,
          ko: `${HOSTS.web}과 ${HOSTS.hn}으로 가는 요청은 같은 주소, 같은 포트로 들어갑니다. ${HOSTS.hn} 요청은 어떻게 chk-hn에 닿을까요?`,
        },
        choices: [
          {
            id: 'dns',
            text: {
              en: 'DNS gives each host name a different IP',
              ko: 'DNS가 호스트 이름마다 다른 IP를 준다',
            },
          },
          {
            id: 'host',
            text: {
              en: 'The controller reads the Host header of the HTTP request',
              ko: '컨트롤러가 HTTP 요청의 Host 헤더를 읽는다',
            },
          },
          {
            id: 'kube-proxy',
            text: {
              en: 'kube-proxy matches the host name in its iptables rules',
              ko: 'kube-proxy가 iptables 규칙에서 호스트 이름을 맞춰 본다',
            },
          },
        ],
        answer: 'host',
        explanation: {
          en: 'kube-proxy works at layer 4: its rules see addresses and ports, never the request inside. The ingress controller works at layer 7: it reads the request, matches Host and path against the Ingress, and opens its own connection straight to one pod of the chosen Service, taken from its endpoints rather than through the ClusterIP.',
          ko: 'kube-proxy는 L4에서 동작해서 규칙이 주소와 포트만 볼 뿐, 그 안의 요청은 보지 못합니다. 인그레스 컨트롤러는 L7에서 동작합니다. 요청을 열어 Host와 경로를 인그레스 규칙과 맞춰 보고, 고른 서비스의 파드 가운데 하나로 직접 새 연결을 엽니다. 이때 ClusterIP를 거치지 않고 엔드포인트 목록에서 파드를 고릅니다.',
        },
      },
      text: {
        en: `Send both host names to the controller’s Service: \`${curlHost(HOSTS.hn)}\` answers with a chk-hn pod’s name, and \`${curlHost(HOSTS.web)}\` with nginx’s welcome page. curl’s \`-H "Host: ..."\` plays the part of a DNS name pointing at the controller.`,
        ko: `두 호스트 이름으로 컨트롤러의 서비스에 요청을 보내 보세요. \`${curlHost(HOSTS.hn)}\`는 chk-hn 파드의 이름으로, \`${curlHost(HOSTS.web)}\`는 nginx 환영 페이지로 응답합니다. curl의 \`-H "Host: ..."\`는 컨트롤러를 가리키는 DNS 이름을 대신합니다.`,
      },
      want: {
        en: 'The controller proxied requests to a web pod and to a chk-hn pod',
        ko: '컨트롤러가 web 파드와 chk-hn 파드로 요청을 프록시함',
      },
      goal: (view) => proxiedTo(view, 'web') && proxiedTo(view, 'chk-hn'),
      hints: [
        {
          en: 'Without `-H "Host: ..."` the request carries the Service’s name as its host, which no rule matches.',
          ko: '`-H "Host: ..."`를 빼면 서비스 이름이 호스트로 들어가서 맞는 규칙이 없습니다.',
        },
        {
          en: 'Calling chk-hn’s own Service goes through kube-proxy, not the controller: send the requests to ingress-nginx-controller.ingress-nginx.',
          ko: 'chk-hn 서비스로 바로 보내면 컨트롤러가 아니라 kube-proxy를 거칩니다. 요청은 ingress-nginx-controller.ingress-nginx로 보내세요.',
        },
      ],
      solution: [curlHost(HOSTS.hn), curlHost(HOSTS.web)],
    },
    {
      id: 'unknown-host',
      predict: {
        question: {
          en: 'What comes back for a host name that no rule mentions, such as other.example.com?',
          ko: 'other.example.com처럼 어떤 규칙에도 없는 호스트 이름으로 보내면 무엇이 돌아올까요?',
        },
        choices: [
          {
            id: 'timeout',
            text: { en: 'Nothing: the connection times out', ko: '응답 없음: 연결 시간 초과' },
          },
          {
            id: 'not-found',
            text: { en: '404 Not Found, from nginx', ko: 'nginx가 보낸 404 Not Found' },
          },
          {
            id: 'first',
            text: { en: 'The first app in the Ingress', ko: '인그레스의 첫 번째 앱' },
          },
        ],
        answer: 'not-found',
        explanation: {
          en: 'The connection succeeds, because it ends at the controller. Finding no rule and no default backend, the controller answers by itself with its own 404 page; no app pod is ever asked.',
          ko: '연결은 컨트롤러에서 끝나므로 성공합니다. 맞는 규칙도 기본 백엔드도 없으니 컨트롤러가 직접 자기 404 페이지로 답하고, 앱 파드에는 요청이 가지 않습니다.',
        },
      },
      text: {
        en: 'Try a name the Ingress does not know: `kubectl exec client -- curl -s -H "Host: other.example.com" ingress-nginx-controller.ingress-nginx`.',
        ko: '인그레스가 모르는 이름으로 보내 봅시다. `kubectl exec client -- curl -s -H "Host: other.example.com" ingress-nginx-controller.ingress-nginx`를 실행하세요.',
      },
      want: {
        en: 'The controller answered 404 by itself',
        ko: '컨트롤러가 직접 404로 응답',
      },
      goal: (view) =>
        view
          .hops()
          .some(
            (hop) =>
              fromController(hop) &&
              hop.verb === 'response' &&
              hop.to === `pod/${CLIENT}` &&
              hop.detail === 'HTTP/1.1 404',
          ),
      hints: [
        {
          en: 'Any host name outside the two rules will do.',
          ko: '두 규칙에 없는 호스트 이름이면 무엇이든 됩니다.',
        },
      ],
      solution: [curlHost('other.example.com')],
    },
  ],
  outro: {
    en: `On a real cluster: \`kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/baremetal/deploy.yaml\`, \`kubectl create ingress\` as here, then \`curl -H "Host: ${HOSTS.hn}" http://<node IP>:<node port>\` from outside. With MetalLB, make the controller’s Service a LoadBalancer and point the DNS names at its EXTERNAL-IP: one address, port 80, as many apps as you have rules.`,
    ko: `실제 클러스터에서는 \`kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/baremetal/deploy.yaml\`로 컨트롤러를 설치하고, 여기서처럼 \`kubectl create ingress\`로 규칙을 만든 뒤, 밖에서 \`curl -H "Host: ${HOSTS.hn}" http://<노드 IP>:<노드 포트>\`로 접속합니다. MetalLB가 있다면 컨트롤러의 서비스를 LoadBalancer로 바꾸고 DNS 이름들이 그 EXTERNAL-IP를 가리키게 하세요. 주소 하나, 포트 80 하나로 규칙 수만큼 앱을 열 수 있습니다.`,
  },
};
