import type { ClusterView } from './cluster-view';
import { isRunningReady, kubectlDeleteSeq, lastStored } from './goals';
import { applyPod } from './manifests';
import type { Lesson } from './types';

const PV = 'nfs-pv';
const PVC = 'nfs-pvc';
const POD = 'writer';
/** NFS is the share the course exports from m-k8s to every node. */
const NFS = { server: '192.168.1.10', path: '/nfs_shared' };
const PROVISIONER = 'k8s-sigs.io/nfs-subdir-external-provisioner';

const PERSISTENT_VOLUME = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${PV}
spec:
  capacity:
    storage: 1Gi
  accessModes:
  - ReadWriteMany
  persistentVolumeReclaimPolicy: Retain
  nfs:
    server: ${NFS.server}
    path: ${NFS.path}
EOF`;

const CLAIM = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${PVC}
spec:
  accessModes:
  - ReadWriteMany
  storageClassName: ""
  resources:
    requests:
      storage: 500Mi
EOF`;

const WRITER = applyPod({
  name: POD,
  image: 'busybox:1.36',
  podFields: `volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: ${PVC}\n`,
  containerFields: 'command: ["sleep", "3600"]\nvolumeMounts:\n- name: data\n  mountPath: /data',
});

const DYNAMIC = `kubectl apply -f - <<EOF
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: nfs-client
provisioner: ${PROVISIONER}
reclaimPolicy: Delete
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: auto
spec:
  accessModes:
  - ReadWriteMany
  storageClassName: nfs-client
  resources:
    requests:
      storage: 1Gi
EOF`;

/** claimBound: nfs-pvc and nfs-pv are bound to each other. */
function claimBound(view: ClusterView): boolean {
  const pvc = view.persistentVolumeClaim(PVC);
  const pv = view.persistentVolumes().find((v) => v.metadata.name === PV);
  return (
    pvc?.status?.phase === 'Bound' &&
    pvc.spec.volumeName === PV &&
    pv?.status?.phase === 'Bound' &&
    pv.spec.claimRef?.name === PVC &&
    (pv.spec.claimRef.namespace ?? 'default') === 'default'
  );
}

/** writerRuns: pod writer mounts nfs-pvc and is Running and Ready. */
function writerRuns(view: ClusterView): boolean {
  const pod = view.pod(POD);
  if (!pod || pod.metadata.deletionTimestamp !== undefined || !isRunningReady(pod)) return false;
  const volume = (pod.spec.volumes ?? []).find((v) => v.persistentVolumeClaim?.claimName === PVC);
  return (pod.spec.containers[0]?.volumeMounts ?? []).some((m) => m.name === volume?.name);
}

/**
 * volumes keeps data past a pod's life: an administrator's PersistentVolume on NFS, a claim the
 * PV controller binds to it, pods that come and go on different nodes, and a StorageClass whose
 * provisioner would create volumes on demand.
 */
export const volumes: Lesson = {
  id: 'volumes',
  preset: 'kubeadm',
  title: {
    en: 'Volumes: PV, PVC and StorageClass',
    ko: '볼륨: PV, PVC, 스토리지클래스',
  },
  summary: {
    en: 'Files a container writes vanish with its pod. Put them on a volume instead: offer storage as a PersistentVolume, ask for it with a PersistentVolumeClaim, mount the claim in a pod, and see the data outlive the pod. Then meet the StorageClass, which creates volumes on demand.',
    ko: '컨테이너가 쓴 파일은 파드와 함께 사라집니다. 대신 볼륨에 두면 됩니다. 저장소를 PersistentVolume으로 내놓고, PersistentVolumeClaim으로 요청하고, 그 클레임을 파드에 마운트해서 데이터가 파드보다 오래 남는 것을 확인합니다. 마지막으로 볼륨을 필요할 때 만들어 주는 스토리지클래스를 만나 봅니다.',
  },
  steps: [
    {
      id: 'persistent-volume',
      text: {
        en: `Play the administrator first. m-k8s exports ${NFS.path} over NFS to every node; describe that storage to the cluster as a PersistentVolume of 1Gi that many pods may mount at once (ReadWriteMany). Paste the solution’s manifest into the Manifest editor, press Apply, then run \`kubectl get pv\`.`,
        ko: `먼저 관리자 역할을 해 봅시다. m-k8s는 ${NFS.path} 디렉터리를 NFS로 모든 노드에 내보내고 있습니다. 이 저장소를 여러 파드가 동시에 마운트할 수 있는(ReadWriteMany) 1Gi짜리 PersistentVolume으로 클러스터에 알려 주세요. 정답의 매니페스트를 매니페스트 편집기에 붙여 넣고 적용 버튼을 누른 뒤 \`kubectl get pv\`로 확인하세요.`,
      },
      want: { en: 'PersistentVolume nfs-pv Available', ko: 'nfs-pv PersistentVolume이 Available' },
      goal: (view) =>
        view
          .persistentVolumes()
          .some(
            (pv) =>
              pv.metadata.name === PV &&
              pv.spec.nfs?.server === NFS.server &&
              pv.status?.phase === 'Available',
          ),
      hints: [
        {
          en: 'A PersistentVolume belongs to no namespace: like a node, it is a resource of the whole cluster.',
          ko: 'PersistentVolume은 네임스페이스에 속하지 않습니다. 노드처럼 클러스터 전체의 자원입니다.',
        },
      ],
      solution: [PERSISTENT_VOLUME],
    },
    {
      id: 'claim',
      predict: {
        question: {
          en: 'The claim asks for 500Mi; the only volume holds 1Gi. What happens?',
          ko: '클레임은 500Mi를 요청하고, 있는 볼륨은 1Gi짜리 하나뿐입니다. 어떻게 될까요?',
        },
        choices: [
          {
            id: 'whole',
            text: {
              en: 'Bound to nfs-pv, all 1Gi of it',
              ko: 'nfs-pv 전체(1Gi)에 바인딩된다',
            },
          },
          {
            id: 'pending',
            text: {
              en: 'Pending: no volume has exactly 500Mi',
              ko: 'Pending: 정확히 500Mi인 볼륨이 없다',
            },
          },
          {
            id: 'split',
            text: {
              en: 'Bound to a 500Mi slice; the rest stays free',
              ko: '500Mi만 잘라 쓰고 나머지는 남겨 둔다',
            },
          },
        ],
        answer: 'whole',
        explanation: {
          en: 'The PV controller in kube-controller-manager looks for the smallest Available volume that is big enough and offers the access modes asked for, and binds the two one to one. nfs-pv goes to nfs-pvc whole: CAPACITY shows 1Gi, and no other claim can use the rest.',
          ko: 'kube-controller-manager의 PV 컨트롤러는 크기가 충분하고 요청한 접근 모드를 지원하는 Available 볼륨 가운데 가장 작은 것을 찾아 일대일로 묶습니다. 그래서 nfs-pv는 통째로 nfs-pvc의 것이 되어 CAPACITY에 1Gi가 보이고, 남는 용량을 다른 클레임이 쓸 수는 없습니다.',
        },
      },
      text: {
        en: 'Now play the developer, who asks for storage without knowing where it lives: apply the claim from the solution, then `kubectl get pvc` and `kubectl get pv`. `storageClassName: ""` says “bind me to an existing volume, do not create one”.',
        ko: '이번에는 저장소가 어디 있는지 모른 채 요청만 하는 개발자 역할입니다. 정답의 클레임을 적용한 뒤 `kubectl get pvc`와 `kubectl get pv`를 실행해 보세요. `storageClassName: ""`은 "새로 만들지 말고 이미 있는 볼륨에 묶어 달라"는 뜻입니다.',
      },
      want: {
        en: 'Claim nfs-pvc Bound to nfs-pv',
        ko: 'nfs-pvc 클레임이 nfs-pv에 Bound',
      },
      goal: claimBound,
      hints: [
        {
          en: 'The access modes must match what the volume offers: ReadWriteMany.',
          ko: '접근 모드는 볼륨이 제공하는 ReadWriteMany와 맞아야 합니다.',
        },
        {
          en: 'A claim larger than 1Gi would stay Pending: no volume is big enough.',
          ko: '1Gi보다 크게 요청하면 맞는 볼륨이 없어 Pending으로 남습니다.',
        },
      ],
      solution: [CLAIM],
    },
    {
      id: 'mount',
      text: {
        en: 'A pod names the claim, not the NFS server: apply the writer pod from the solution. When it runs, write a file onto the volume: `kubectl exec writer -- sh -c "echo hello > /data/note"`.',
        ko: '파드는 NFS 서버가 아니라 클레임 이름만 적습니다. 정답의 writer 파드를 적용하세요. 파드가 실행되면 볼륨에 파일을 하나 써 봅시다. `kubectl exec writer -- sh -c "echo hello > /data/note"`',
      },
      want: {
        en: 'Pod writer Running with nfs-pvc mounted at /data',
        ko: 'nfs-pvc를 /data에 마운트한 writer 파드 Running',
      },
      goal: (view) => claimBound(view) && writerRuns(view),
      hints: [
        {
          en: 'The kubelet of the chosen node mounts the NFS share before it starts the container.',
          ko: '파드가 배치된 노드의 kubelet이 컨테이너를 시작하기 전에 NFS 공유를 마운트합니다.',
        },
      ],
      solution: [WRITER],
    },
    {
      id: 'outlive-pod',
      predict: {
        question: {
          en: 'You delete writer and create it again, maybe on another node. What does `kubectl exec writer -- cat /data/note` print?',
          ko: 'writer를 지우고 다시 만듭니다. 다른 노드에 배치될 수도 있습니다. `kubectl exec writer -- cat /data/note`는 무엇을 출력할까요?',
        },
        choices: [
          { id: 'hello', text: { en: 'hello', ko: 'hello' } },
          {
            id: 'missing',
            text: {
              en: 'No such file or directory',
              ko: '파일이 없다는 오류 (No such file or directory)',
            },
          },
          {
            id: 'depends',
            text: {
              en: 'hello only if it lands on the same node',
              ko: '같은 노드에 배치될 때만 hello',
            },
          },
        ],
        answer: 'hello',
        explanation: {
          en: 'The file lives on the NFS server, not on a node. Whichever node runs the new pod, its kubelet mounts the same share, and the claim stays bound the whole time. A hostPath volume would be different: its files stay on one node’s disk.',
          ko: '파일은 노드가 아니라 NFS 서버에 있습니다. 새 파드가 어느 노드에서 실행되든 그 노드의 kubelet이 같은 공유를 마운트하고, 클레임은 그동안 계속 바인딩되어 있습니다. hostPath 볼륨이었다면 달랐을 것입니다. 그 파일은 한 노드의 디스크에만 남기 때문입니다.',
        },
      },
      text: {
        en: 'Delete the pod with `kubectl delete pod writer`, apply it again, and once it runs read the file: `kubectl exec writer -- cat /data/note`. `kubectl get pods -o wide` shows where each one ran.',
        ko: '`kubectl delete pod writer`로 파드를 지우고 다시 적용하세요. 새 파드가 실행되면 `kubectl exec writer -- cat /data/note`로 파일을 읽어 보세요. `kubectl get pods -o wide`로 파드가 어느 노드에서 실행됐는지도 확인할 수 있습니다.',
      },
      want: {
        en: 'A new pod writer Running on the same claim',
        ko: '같은 클레임을 쓰는 새 writer 파드 Running',
      },
      goal: (view) => {
        const deleted = kubectlDeleteSeq(view, 'Pod', POD);
        const stored = lastStored(view, 'Pod', POD);
        return (
          deleted !== undefined &&
          stored !== undefined &&
          stored > deleted &&
          claimBound(view) &&
          writerRuns(view)
        );
      },
      hints: [
        {
          en: 'Delete the pod, not the claim: deleting the claim would release the volume.',
          ko: '클레임이 아니라 파드를 지우세요. 클레임을 지우면 볼륨이 풀려(Released) 버립니다.',
        },
      ],
      solution: [`kubectl delete pod ${POD}`, WRITER],
    },
    {
      id: 'storage-class',
      predict: {
        question: {
          en: 'The StorageClass nfs-client names a provisioner that is not installed in this cluster. What STATUS does the claim auto get?',
          ko: 'nfs-client 스토리지클래스가 가리키는 프로비저너는 이 클러스터에 설치되어 있지 않습니다. auto 클레임의 STATUS는 어떻게 될까요?',
        },
        choices: [
          { id: 'bound', text: { en: 'Bound', ko: 'Bound' } },
          { id: 'pending', text: { en: 'Pending', ko: 'Pending' } },
          { id: 'rejected', text: { en: 'Rejected by the API server', ko: 'API 서버가 거부한다' } },
        ],
        answer: 'pending',
        explanation: {
          en: 'The PV controller finds no free volume, sees that the class names a provisioner, and hands the claim over to it: the ExternalProvisioning event says so. Nothing answers, so the claim waits. Where that provisioner runs, it would create a PersistentVolume for each claim by itself.',
          ko: 'PV 컨트롤러는 남는 볼륨이 없고 스토리지클래스에 프로비저너가 적혀 있는 것을 보고 클레임을 그 프로비저너에게 넘깁니다. ExternalProvisioning 이벤트가 바로 그 내용입니다. 하지만 대답할 프로비저너가 없으니 클레임은 계속 기다립니다. 프로비저너가 실행 중인 클러스터라면 클레임마다 PersistentVolume을 알아서 만들어 줍니다.',
        },
      },
      text: {
        en: 'Writing a PersistentVolume for every claim does not scale. A StorageClass names a provisioner that creates volumes on demand. Apply the solution’s StorageClass and a claim that uses it, then `kubectl get pvc` and `kubectl get events` to see why it waits.',
        ko: '클레임마다 PersistentVolume을 손으로 만들 수는 없습니다. 스토리지클래스는 볼륨을 필요할 때 만들어 줄 프로비저너를 지정합니다. 정답의 스토리지클래스와 그것을 쓰는 클레임을 적용한 뒤, `kubectl get pvc`와 `kubectl get events`로 클레임이 왜 기다리는지 확인해 보세요.',
      },
      want: {
        en: 'Claim auto Pending, waiting for the external provisioner',
        ko: 'auto 클레임이 외부 프로비저너를 기다리며 Pending',
      },
      goal: (view) => {
        const auto = view.persistentVolumeClaim('auto');
        return (
          auto?.spec.storageClassName === 'nfs-client' &&
          auto.status?.phase === 'Pending' &&
          view.storageClasses().some((sc) => sc.provisioner === PROVISIONER) &&
          view
            .events()
            .some(
              (event) =>
                event.involvedObject.name === 'auto' && event.reason === 'ExternalProvisioning',
            )
        );
      },
      hints: [
        {
          en: 'The claim must name the class: `storageClassName: nfs-client`.',
          ko: '클레임에 `storageClassName: nfs-client`로 클래스를 적어야 합니다.',
        },
      ],
      solution: [DYNAMIC],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl get storageclass` first. On a cloud or on minikube a default class exists, and a claim without storageClassName gets a new volume by itself. On your own servers, install a provisioner such as nfs-subdir-external-provisioner (with Helm) for the class to work, or write PersistentVolumes by hand as here. `kubectl get pv,pvc` shows who is bound to whom; `kubectl describe pvc NAME` shows why a claim waits.',
    ko: '실제 클러스터에서는 먼저 `kubectl get storageclass`를 확인하세요. 클라우드나 minikube에는 기본 스토리지클래스가 있어서, storageClassName 없이 클레임만 만들어도 볼륨이 알아서 생깁니다. 직접 운영하는 서버라면 nfs-subdir-external-provisioner 같은 프로비저너를 Helm으로 설치해야 클래스가 동작하고, 아니면 여기서처럼 PersistentVolume을 손으로 만듭니다. `kubectl get pv,pvc`로 누가 누구에게 묶였는지 보고, `kubectl describe pvc 이름`으로 클레임이 기다리는 이유를 확인합니다.',
  },
};
