import type { Hop } from './hops';

/** A sentence in both languages the app speaks. */
export interface Explanation {
  en: string;
  ko: string;
}

type Args = Record<string, string | number>;

/** Korean names of kinds, as Korean learners say them. */
const KIND_KO: Record<string, string> = {
  Pod: '파드',
  Deployment: '디플로이먼트',
  ReplicaSet: '레플리카셋',
  Node: '노드',
  Namespace: '네임스페이스',
  Event: '이벤트',
  Job: '잡',
  CronJob: '크론잡',
  DaemonSet: '데몬셋',
  StatefulSet: '스테이트풀셋',
  Service: '서비스',
  Endpoints: '엔드포인트',
  EndpointSlice: '엔드포인트슬라이스',
  HorizontalPodAutoscaler: 'HPA(수평 파드 오토스케일러)',
  horizontalpodautoscalers: 'HPA 목록',
  services: '서비스 목록',
  endpoints: '엔드포인트 목록',
  endpointslices: '엔드포인트슬라이스 목록',
  jobs: '잡 목록',
  cronjobs: '크론잡 목록',
  daemonsets: '데몬셋 목록',
  statefulsets: '스테이트풀셋 목록',
  pods: '파드 목록',
  deployments: '디플로이먼트 목록',
  replicasets: '레플리카셋 목록',
  nodes: '노드 목록',
  events: '이벤트 목록',
  namespaces: '네임스페이스 목록',
};

const NOTES: Record<string, (a: Args, hop: Hop) => Explanation> = {
  event: (a) => ({
    en: `Records a "${a.reason}" event so that kubectl describe and get events can show it.`,
    ko: `"${a.reason}" 이벤트를 기록합니다. kubectl describe와 get events에서 볼 수 있습니다.`,
  }),
  'event.repeat': (a) => ({
    en: `The same "${a.reason}" event happened again: its count goes up to ${a.count} instead of a new event being written.`,
    ko: `같은 "${a.reason}" 이벤트가 또 일어나서, 새 이벤트를 만들지 않고 횟수(count)를 ${a.count}(으)로 올립니다.`,
  }),
  'rs.create': (a) => ({
    en: `ReplicaSet ${a.rs} wants ${a.want} pods but has fewer, so the replicaset controller asks for a new one.`,
    ko: `레플리카셋 ${a.rs}은(는) 파드 ${a.want}개를 원하지만 모자라서, 레플리카셋 컨트롤러가 파드를 하나 더 만들어 달라고 요청합니다.`,
  }),
  'rs.delete': (a) => ({
    en: `ReplicaSet ${a.rs} has more pods than the ${a.want} it wants, so the controller deletes one.`,
    ko: `레플리카셋 ${a.rs}의 파드가 원하는 ${a.want}개보다 많아서, 컨트롤러가 하나를 지웁니다.`,
  }),
  'rs.status': (a) => ({
    en: `The replicaset controller reports what it observed: ${a.ready} of ${a.want} pods ready.`,
    ko: `레플리카셋 컨트롤러가 관찰한 현재 상태를 기록합니다: 준비된 파드 ${a.ready}/${a.want}.`,
  }),
  'deploy.createRS': (a) => ({
    en: `No ReplicaSet matches Deployment ${a.deployment}'s pod template yet, so the deployment controller creates ${a.rs} with ${a.replicas} replicas.`,
    ko: `디플로이먼트 ${a.deployment}의 파드 템플릿에 맞는 레플리카셋이 없어서, 디플로이먼트 컨트롤러가 레플리카 ${a.replicas}개짜리 ${a.rs}을(를) 만듭니다.`,
  }),
  'deploy.scaleRS': (a) => ({
    en: `The deployment controller scales ReplicaSet ${a.rs} from ${a.from} to ${a.to}.`,
    ko: `디플로이먼트 컨트롤러가 레플리카셋 ${a.rs}을(를) ${a.from}개에서 ${a.to}개로 조정합니다.`,
  }),
  'deploy.cleanup': (a) => ({
    en: `Only ${a.limit} old ReplicaSets are kept (revisionHistoryLimit): the deployment controller deletes ${a.rs}.`,
    ko: `오래된 레플리카셋은 ${a.limit}개까지만 남깁니다(revisionHistoryLimit). 디플로이먼트 컨트롤러가 ${a.rs}을(를) 지웁니다.`,
  }),
  'deploy.status': (a) => ({
    en: `The deployment controller reports the rollout's progress: ${a.ready} of ${a.want} pods ready.`,
    ko: `디플로이먼트 컨트롤러가 배포 진행 상황을 기록합니다: 준비된 파드 ${a.ready}/${a.want}.`,
  }),
  'deploy.revision': (a) => ({
    en: `The deployment controller records revision ${a.revision} on the Deployment.`,
    ko: `디플로이먼트 컨트롤러가 디플로이먼트에 리비전 ${a.revision}을 기록합니다.`,
  }),
  'deploy.annotations': (a) => ({
    en: `The Deployment's annotations (such as kubernetes.io/change-cause) are copied onto its new ReplicaSet ${a.rs}, where rollout history reads them.`,
    ko: `디플로이먼트의 어노테이션(kubernetes.io/change-cause 등)을 새 레플리카셋 ${a.rs}에 복사합니다. rollout history는 여기서 읽습니다.`,
  }),
  'job.create': (a) => ({
    en: `Job ${a.job} needs another pod to reach its completions, so the job controller creates one.`,
    ko: `잡 ${a.job}이(가) 목표 완료 수(completions)를 채우려면 파드가 더 필요해서, 잡 컨트롤러가 파드를 하나 만듭니다.`,
  }),
  'job.delete': (a) => ({
    en: `Job ${a.job} is finished or has failed, so the job controller deletes a pod it no longer needs.`,
    ko: `잡 ${a.job}이(가) 끝났거나 실패해서, 잡 컨트롤러가 더 필요 없는 파드를 지웁니다.`,
  }),
  'job.status': (a) => ({
    en: `The job controller reports Job ${a.job}: ${a.active} active, ${a.succeeded} succeeded, ${a.failed} failed.`,
    ko: `잡 컨트롤러가 잡 ${a.job}의 상태를 기록합니다: 실행 중 ${a.active}, 성공 ${a.succeeded}, 실패 ${a.failed}.`,
  }),
  'job.complete': (a) => ({
    en: `Enough pods of Job ${a.job} succeeded: the job controller marks it Complete.`,
    ko: `잡 ${a.job}의 파드가 필요한 만큼 성공했습니다. 잡 컨트롤러가 잡을 Complete로 표시합니다.`,
  }),
  'job.failed': (a) => ({
    en: `Job ${a.job} has failed (too many failed pods, or past its deadline): the job controller marks it Failed.`,
    ko: `잡 ${a.job}이(가) 실패했습니다(실패한 파드가 너무 많거나 기한을 넘김). 잡 컨트롤러가 잡을 Failed로 표시합니다.`,
  }),
  'cronjob.create': (a) => ({
    en: `It is time by CronJob ${a.cronjob}'s schedule: the cronjob controller creates Job ${a.job}.`,
    ko: `크론잡 ${a.cronjob}의 스케줄에 따른 시각이 되어, 크론잡 컨트롤러가 잡 ${a.job}을(를) 만듭니다.`,
  }),
  'cronjob.delete.replace': (a) => ({
    en: `CronJob ${a.cronjob} has concurrencyPolicy Replace: the still-running Job ${a.job} is deleted for the new one.`,
    ko: `크론잡 ${a.cronjob}의 concurrencyPolicy가 Replace여서, 아직 실행 중인 잡 ${a.job}을(를) 지우고 새 잡으로 바꿉니다.`,
  }),
  'cronjob.delete.history': (a) => ({
    en: `CronJob ${a.cronjob} keeps only a few finished Jobs (its history limits): the cronjob controller deletes ${a.job}.`,
    ko: `크론잡 ${a.cronjob}은(는) 끝난 잡을 몇 개만 남깁니다(history limit). 크론잡 컨트롤러가 ${a.job}을(를) 지웁니다.`,
  }),
  'cronjob.status': (a) => ({
    en: `The cronjob controller records CronJob ${a.cronjob}'s last schedule time and its ${a.active} active Jobs.`,
    ko: `크론잡 컨트롤러가 크론잡 ${a.cronjob}의 마지막 실행 시각과 실행 중인 잡 ${a.active}개를 기록합니다.`,
  }),
  'ds.create': (a) => ({
    en: `Node ${a.node} should run DaemonSet ${a.ds}'s pod but has none: the daemonset controller creates one pinned to that node.`,
    ko: `노드 ${a.node}에는 데몬셋 ${a.ds}의 파드가 있어야 하는데 없어서, 데몬셋 컨트롤러가 그 노드에 고정된 파드를 만듭니다.`,
  }),
  'ds.delete': (a) => ({
    en: `The daemonset controller deletes DaemonSet ${a.ds}'s pod on ${a.node}: it is outdated, failed, extra, or the node is no longer eligible.`,
    ko: `데몬셋 컨트롤러가 ${a.node}에 있는 데몬셋 ${a.ds}의 파드를 지웁니다. 오래된 버전이거나, 실패했거나, 남거나, 노드가 더 이상 맞지 않기 때문입니다.`,
  }),
  'ds.status': (a) => ({
    en: `The daemonset controller reports DaemonSet ${a.ds}: ${a.ready} of ${a.want} nodes have a ready pod.`,
    ko: `데몬셋 컨트롤러가 데몬셋 ${a.ds}의 상태를 기록합니다: 노드 ${a.want}개 중 ${a.ready}개에 준비된 파드가 있습니다.`,
  }),
  'sts.create': (a) => ({
    en: `StatefulSet ${a.sts} is missing replica ${a.ordinal}: the statefulset controller creates ${a.pod} (in order, each after the one before is Ready).`,
    ko: `스테이트풀셋 ${a.sts}에 ${a.ordinal}번 레플리카가 없어서, 스테이트풀셋 컨트롤러가 ${a.pod}을(를) 만듭니다(앞 번호가 Ready가 된 뒤 차례대로).`,
  }),
  'sts.delete': (a) => ({
    en: `The statefulset controller deletes ${a.pod} of StatefulSet ${a.sts}: scaled down from the highest ordinal, outdated, or finished.`,
    ko: `스테이트풀셋 컨트롤러가 스테이트풀셋 ${a.sts}의 ${a.pod}을(를) 지웁니다. 가장 큰 번호부터 줄이거나, 오래된 버전이거나, 끝난 파드이기 때문입니다.`,
  }),
  'sts.status': (a) => ({
    en: `The statefulset controller reports StatefulSet ${a.sts}: ${a.ready} of ${a.want} pods ready.`,
    ko: `스테이트풀셋 컨트롤러가 스테이트풀셋 ${a.sts}의 상태를 기록합니다: 준비된 파드 ${a.ready}/${a.want}.`,
  }),
  'pdb.status': (a) => ({
    en: `The disruption controller recounts the pods PodDisruptionBudget ${a.pdb} protects: ${a.allowed} may be evicted now.`,
    ko: `disruption 컨트롤러가 PodDisruptionBudget ${a.pdb}이(가) 지키는 파드를 다시 셉니다. 지금 축출할 수 있는 파드: ${a.allowed}개.`,
  }),
  'hpa.scale': (a) => ({
    en: `The horizontal pod autoscaler compared its pods' CPU use with the target and sets ${a.target} from ${a.from} to ${a.to} replicas (HPA ${a.hpa}).`,
    ko: `수평 파드 오토스케일러가 파드의 CPU 사용량을 목표치와 비교해서, ${a.target}의 레플리카를 ${a.from}개에서 ${a.to}개로 바꿉니다(HPA ${a.hpa}).`,
  }),
  'hpa.status': (a) => ({
    en: `The horizontal pod autoscaler records what it measured for HPA ${a.hpa}: ${a.current} replicas now, ${a.desired} desired.`,
    ko: `수평 파드 오토스케일러가 HPA ${a.hpa}에서 측정한 내용을 기록합니다: 현재 레플리카 ${a.current}개, 원하는 레플리카 ${a.desired}개.`,
  }),
  'ep.sync': (a) => ({
    en: `The endpoints controller lists the pods behind Service ${a.svc} in its Endpoints: ${a.ready} ready address(es) receive traffic.`,
    ko: `엔드포인트 컨트롤러가 서비스 ${a.svc} 뒤의 파드를 Endpoints에 적습니다. 준비된 주소 ${a.ready}개가 트래픽을 받습니다.`,
  }),
  'ep.delete': (a) => ({
    en: `Service ${a.svc} is gone, so the endpoints controller deletes its Endpoints.`,
    ko: `서비스 ${a.svc}이(가) 사라져서, 엔드포인트 컨트롤러가 그 Endpoints를 지웁니다.`,
  }),
  'eps.sync': (a) => ({
    en: `The endpointslice controller writes the EndpointSlice of Service ${a.svc}: ${a.ready} ready endpoint(s), which kube-proxy turns into forwarding rules.`,
    ko: `엔드포인트슬라이스 컨트롤러가 서비스 ${a.svc}의 EndpointSlice를 기록합니다. 준비된 엔드포인트 ${a.ready}개를 kube-proxy가 전달 규칙으로 만듭니다.`,
  }),
  'eps.delete': (a) => ({
    en: `The endpointslice controller deletes EndpointSlice ${a.slice}: Service ${a.svc} no longer needs it.`,
    ko: `엔드포인트슬라이스 컨트롤러가 EndpointSlice ${a.slice}을(를) 지웁니다. 서비스 ${a.svc}에 더 이상 필요 없습니다.`,
  }),
  'gc.delete': (a) => ({
    en: `The garbage collector deletes ${a.kind} ${a.name}: its owner is gone.`,
    ko: `가비지 컬렉터가 ${a.kind} ${a.name}을(를) 지웁니다. 주인(owner)이 사라졌기 때문입니다.`,
  }),
  'gc.orphan': (a) => ({
    en: `The garbage collector removes ${a.kind} ${a.name}'s reference to an owner that is gone.`,
    ko: `가비지 컬렉터가 ${a.kind} ${a.name}에서 사라진 주인에 대한 참조를 지웁니다.`,
  }),
  'gc.finalize': (a) => ({
    en: `The garbage collector is done with ${a.kind} ${a.name} and removes its ${a.finalizer} finalizer.`,
    ko: `가비지 컬렉터가 ${a.kind} ${a.name}의 처리를 마치고 ${a.finalizer} 파이널라이저를 지웁니다.`,
  }),
  'scheduler.bind': (a) => ({
    en: `kube-scheduler filtered and scored the nodes and picked ${a.node} for pod ${a.pod}; it asks the API server to bind them.`,
    ko: `kube-scheduler가 노드를 거르고(filter) 점수를 매겨(score) 파드 ${a.pod}에 ${a.node}를 골랐습니다. API 서버에 바인딩을 요청합니다.`,
  }),
  'scheduler.unschedulable': (a) => ({
    en: `No node can take pod ${a.pod}; kube-scheduler records why in its PodScheduled condition.`,
    ko: `파드 ${a.pod}을(를) 받을 수 있는 노드가 없습니다. kube-scheduler가 그 이유를 PodScheduled 조건에 기록합니다.`,
  }),
  'scheduler.preempt': (a) => ({
    en: `No node had room for pod ${a.preemptor}, so kube-scheduler preempts the lower-priority pod ${a.pod} on ${a.node}: it asks the API server to delete it gracefully.`,
    ko: `파드 ${a.preemptor}을(를) 받을 노드가 없어, kube-scheduler가 ${a.node}의 우선순위가 더 낮은 파드 ${a.pod}을(를) 선점(preemption)합니다. API 서버에 그 파드를 정상 종료(graceful delete)하도록 요청합니다.`,
  }),
  'scheduler.nominate': (a) => ({
    en: a.node
      ? `kube-scheduler records ${a.node} as pod ${a.pod}'s nominated node (status.nominatedNodeName).`
      : `kube-scheduler clears pod ${a.pod}'s nominated node: a higher-priority pod needs that room.`,
    ko: a.node
      ? `kube-scheduler가 파드 ${a.pod}의 지명 노드(status.nominatedNodeName)를 ${a.node}로 기록합니다.`
      : `kube-scheduler가 파드 ${a.pod}의 지명 노드를 지웁니다. 우선순위가 더 높은 파드가 그 자리를 써야 합니다.`,
  }),
  'scheduler.disruptionTarget': (a) => ({
    en: `Before evicting ${a.pod}, kube-scheduler marks it with the DisruptionTarget condition (PreemptionByScheduler), so its owners can tell why it goes.`,
    ko: `kube-scheduler가 ${a.pod}을(를) 내보내기 전에 DisruptionTarget 컨디션(PreemptionByScheduler)을 붙입니다. 그래서 소유자가 파드가 사라지는 이유를 알 수 있습니다.`,
  }),
  'kubelet.accepted': () => ({
    en: `The kubelet saw a pod bound to its node and reports it as Pending while its containers are created.`,
    ko: `kubelet이 자기 노드에 배정된 파드를 발견하고, 컨테이너를 만드는 동안 Pending 상태로 보고합니다.`,
  }),
  'kubelet.running': () => ({
    en: `Every container has started: the kubelet reports the pod Running, with its IP.`,
    ko: `모든 컨테이너가 시작되었습니다. kubelet이 파드를 Running 상태와 IP와 함께 보고합니다.`,
  }),
  'kubelet.pullFailed': (a) => ({
    en: `The image ${a.image} could not be pulled; the kubelet reports ErrImagePull.`,
    ko: `이미지 ${a.image}을(를) 받지 못했습니다. kubelet이 ErrImagePull을 보고합니다.`,
  }),
  'kubelet.backoff': (a) => ({
    en: `The kubelet waits before pulling ${a.image} again and reports ImagePullBackOff.`,
    ko: `kubelet이 ${a.image}을(를) 다시 받기 전에 기다리며 ImagePullBackOff를 보고합니다.`,
  }),
  'kubelet.configError': (a) => ({
    en: `Container ${a.container} refers to a ConfigMap, Secret or key that does not exist; the kubelet reports CreateContainerConfigError and tries again at its next sync.`,
    ko: `컨테이너 ${a.container}이(가) 존재하지 않는 컨피그맵, 시크릿 또는 키를 참조합니다. kubelet이 CreateContainerConfigError를 보고하고 다음 동기화 때 다시 시도합니다.`,
  }),
  'pv.bind': (a) => ({
    en: `The PersistentVolume controller binds volume ${a.pv} to claim ${a.pvc}: the volume's claimRef points at the claim, then the claim names the volume.`,
    ko: `PersistentVolume 컨트롤러가 볼륨 ${a.pv}을(를) 클레임 ${a.pvc}에 바인딩합니다. 볼륨의 claimRef가 클레임을 가리키고, 클레임이 볼륨 이름을 기록합니다.`,
  }),
  'pv.provisioner': (a) => ({
    en: `No volume fits claim ${a.pvc}, so the PersistentVolume controller hands it to the external provisioner ${a.provisioner}: it writes the provisioner's name in the claim's annotations.`,
    ko: `클레임 ${a.pvc}에 맞는 볼륨이 없어서 PersistentVolume 컨트롤러가 외부 프로비저너 ${a.provisioner}에게 넘깁니다. 클레임의 어노테이션에 프로비저너 이름을 적습니다.`,
  }),
  'scheduler.bindVolume': (a) => ({
    en: `Claim ${a.pvc} waits for its first consumer: kube-scheduler chose a node for pod ${a.pod} where volume ${a.pv} fits, and binds the volume to the claim (PreBind) before it binds the pod.`,
    ko: `클레임 ${a.pvc}은(는) 첫 소비자를 기다립니다. kube-scheduler가 파드 ${a.pod}을(를) 위해 볼륨 ${a.pv}이(가) 맞는 노드를 골랐고, 파드를 바인딩하기 전에(PreBind) 볼륨을 클레임에 바인딩합니다.`,
  }),
  'scheduler.selectNode': (a) => ({
    en: `No existing volume fits claim ${a.pvc}, so kube-scheduler writes the node it chose for pod ${a.pod} (${a.node}) in the claim's volume.kubernetes.io/selected-node annotation: the provisioner creates the volume there, and the pod is bound once the claim is Bound.`,
    ko: `클레임 ${a.pvc}에 맞는 볼륨이 없어서, kube-scheduler가 파드 ${a.pod}에 고른 노드(${a.node})를 클레임의 volume.kubernetes.io/selected-node 어노테이션에 적습니다. 프로비저너가 그 노드에 볼륨을 만들고, 클레임이 Bound가 되면 파드가 바인딩됩니다.`,
  }),
  'attachdetach.nodeStatus': (a) => ({
    en: a.volumes
      ? `The attach/detach controller records the volumes attached to ${a.node} (status.volumesAttached): ${a.volumes}. The kubelet mounts a volume only once it is listed here.`
      : `The attach/detach controller detached the last volume from ${a.node} and clears its status.volumesAttached.`,
    ko: a.volumes
      ? `attach/detach 컨트롤러가 ${a.node}에 연결(attach)된 볼륨을 기록합니다(status.volumesAttached): ${a.volumes}. kubelet은 여기에 적힌 볼륨만 마운트합니다.`
      : `attach/detach 컨트롤러가 ${a.node}에서 마지막 볼륨을 분리(detach)하고 status.volumesAttached를 비웁니다.`,
  }),
  'provisioner.provision': (a) => ({
    en: `The storage provisioner creates volume ${a.pv} for claim ${a.pvc} (dynamic provisioning from its StorageClass).`,
    ko: `스토리지 프로비저너가 클레임 ${a.pvc}을(를) 위해 볼륨 ${a.pv}을(를) 만듭니다(StorageClass를 통한 동적 프로비저닝).`,
  }),
  'kubelet.exited': (a) => ({
    en: `Container ${a.container} exited with code ${a.code}; the kubelet reports it and applies the pod's restartPolicy.`,
    ko: `컨테이너 ${a.container}이(가) 종료 코드 ${a.code}로 끝났습니다. kubelet이 이를 보고하고 파드의 restartPolicy를 적용합니다.`,
  }),
  'kubelet.restarted': (a) => ({
    en: `The kubelet restarted container ${a.container} and reports it running again, with its restart count.`,
    ko: `kubelet이 컨테이너 ${a.container}을(를) 다시 시작하고, 재시작 횟수와 함께 다시 실행 중이라고 보고합니다.`,
  }),
  'cri.ContainerExited': (a) => ({
    en: `containerd reports that container ${a.container} exited with code ${a.code} (the kubelet's PLEG notices it).`,
    ko: `containerd가 컨테이너 ${a.container}이(가) 종료 코드 ${a.code}로 끝났다고 알립니다(kubelet의 PLEG가 감지).`,
  }),
  'kubelet.probe': (a) => ({
    en: `The ${a.probe} probe of container ${a.container} ${a.result}: the kubelet reports the container's new readiness.`,
    ko: `컨테이너 ${a.container}의 ${a.probe} 프로브가 ${a.result === 'passed' ? '성공했습니다' : '실패했습니다'}. kubelet이 바뀐 준비 상태(readiness)를 보고합니다.`,
  }),
  'kubelet.initStarted': (a) => ({
    en: `Init container ${a.container} is running; the app containers wait until it completes.`,
    ko: `init 컨테이너 ${a.container}이(가) 실행 중입니다. 앱 컨테이너는 이것이 끝날 때까지 기다립니다.`,
  }),
  'kubelet.initialized': () => ({
    en: 'Every init container has completed: the pod is Initialized and its app containers start.',
    ko: '모든 init 컨테이너가 끝났습니다. 파드가 Initialized 상태가 되고 앱 컨테이너가 시작됩니다.',
  }),
  'kubelet.lease': (a) => ({
    en: `The kubelet on ${a.node} renews its Lease: the heartbeat that tells the control plane the node is alive (every 10s).`,
    ko: `${a.node}의 kubelet이 Lease를 갱신합니다. 노드가 살아 있다는 심장 박동(heartbeat)으로, 10초마다 보냅니다.`,
  }),
  'kubelet.nodeStatus': () => ({
    en: 'The kubelet reports its node status (conditions, heartbeat), as it does at least every 5 minutes.',
    ko: 'kubelet이 노드 상태(조건, heartbeat)를 보고합니다. 적어도 5분마다 보냅니다.',
  }),
  'kubelet.registerNode': (a) => ({
    en: `${a.node} joins the cluster (kubeadm join): its kubelet registers the Node object with the API server.`,
    ko: `${a.node}이(가) 클러스터에 합류합니다(kubeadm join). 이 노드의 kubelet이 API 서버에 노드 오브젝트를 등록합니다.`,
  }),
  'kubelet.createLease': (a) => ({
    en: `The kubelet on ${a.node} creates its Lease in kube-node-lease; from now on it renews it every 10s as its heartbeat.`,
    ko: `${a.node}의 kubelet이 kube-node-lease 네임스페이스에 자기 Lease를 만듭니다. 이제부터 10초마다 갱신하며 심장 박동으로 씁니다.`,
  }),
  'kubelet.nodeReady': () => ({
    en: 'The node is back: its kubelet reports Ready again.',
    ko: '노드가 돌아왔습니다. kubelet이 다시 Ready를 보고합니다.',
  }),
  'node.unknown': (a) => ({
    en: `No lease from ${a.node} for over 50s: the node controller sets its conditions to Unknown (kubectl shows NotReady).`,
    ko: `${a.node}에서 50초 넘게 Lease 갱신이 없어서, 노드 컨트롤러가 상태를 Unknown으로 바꿉니다(kubectl에서는 NotReady).`,
  }),
  'node.podNotReady': (a) => ({
    en: `Pod ${a.pod} is on a lost node, so the node controller marks it not Ready.`,
    ko: `파드 ${a.pod}이(가) 연락이 끊긴 노드에 있어서, 노드 컨트롤러가 Ready가 아니라고 표시합니다.`,
  }),
  'node.taint': (a) => ({
    en: `The node controller taints ${a.node} with ${a.taint} (NoSchedule and NoExecute): no new pods, and evictions once tolerations run out.`,
    ko: `노드 컨트롤러가 ${a.node}에 ${a.taint} 테인트(NoSchedule, NoExecute)를 붙입니다. 새 파드는 가지 않고, 톨러레이션 시간이 지나면 파드가 축출됩니다.`,
  }),
  'node.untaint': (a) => ({
    en: `${a.node} is Ready again, so the node controller removes the ${a.taint} taints.`,
    ko: `${a.node}이(가) 다시 Ready가 되어, 노드 컨트롤러가 ${a.taint} 테인트를 지웁니다.`,
  }),
  'taint.evict': (a) => ({
    en: `Pod ${a.pod} no longer tolerates the NoExecute taint on ${a.node}: the taint-eviction controller deletes it.`,
    ko: `파드 ${a.pod}의 톨러레이션 시간이 지나 ${a.node}의 NoExecute 테인트를 더 견디지 못합니다. taint-eviction 컨트롤러가 파드를 지웁니다.`,
  }),
  'kubelet.finalDelete': (a) => ({
    en: `The containers of ${a.pod} have stopped, so the kubelet removes the pod from the API for good.`,
    ko: `${a.pod}의 컨테이너가 모두 멈췄으므로, kubelet이 API에서 파드를 완전히 지웁니다.`,
  }),
  'kubelet.mirrorDelete': (a) => ({
    en: `${a.pod} is a static pod: deleting its mirror pod does not stop it. The kubelet removes the deleted mirror pod for good…`,
    ko: `${a.pod}은(는) 스태틱 파드라서 미러 파드를 지워도 멈추지 않습니다. kubelet이 지워진 미러 파드를 완전히 없애고…`,
  }),
  'kubelet.mirrorPod': (a) => ({
    en: `…and creates ${a.pod}'s mirror pod again from the manifest in /etc/kubernetes/manifests, so the API shows the pod once more.`,
    ko: `…/etc/kubernetes/manifests의 매니페스트로 ${a.pod}의 미러 파드를 다시 만듭니다. 그래서 API에 파드가 다시 보입니다.`,
  }),
  'cri.RunPodSandbox': () => ({
    en: 'The kubelet asks containerd (over CRI) for the pod sandbox: its network namespace and pause container.',
    ko: 'kubelet이 CRI로 containerd에 파드 샌드박스(네트워크 네임스페이스와 pause 컨테이너)를 요청합니다.',
  }),
  'cri.PullImage': (a) => ({
    en: `The kubelet asks containerd to pull the image ${a.detail} from its registry.`,
    ko: `kubelet이 containerd에 레지스트리에서 이미지 ${a.detail}을(를) 받아 오라고 요청합니다.`,
  }),
  'cri.CreateContainer': (a) => ({
    en: `The kubelet asks containerd to create the container ${a.detail}.`,
    ko: `kubelet이 containerd에 컨테이너 ${a.detail}을(를) 만들라고 요청합니다.`,
  }),
  'cri.StartContainer': (a) => ({
    en: `The kubelet asks containerd to start the container ${a.detail}.`,
    ko: `kubelet이 containerd에 컨테이너 ${a.detail}을(를) 시작하라고 요청합니다.`,
  }),
  'cri.StopContainer': (a) => ({
    en: `The kubelet asks containerd to stop the container ${a.detail} (SIGTERM, then SIGKILL after the grace period).`,
    ko: `kubelet이 containerd에 컨테이너 ${a.detail}을(를) 멈추라고 요청합니다(SIGTERM, 유예 시간이 지나면 SIGKILL).`,
  }),
  'cri.StopPodSandbox': () => ({
    en: 'The kubelet asks containerd to tear down the pod sandbox.',
    ko: 'kubelet이 containerd에 파드 샌드박스를 정리하라고 요청합니다.',
  }),
  'traffic.DNS': (a) => ({
    en: `${a.from} asks CoreDNS for the address of the name: ${a.detail}.`,
    ko: `${a.from}이(가) CoreDNS에 이름의 주소를 묻습니다: ${a.detail}.`,
  }),
  'traffic.connect': (a) => ({
    en: `The packet for ${a.url} reaches ${a.to}: ${a.detail}.`,
    ko: `${a.url}로 가는 패킷이 ${a.to}에 닿습니다: ${a.detail}.`,
  }),
  'traffic.DNAT': (a) => ({
    en: `kube-proxy's iptables rules pick one endpoint at random and rewrite the destination (L4): ${a.detail}.`,
    ko: `kube-proxy의 iptables 규칙이 엔드포인트 하나를 무작위로 골라 목적지를 바꿉니다(L4): ${a.detail}.`,
  }),
  'traffic.proxy': (a) => ({
    en: `The ingress controller matches the host and path of the HTTP request against the Ingress rules and opens its own connection to a pod of the backend Service (L7): ${a.detail}.`,
    ko: `인그레스 컨트롤러가 HTTP 요청의 호스트와 경로를 인그레스 규칙에 맞춰 보고, 백엔드 서비스의 파드에 직접 연결합니다(L7): ${a.detail}.`,
  }),
  'traffic.DROP': (a) => ({
    en: `The CNI drops the packet without an answer because of ${a.detail}; the client waits until it times out.`,
    ko: `${a.detail} 때문에 CNI가 응답 없이 패킷을 버립니다. 클라이언트는 시간이 다 될 때까지 기다립니다.`,
  }),
  'traffic.response': (a) => ({
    en: `${a.from} answers ${a.to}: ${a.detail}.`,
    ko: `${a.from}이(가) ${a.to}에 응답합니다: ${a.detail}.`,
  }),
  'metallb.assign': (a) => ({
    en: `The MetalLB controller gives the LoadBalancer Service ${a.service} the address ${a.ip} from its pool.`,
    ko: `MetalLB 컨트롤러가 로드밸런서 서비스 ${a.service}에 주소 풀의 ${a.ip}를 줍니다.`,
  }),
  'metallb.memberlist': (a) => ({
    en: `The MetalLB controller creates the Secret ${a.secret}, the key its speakers encrypt their memberlist traffic with.`,
    ko: `MetalLB 컨트롤러가 스피커들이 memberlist 통신을 암호화할 키를 담은 시크릿 ${a.secret}을(를) 만듭니다.`,
  }),
  'ingress.status': (a) => ({
    en: `The ingress controller publishes its address ${a.ip} in the status of Ingress ${a.ingress}.`,
    ko: `인그레스 컨트롤러가 인그레스 ${a.ingress}의 status에 자기 주소 ${a.ip}를 적습니다.`,
  }),
};

function kindKo(kind: string): string {
  return KIND_KO[kind] ?? kind;
}

/** explainHop says in one sentence, in Korean and English, what a hop is and why it happened. */
export function explainHop(hop: Hop): Explanation {
  const note = hop.note && NOTES[hop.note.code];
  if (note) return note(hop.note!.args ?? {}, hop);
  const { kind, name } = hop.object;
  const what = name ? `${kind} ${name}` : kind;
  const whatKo = name ? `${kindKo(kind)} ${name}` : kindKo(kind);
  switch (hop.channel) {
    case 'storage':
      return hop.verb === 'delete'
        ? {
            en: `The API server removes ${what} from etcd (key ${hop.detail}).`,
            ko: `API 서버가 etcd에서 ${whatKo}을(를) 지웁니다(키 ${hop.detail}).`,
          }
        : {
            en: `The API server validated the request and writes ${what} to etcd at ${hop.detail}${hop.revision ? ` (revision ${hop.revision})` : ''}.`,
            ko: `API 서버가 요청을 검증하고 ${whatKo}을(를) etcd의 ${hop.detail}에 저장합니다${hop.revision ? `(리비전 ${hop.revision})` : ''}.`,
          };
    case 'watch':
      return {
        en: `The API server tells ${hop.to}, which watches ${kind} objects, that ${what} was ${hop.verb.toLowerCase()}.`,
        ko: `API 서버가 ${kindKo(kind)}을(를) 지켜보는(watch) ${hop.to}에 ${whatKo}의 변경(${hop.verb})을 알립니다.`,
      };
    case 'cri':
      return {
        en: `The kubelet calls containerd: ${hop.verb}.`,
        ko: `kubelet이 containerd를 호출합니다: ${hop.verb}.`,
      };
    case 'request':
      return {
        en: `${hop.from} asks the API server to ${hop.verb} ${what}.`,
        ko: `${hop.from}이(가) API 서버에 ${whatKo} ${hop.verb} 요청을 보냅니다.`,
      };
    case 'traffic':
      return {
        en: `A packet goes from ${hop.from} to ${hop.to}: ${hop.detail ?? hop.verb}.`,
        ko: `패킷이 ${hop.from}에서 ${hop.to}로 갑니다: ${hop.detail ?? hop.verb}.`,
      };
  }
}
