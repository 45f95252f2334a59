import type { Hop } from '../engine';
import type { ClusterView } from './cluster-view';
import { appPods, kubectlRead, readyApp } from './goals';
import type { Lesson } from './types';

const BARE = 'nginx';
const APP = 'chk-hn';

const kubectlDeletes = (view: ClusterView): Hop[] =>
  view
    .hops()
    .filter(
      (hop) =>
        hop.from === 'kubectl' &&
        hop.channel === 'request' &&
        hop.verb === 'delete' &&
        hop.object.kind === 'Pod',
    );

/**
 * replacement is the first pod kube-controller-manager created for the chk-hn ReplicaSet after
 * the learner deleted one of its pods, once the deleted pod is gone and three fresh pods run.
 */
function replacement(view: ClusterView): Hop | undefined {
  const hops = view.hops();
  // Only deletes of pods that existed count: a mistyped name changes nothing.
  const existed = (hop: Hop) =>
    hops.some(
      (put) =>
        put.seq < hop.seq &&
        put.channel === 'storage' &&
        put.verb === 'put' &&
        put.object.kind === 'Pod' &&
        put.object.name === hop.object.name,
    );
  const deleted = kubectlDeletes(view).filter(
    (hop) => hop.object.name.startsWith(`${APP}-`) && existed(hop),
  );
  const first = deleted[0];
  if (!first || !readyApp(view, APP, 3)) return undefined;
  const deletedNames = new Set(deleted.map((hop) => hop.object.name));
  if ([...deletedNames].some((name) => view.pod(name) !== undefined)) return undefined;
  if (appPods(view, APP).some((pod) => deletedNames.has(pod.metadata.name))) return undefined;
  return hops.find(
    (hop) =>
      hop.seq > first.seq &&
      hop.from === 'kube-controller-manager' &&
      hop.channel === 'request' &&
      hop.verb === 'create' &&
      hop.object.kind === 'Pod' &&
      hop.note?.code === 'rs.create',
  );
}

/** selfHealing contrasts a bare pod, gone for good once deleted, with a Deployment's pod. */
export const selfHealing: Lesson = {
  id: 'self-healing',
  preset: 'kubeadm',
  title: { en: 'Pod vs Deployment: self-healing', ko: '파드와 디플로이먼트: 셀프 힐링' },
  summary: {
    en: 'Delete a pod you made by hand and it is simply gone. Delete a pod that belongs to a Deployment and a new one takes its place. Watch the ReplicaSet controller notice the gap and fill it.',
    ko: '직접 만든 파드를 지우면 그걸로 끝이지만, 디플로이먼트에 속한 파드를 지우면 곧바로 새 파드가 그 자리를 채웁니다. 레플리카셋 컨트롤러가 빈자리를 알아채고 채우는 과정을 지켜봅니다.',
  },
  steps: [
    {
      id: 'bare-pod',
      text: {
        en: 'First a pod with nobody looking after it. Run `kubectl run nginx --image=nginx` and wait until it is Running.',
        ko: '먼저 아무도 관리해 주지 않는 파드를 만들어 봅시다. `kubectl run nginx --image=nginx`를 실행하고 Running이 될 때까지 기다리세요.',
      },
      want: {
        en: 'Bare pod nginx Running',
        ko: '단독 nginx 파드 Running',
      },
      goal: (view) => {
        const pod = view.pod(BARE);
        return (
          pod !== undefined &&
          pod.status.phase === 'Running' &&
          (pod.metadata.ownerReferences ?? []).length === 0
        );
      },
      hints: [
        {
          en: 'Type it in the Terminal tab, then press Step to quiet.',
          ko: '터미널 탭에 입력한 뒤 안정될 때까지 버튼을 누르세요.',
        },
        {
          en: '`kubectl get pods` should list nginx as Running.',
          ko: '`kubectl get pods`를 실행했을 때 nginx가 Running으로 보이면 됩니다.',
        },
      ],
      solution: ['kubectl run nginx --image=nginx'],
    },
    {
      id: 'delete-bare-pod',
      text: {
        en: 'Delete it: `kubectl delete pod nginx`. The kubelet stops the container and the pod disappears. No controller owns it, so nothing brings it back: `kubectl get pods` stays empty however long you wait.',
        ko: '이제 지워 봅시다. `kubectl delete pod nginx`를 실행하세요. kubelet이 컨테이너를 멈추고 파드가 사라집니다. 이 파드를 책임지는 컨트롤러가 없으니 되살려 줄 주체도 없습니다. 아무리 기다려도 `kubectl get pods`에는 아무것도 나오지 않습니다.',
      },
      want: {
        en: 'No pod nginx, and nothing brings it back',
        ko: 'nginx 파드 없음, 되살리는 주체도 없음',
      },
      goal: (view) =>
        kubectlDeletes(view).some((hop) => hop.object.name === BARE) &&
        view.pod(BARE) === undefined,
      hints: [
        {
          en: 'The pod is deleted once the kubelet has stopped it: press Step to quiet.',
          ko: 'kubelet이 파드를 멈춰야 삭제가 끝납니다. 안정될 때까지 버튼을 눌러 보세요.',
        },
        {
          en: 'The ownerReferences field of a bare pod is empty: `kubectl get pod nginx -o yaml` (before you delete it) shows it.',
          ko: '직접 만든 파드는 ownerReferences 필드가 비어 있습니다. 지우기 전에 `kubectl get pod nginx -o yaml`로 확인할 수 있습니다.',
        },
      ],
      solution: ['kubectl delete pod nginx'],
    },
    {
      id: 'create-deployment',
      text: {
        en: 'Now let a controller look after the pods. Run `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`. The Deployment creates a ReplicaSet, and the ReplicaSet keeps three pods alive. Their names are the ReplicaSet name plus a random suffix.',
        ko: '이번에는 컨트롤러에게 파드 관리를 맡겨 봅시다. `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`을 실행하세요. 디플로이먼트는 레플리카셋을 만들고, 레플리카셋은 파드 세 개가 항상 살아 있도록 유지합니다. 파드 이름은 레플리카셋 이름 뒤에 임의의 문자열이 붙은 형태입니다.',
      },
      want: {
        en: '3 pods chk-hn Running',
        ko: 'chk-hn 파드 3개 Running',
      },
      goal: (view) => view.deployment(APP)?.spec.replicas === 3 && readyApp(view, APP, 3),
      hints: [
        {
          en: 'Wait until all three pods are Running.',
          ko: '파드 세 개가 모두 Running이 될 때까지 기다리세요.',
        },
        {
          en: 'Made it with one replica? `kubectl scale deployment chk-hn --replicas=3`.',
          ko: '레플리카 하나로 만들었다면 `kubectl scale deployment chk-hn --replicas=3`을 실행하세요.',
        },
      ],
      solution: ['kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3'],
    },
    {
      id: 'delete-managed-pod',
      text: {
        en: 'Copy one pod name from `kubectl get pods` and delete it: `kubectl delete pod chk-hn-<...>`. Then Step slowly. The ReplicaSet controller in kube-controller-manager sees only two live pods where three are wanted and sends a create request for a new one, while the old one is still shutting down. This is self-healing: the controller keeps the current state equal to the desired state.',
        ko: '`kubectl get pods`에서 파드 이름을 하나 골라 `kubectl delete pod chk-hn-<...>`로 지워 보세요. 그리고 한 단계씩 천천히 진행해 보세요. kube-controller-manager의 레플리카셋 컨트롤러는 원하는 수는 세 개인데 살아 있는 파드가 두 개뿐인 것을 보고, 기존 파드가 아직 종료되는 중인데도 새 파드 생성 요청을 보냅니다. 이것이 셀프 힐링입니다. 컨트롤러가 현재 상태를 의도한 상태에 계속 맞춰 가는 것입니다.',
      },
      want: {
        en: 'One chk-hn pod deleted and replaced: 3 Running',
        ko: 'chk-hn 파드 하나를 지우고 새 파드로 교체: 3개 Running',
      },
      goal: (view) => replacement(view) !== undefined,
      hints: [
        {
          en: 'Look for the create request kube-controller-manager sends to kube-apiserver right after your delete.',
          ko: '삭제 요청 직후 kube-controller-manager가 kube-apiserver로 보내는 create 요청을 찾아보세요.',
        },
        {
          en: 'To delete all three at once: `kubectl delete pod -l app=chk-hn`. They all come back with new names.',
          ko: '한 번에 세 개를 모두 지우려면 `kubectl delete pod -l app=chk-hn`을 실행하세요. 세 개 모두 새 이름으로 돌아옵니다.',
        },
      ],
      solution: ['kubectl delete pod -l app=chk-hn'],
    },
    {
      id: 'read-replicaset',
      text: {
        en: 'The number three lives in the ReplicaSet, not in the pods. Run `kubectl get replicasets`: DESIRED is what you asked for, CURRENT is how many pods exist, READY is how many serve. The pods have new names, but the ReplicaSet is the same one as before.',
        ko: '숫자 3은 파드가 아니라 레플리카셋에 들어 있습니다. `kubectl get replicasets`를 실행해 보세요. DESIRED는 요청한 개수, CURRENT는 지금 있는 파드 수, READY는 실제로 요청을 처리할 수 있는 파드 수입니다. 파드 이름은 바뀌었지만 레플리카셋은 처음 그대로입니다.',
      },
      want: {
        en: 'ReplicaSet read: DESIRED 3, CURRENT 3, READY 3',
        ko: '레플리카셋 확인: DESIRED 3, CURRENT 3, READY 3',
      },
      goal: (view) => {
        const created = replacement(view);
        return (
          created !== undefined && kubectlRead(view, { kinds: ['replicasets'], after: created.seq })
        );
      },
      hints: [
        {
          en: '`kubectl get rs` is the short form.',
          ko: '줄여서 `kubectl get rs`라고 써도 됩니다.',
        },
        {
          en: 'Compare the ReplicaSet name with the start of each pod name.',
          ko: '레플리카셋 이름과 각 파드 이름의 앞부분을 비교해 보세요.',
        },
      ],
      solution: ['kubectl get replicasets'],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`, `kubectl delete pod <one of its pods>`, then `kubectl get pods -w` to watch the replacement arrive and `kubectl get rs` to see the count it keeps. A pod made with `kubectl run` gets no such care.',
    ko: '실제 클러스터에서는 `kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3`으로 만든 뒤 `kubectl delete pod <파드 이름>`으로 하나를 지우고, `kubectl get pods -w`로 새 파드가 생기는 것을 지켜본 다음 `kubectl get rs`로 유지되는 개수를 확인합니다. `kubectl run`으로 만든 파드는 이렇게 되살아나지 않습니다.',
  },
};
