import { isControlPlane, kubectlRead, readyApp } from './goals';
import type { Lesson } from './types';

const APP = 'deploy-nginx';

/** clusterTour shows who does what in a kubeadm cluster before the learner builds anything. */
export const clusterTour: Lesson = {
  id: 'cluster-tour',
  preset: 'kubeadm',
  title: { en: 'Cluster tour', ko: '클러스터 둘러보기' },
  summary: {
    en: 'Meet the machines and the components: kubectl only ever talks to the API server, etcd keeps the state, the controller manager and the scheduler decide, and the kubelet and container runtime on each node do the work.',
    ko: '클러스터를 이루는 노드와 컴포넌트를 만나 봅니다. kubectl은 API 서버하고만 이야기하고, 상태는 etcd에 저장되며, 컨트롤러 매니저와 스케줄러가 결정을 내리고, 각 노드의 kubelet과 컨테이너 런타임이 실제 일을 합니다.',
  },
  steps: [
    {
      id: 'get-nodes',
      text: {
        en: 'This cluster has four machines: the control plane m-k8s and the workers w1-k8s, w2-k8s and w3-k8s. Open the Terminal and run `kubectl get nodes`. Watch the hop: kubectl sends one request to kube-apiserver and nothing else. It never talks to etcd, the scheduler or a node directly; the API server reads the node list from etcd and answers.',
        ko: '이 클러스터에는 컨트롤 플레인 노드 m-k8s와 워커 노드 w1-k8s, w2-k8s, w3-k8s, 이렇게 네 대가 있습니다. 터미널을 열고 `kubectl get nodes`를 실행해 보세요. 메시지 흐름을 보면 kubectl은 kube-apiserver에 요청을 하나 보낼 뿐입니다. etcd나 스케줄러, 노드와 직접 통신하는 일은 없습니다. 노드 목록은 API 서버가 etcd에서 읽어 와 돌려줍니다.',
      },
      want: {
        en: 'The four nodes listed with kubectl',
        ko: 'kubectl로 노드 네 대 조회',
      },
      goal: (view) => kubectlRead(view, { kinds: ['nodes'], verbs: ['list'] }),
      hints: [
        {
          en: 'Click the Terminal tab, type `kubectl get nodes` and press Enter.',
          ko: '터미널 탭을 누르고 `kubectl get nodes`를 입력한 뒤 Enter를 누르세요.',
        },
        {
          en: 'The ROLES column tells the control plane (control-plane) from the workers (<none>).',
          ko: 'ROLES 열을 보면 컨트롤 플레인(control-plane)과 워커(<none>)를 구분할 수 있습니다.',
        },
      ],
      solution: ['kubectl get nodes'],
    },
    {
      id: 'look-at-worker',
      text: {
        en: 'Every node, control plane included, runs two things for its pods: the kubelet, which watches the API server for pods bound to its node, and a container runtime (containerd here), which the kubelet asks to pull images and start containers. Look at one worker with `kubectl get node w1-k8s -o wide` and find the CONTAINER-RUNTIME and INTERNAL-IP columns.',
        ko: '컨트롤 플레인을 포함한 모든 노드에는 파드를 돌리기 위한 두 가지가 있습니다. 하나는 자기 노드에 배정된 파드를 API 서버에서 지켜보는 kubelet이고, 다른 하나는 kubelet의 요청을 받아 이미지를 받고 컨테이너를 실행하는 컨테이너 런타임(여기서는 containerd)입니다. `kubectl get node w1-k8s -o wide`로 워커 노드 하나를 살펴보고 CONTAINER-RUNTIME과 INTERNAL-IP 열을 찾아보세요.',
      },
      want: {
        en: 'One worker read in full',
        ko: '워커 한 대의 전체 정보 조회',
      },
      goal: (view) =>
        view
          .nodes()
          .filter((node) => !isControlPlane(node))
          .some((node) => kubectlRead(view, { kinds: ['nodes'], name: node.metadata.name })),
      hints: [
        {
          en: 'Name one node after `kubectl get node`: w1-k8s, w2-k8s or w3-k8s.',
          ko: '`kubectl get node` 뒤에 워커 노드 이름(w1-k8s, w2-k8s, w3-k8s 중 하나)을 붙이세요.',
        },
        {
          en: '`-o wide` adds columns; `-o yaml` shows the whole Node object, status.nodeInfo included.',
          ko: '`-o wide`를 붙이면 열이 늘어나고, `-o yaml`을 붙이면 status.nodeInfo를 포함한 노드 오브젝트 전체가 보입니다.',
        },
      ],
      solution: ['kubectl get node w1-k8s -o wide'],
    },
    {
      id: 'control-plane-taint',
      predict: {
        question: {
          en: 'One of the four nodes will not take ordinary pods. Which one?',
          ko: '네 노드 가운데 일반 파드를 받지 않는 노드가 하나 있습니다. 어느 노드일까요?',
        },
        choices: [
          { id: 'm-k8s', text: { en: 'm-k8s', ko: 'm-k8s' } },
          { id: 'w1-k8s', text: { en: 'w1-k8s', ko: 'w1-k8s' } },
          { id: 'w3-k8s', text: { en: 'w3-k8s', ko: 'w3-k8s' } },
          {
            id: 'none',
            text: { en: 'None: every node takes pods', ko: '없다: 모든 노드가 파드를 받는다' },
          },
        ],
        answer: 'm-k8s',
        explanation: {
          en: 'kubeadm puts the taint node-role.kubernetes.io/control-plane:NoSchedule on m-k8s, so the scheduler keeps pods without a matching toleration off it.',
          ko: 'kubeadm은 m-k8s에 node-role.kubernetes.io/control-plane:NoSchedule 테인트를 붙여 둡니다. 그래서 스케줄러는 이 테인트를 견디는 톨러레이션이 없는 파드를 m-k8s에 배치하지 않습니다.',
        },
      },
      text: {
        en: 'The control plane runs kube-apiserver, etcd, kube-controller-manager and kube-scheduler. To keep them safe, kubeadm marks the control-plane node with a taint that ordinary pods do not tolerate. Guess which node that is, then check: `kubectl get node m-k8s -o yaml` and look under spec.taints.',
        ko: '컨트롤 플레인 노드에서는 kube-apiserver, etcd, kube-controller-manager, kube-scheduler가 돌아갑니다. kubeadm은 이 컴포넌트들을 보호하려고 컨트롤 플레인 노드에 일반 파드가 견디지 못하는 테인트(taint)를 붙여 둡니다. 어느 노드일지 먼저 예상해 본 다음, `kubectl get node m-k8s -o yaml`을 실행해 spec.taints 항목을 확인해 보세요.',
      },
      want: {
        en: 'The control-plane taint on m-k8s read',
        ko: 'm-k8s의 컨트롤 플레인 테인트 확인',
      },
      goal: (view) =>
        view
          .nodes()
          .filter(isControlPlane)
          .some((node) => kubectlRead(view, { kinds: ['nodes'], name: node.metadata.name })),
      hints: [
        {
          en: 'The node whose ROLES column reads control-plane is the one.',
          ko: 'ROLES 열이 control-plane인 노드를 살펴보세요.',
        },
        {
          en: 'Look for `effect: NoSchedule` with the key node-role.kubernetes.io/control-plane.',
          ko: '키가 node-role.kubernetes.io/control-plane이고 `effect: NoSchedule`인 항목을 찾으면 됩니다.',
        },
      ],
      solution: ['kubectl get node m-k8s -o yaml'],
    },
    {
      id: 'everyone-at-work',
      text: {
        en: 'Now put every component to work at once: `kubectl create deployment deploy-nginx --image=nginx --replicas=3`. The API server stores the Deployment in etcd; kube-controller-manager creates a ReplicaSet and three pods; kube-scheduler binds each pod to a worker, skipping m-k8s; each kubelet asks containerd to start the container. Step through or press Step to quiet until all three pods run, then check with `kubectl get pods -o wide`.',
        ko: '이제 모든 컴포넌트를 한꺼번에 움직여 봅시다. `kubectl create deployment deploy-nginx --image=nginx --replicas=3`을 실행하세요. API 서버가 디플로이먼트를 etcd에 저장하면, kube-controller-manager가 레플리카셋과 파드 세 개를 만들고, kube-scheduler가 m-k8s를 빼고 워커 노드에 파드를 하나씩 배정합니다. 그러면 각 노드의 kubelet이 containerd에 컨테이너 실행을 요청합니다. 한 단계 버튼이나 안정될 때까지 버튼으로 파드 세 개가 모두 Running이 될 때까지 진행한 뒤 `kubectl get pods -o wide`로 확인해 보세요.',
      },
      want: {
        en: '3 pods deploy-nginx Running on the workers',
        ko: 'deploy-nginx 파드 3개가 워커에서 Running',
      },
      goal: (view) => {
        if (!readyApp(view, APP, 3)) return false;
        const controlPlanes = new Set(
          view
            .nodes()
            .filter(isControlPlane)
            .map((n) => n.metadata.name),
        );
        return view
          .pods()
          .filter((pod) => pod.metadata.labels?.['app'] === APP)
          .every((pod) => pod.spec.nodeName !== undefined && !controlPlanes.has(pod.spec.nodeName));
      },
      hints: [
        {
          en: '`kubectl create deployment` takes the name first, then `--image` and `--replicas`.',
          ko: '`kubectl create deployment` 뒤에 이름을 쓰고, 이어서 `--image`와 `--replicas`를 붙이세요.',
        },
        {
          en: 'If you made it with one replica, `kubectl scale deployment deploy-nginx --replicas=3` fixes it.',
          ko: '레플리카 하나로 만들었다면 `kubectl scale deployment deploy-nginx --replicas=3`으로 세 개로 늘리면 됩니다.',
        },
      ],
      solution: ['kubectl create deployment deploy-nginx --image=nginx --replicas=3'],
    },
  ],
  outro: {
    en: 'On a real cluster the same tour is `kubectl get nodes -o wide`, `kubectl describe node m-k8s` (see Taints) and `kubectl get pods -n kube-system -o wide`, where kubeadm runs etcd, kube-apiserver, kube-controller-manager and kube-scheduler as static pods on m-k8s.',
    ko: '실제 클러스터에서는 `kubectl get nodes -o wide`, `kubectl describe node m-k8s`(Taints 항목 확인), `kubectl get pods -n kube-system -o wide`로 같은 내용을 둘러볼 수 있습니다. kubeadm으로 만든 클러스터라면 etcd, kube-apiserver, kube-controller-manager, kube-scheduler가 m-k8s에서 스태틱 파드로 실행되는 모습이 보입니다.',
  },
};
