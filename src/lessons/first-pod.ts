import type { Lesson } from './types';

const POD_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
    - name: nginx
      image: nginx
      ports:
        - containerPort: 80`;

/** firstPod walks one Pod from `kubectl apply` to a running container, one hop at a time. */
export const firstPod: Lesson = {
  id: 'first-pod',
  preset: 'kubeadm',
  title: { en: 'Your first Pod', ko: '첫 번째 파드' },
  summary: {
    en: 'Create an nginx Pod and follow it from kubectl through the API server, etcd, the scheduler and the kubelet until its container runs.',
    ko: 'nginx 파드를 하나 만들고, kubectl에서 시작해 API 서버, etcd, 스케줄러, kubelet을 거쳐 컨테이너가 실행되기까지를 따라가 봅니다.',
  },
  steps: [
    {
      id: 'apply-pod',
      text: {
        en: 'A Pod is the smallest thing Kubernetes schedules: one or more containers that share a network. Press Apply in the manifest editor to send the nginx Pod to the cluster.',
        ko: '파드는 쿠버네티스가 스케줄링하는 가장 작은 단위로, 네트워크를 함께 쓰는 컨테이너 하나 이상을 묶은 것입니다. 매니페스트 편집기에서 적용 버튼을 눌러 nginx 파드를 클러스터에 보내 보세요.',
      },
      want: {
        en: 'Pod nginx stored by the API server',
        ko: 'API 서버에 저장된 nginx 파드',
      },
      goal: (view) => view.pod('nginx') !== undefined,
      hints: [
        {
          en: 'The editor already holds a Pod manifest named nginx. Press Apply (or Ctrl+Enter).',
          ko: '편집기에는 이미 이름이 nginx인 파드 매니페스트가 들어 있습니다. 적용 버튼(또는 Ctrl+Enter)을 누르세요.',
        },
        {
          en: 'If you changed the text, pick "Pod" from the Template list to get it back.',
          ko: '내용을 바꿨다면 템플릿 목록에서 "Pod"를 고르면 원래대로 돌아옵니다.',
        },
      ],
      solution: [`kubectl apply -f - <<EOF\n${POD_MANIFEST}\nEOF`],
    },
    {
      id: 'scheduled',
      text: {
        en: 'The API server stored the Pod in etcd, but no node runs it yet: spec.nodeName is empty. Press Step a few times and watch kube-scheduler pick a node. It first filters out nodes that cannot run the Pod (the control-plane taint, too little CPU or memory), then scores the rest and binds the Pod to the best one.',
        ko: 'API 서버가 파드를 etcd에 저장했지만, 아직 어느 노드에서도 실행되지 않습니다. spec.nodeName이 비어 있기 때문입니다. 한 단계 버튼을 몇 번 눌러 kube-scheduler가 노드를 고르는 과정을 보세요. 스케줄러는 먼저 파드를 실행할 수 없는 노드를 걸러내고(컨트롤 플레인 테인트, 부족한 CPU·메모리 등), 남은 노드에 점수를 매긴 뒤 가장 점수가 높은 노드에 파드를 바인딩합니다.',
      },
      want: {
        en: 'Pod nginx bound to a worker (spec.nodeName set)',
        ko: 'nginx 파드가 워커에 배치됨 (spec.nodeName 채워짐)',
      },
      goal: (view) => Boolean(view.pod('nginx')?.spec.nodeName),
      hints: [
        {
          en: 'Each Step delivers one message. The scheduler learns about the Pod through a watch event from the API server.',
          ko: '한 단계는 메시지 하나를 전달합니다. 스케줄러는 API 서버가 보내는 watch 이벤트로 새 파드를 알게 됩니다.',
        },
        {
          en: 'Look for the "bind" request kube-scheduler sends to the API server: that is what sets spec.nodeName.',
          ko: 'kube-scheduler가 API 서버로 보내는 bind 요청을 찾아보세요. 이 요청이 spec.nodeName을 채웁니다.',
        },
      ],
      solution: [],
    },
    {
      id: 'running',
      text: {
        en: 'The kubelet on the chosen node watches for Pods bound to it. It asks containerd to create the Pod sandbox, pull the nginx image, then create and start the container, and reports the status back to the API server. Keep pressing Step (or press Step to quiet) until the Pod is Running.',
        ko: '선택된 노드의 kubelet은 자기 노드에 바인딩된 파드를 지켜보고 있습니다. kubelet은 containerd에게 파드 샌드박스 생성, nginx 이미지 풀, 컨테이너 생성과 시작을 차례로 요청하고, 그 결과를 API 서버에 상태로 보고합니다. 파드가 Running이 될 때까지 한 단계 버튼을 계속 눌러 보세요(안정될 때까지 버튼으로 한 번에 진행해도 됩니다).',
      },
      want: {
        en: 'Pod nginx Running',
        ko: 'nginx 파드 Running',
      },
      goal: (view) => view.pod('nginx')?.status.phase === 'Running',
      hints: [
        {
          en: 'Pulling the image takes a few simulated seconds. "Step to quiet" skips ahead until nothing is left to do.',
          ko: '이미지 풀에는 시뮬레이션 시간으로 몇 초가 걸립니다. "안정될 때까지"를 누르면 더 할 일이 없을 때까지 한 번에 진행합니다.',
        },
        {
          en: 'Check with kubectl get pods -o wide: the STATUS column should read Running.',
          ko: 'kubectl get pods -o wide로 확인해 보세요. STATUS 열이 Running이면 됩니다.',
        },
      ],
      solution: [],
    },
    {
      id: 'read-the-chain',
      text: {
        en: "Read back what happened: kubectl → kube-apiserver → etcd (the Pod is stored) → kube-scheduler (binds it to a node) → kubelet (on that node) → containerd (starts the container). No component told the next one what to do directly: each watched the API server and acted on what changed. Step back through the hops in your head: which one wrote the Pod to etcd, and which one was containerd's StartContainer call?",
        ko: '무슨 일이 있었는지 되짚어 봅시다. kubectl → kube-apiserver → etcd(파드 저장) → kube-scheduler(노드에 바인딩) → kubelet(해당 노드) → containerd(컨테이너 시작). 어떤 컴포넌트도 다음 컴포넌트에게 직접 지시하지 않았습니다. 모두 API 서버를 watch하다가 바뀐 내용을 보고 움직였을 뿐입니다. 어느 단계가 파드를 etcd에 썼고, 어느 단계가 containerd의 StartContainer 호출이었는지 떠올려 보세요.',
      },
      want: {
        en: 'Pod nginx Running, and the chain of hops read',
        ko: 'nginx 파드 Running, 홉의 흐름 확인',
      },
      goal: (view) => {
        const hops = view.hops();
        const isNginx = (name: string) => name === 'nginx';
        const stored = hops.some(
          (hop) =>
            hop.channel === 'storage' &&
            hop.to === 'etcd' &&
            hop.object.kind === 'Pod' &&
            isNginx(hop.object.name),
        );
        const started = hops.some(
          (hop) =>
            hop.channel === 'cri' && hop.verb === 'StartContainer' && isNginx(hop.object.name),
        );
        return stored && started;
      },
      hints: [
        {
          en: 'Storage messages go from kube-apiserver to etcd; CRI messages go from a kubelet to containerd on the same node.',
          ko: '저장 메시지는 kube-apiserver에서 etcd로, CRI 메시지는 kubelet에서 같은 노드의 containerd로 갑니다.',
        },
        {
          en: 'If the Pod is Running, this step is already done: every hop that got it there has been recorded.',
          ko: '파드가 Running이라면 이 단계는 이미 끝났습니다. 거기까지 오는 동안 오간 메시지가 모두 기록되어 있습니다.',
        },
      ],
      solution: [],
    },
  ],
  outro: {
    en: 'On a real cluster you would do the same with two commands: `kubectl run nginx --image=nginx` creates the Pod, and `kubectl get pods -o wide` shows its status and the node it landed on.',
    ko: '실제 클러스터에서는 명령 두 개로 같은 일을 합니다. `kubectl run nginx --image=nginx`로 파드를 만들고, `kubectl get pods -o wide`로 상태와 배치된 노드를 확인합니다.',
  },
};
