import type { Pod } from '../engine';
import type { ClusterView } from './cluster-view';
import {
  firstStored,
  isRunningReady,
  kubectlDeleteSeq,
  kubectlRead,
  lastStored,
  waitingReason,
} from './goals';
import { applyConfigMap, applyPod } from './manifests';
import type { Lesson } from './types';

const CONFIG = 'web-config';
const SECRET = 'db-pass';
const POD = 'app';

const configMap = (mode: string) => applyConfigMap(CONFIG, { MODE: mode, GREETING: 'hello' });

/** appPod reads the whole ConfigMap as env, one Secret key as env, and the ConfigMap as files. */
const appPod = applyPod({
  name: POD,
  image: 'nginx:1.27',
  podFields: `volumes:\n- name: config\n  configMap:\n    name: ${CONFIG}\n`,
  containerFields: [
    'envFrom:',
    '- configMapRef:',
    `    name: ${CONFIG}`,
    'env:',
    '- name: DB_PASSWORD',
    '  valueFrom:',
    '    secretKeyRef:',
    `      name: ${SECRET}`,
    '      key: password',
    'volumeMounts:',
    '- name: config',
    '  mountPath: /etc/web',
  ].join('\n'),
});

/** usesConfig: the pod takes web-config as env and as a volume, and db-pass's password as env. */
function usesConfig(pod: Pod | undefined): pod is Pod {
  const container = pod?.spec.containers[0];
  if (!pod || !container) return false;
  const envFromConfig = (container.envFrom ?? []).some(
    (from) => from.configMapRef?.name === CONFIG,
  );
  const envFromSecret = (container.env ?? []).some(
    (env) =>
      env.valueFrom?.secretKeyRef?.name === SECRET && env.valueFrom.secretKeyRef.key === 'password',
  );
  const volume = (pod.spec.volumes ?? []).find((v) => v.configMap?.name === CONFIG);
  const mounted = (container.volumeMounts ?? []).some((m) => m.name === volume?.name);
  return envFromConfig && envFromSecret && mounted;
}

const configMode = (view: ClusterView) => view.configMap(CONFIG)?.data?.['MODE'];

/** appRuns: pod app uses the config, and is Running and Ready. */
const appRuns = (view: ClusterView) => {
  const pod = view.pod(POD);
  return usesConfig(pod) && pod.metadata.deletionTimestamp === undefined && isRunningReady(pod);
};

/**
 * configMapSecret keeps settings out of the image: a ConfigMap and a Secret, read by a pod as
 * environment variables and as files, and what happens to each when the setting changes.
 */
export const configMapSecret: Lesson = {
  id: 'configmap-secret',
  preset: 'kubeadm',
  title: {
    en: 'ConfigMap and Secret',
    ko: '컨피그맵과 시크릿',
  },
  summary: {
    en: 'The same image should run in dev and in prod; only its settings differ. Keep settings in a ConfigMap and passwords in a Secret, hand them to a pod as environment variables and as files, and find out which of the two follows a change.',
    ko: '같은 이미지를 dev에서도 prod에서도 돌리고, 달라지는 것은 설정뿐이어야 합니다. 설정은 컨피그맵에, 비밀번호는 시크릿에 담아 파드에 환경 변수와 파일로 넘겨 보고, 설정을 바꿨을 때 둘 중 어느 쪽이 따라 바뀌는지 알아봅니다.',
  },
  steps: [
    {
      id: 'configmap',
      text: {
        en: 'A ConfigMap is a set of keys and values stored in the API server. Write one for the app: copy the YAML from the solution into the Manifest editor and press Apply. It says MODE is dev.',
        ko: '컨피그맵은 API 서버에 저장되는 키-값 묶음입니다. 앱이 쓸 컨피그맵을 만들어 봅시다. 정답의 YAML을 매니페스트 편집기에 붙여 넣고 적용 버튼을 누르세요. MODE가 dev라고 적혀 있습니다.',
      },
      want: { en: 'ConfigMap web-config: MODE=dev', ko: 'web-config 컨피그맵: MODE=dev' },
      goal: (view) => configMode(view) === 'dev',
      hints: [
        {
          en: '`kubectl create configmap web-config --from-literal=MODE=dev` makes the same object, but this lesson changes it later from the file, so apply it.',
          ko: '`kubectl create configmap web-config --from-literal=MODE=dev`로도 같은 오브젝트가 만들어지지만, 이 레슨은 나중에 파일을 고쳐 바꾸므로 apply로 만드세요.',
        },
        {
          en: '`kubectl get configmap web-config -o yaml` shows what was stored.',
          ko: '`kubectl get configmap web-config -o yaml`로 저장된 내용을 볼 수 있습니다.',
        },
      ],
      solution: [configMap('dev')],
    },
    {
      id: 'pod-waits',
      predict: {
        question: {
          en: 'The pod also wants the password from the Secret db-pass, which does not exist yet. What STATUS will `kubectl get pods` show for it?',
          ko: '이 파드는 시크릿 db-pass의 비밀번호도 씁니다. 그런데 그 시크릿은 아직 없습니다. `kubectl get pods`의 STATUS에는 무엇이 나올까요?',
        },
        choices: [
          { id: 'pending', text: { en: 'Pending', ko: 'Pending' } },
          {
            id: 'config-error',
            text: { en: 'CreateContainerConfigError', ko: 'CreateContainerConfigError' },
          },
          {
            id: 'running',
            text: {
              en: 'Running, with DB_PASSWORD left empty',
              ko: 'Running (DB_PASSWORD는 빈 값)',
            },
          },
          { id: 'crash', text: { en: 'CrashLoopBackOff', ko: 'CrashLoopBackOff' } },
        ],
        answer: 'config-error',
        explanation: {
          en: 'The scheduler does not look at Secrets, so the pod gets a node. The kubelet there builds the container’s environment before creating it, cannot find db-pass, and gives up for now with CreateContainerConfigError. It tries again on every sync of the pod.',
          ko: '스케줄러는 시크릿을 보지 않으므로 파드는 노드에 배치됩니다. 그 노드의 kubelet은 컨테이너를 만들기 전에 환경 변수를 준비하는데, db-pass를 찾지 못해 CreateContainerConfigError로 멈춥니다. 그리고 파드를 동기화할 때마다 다시 시도합니다.',
        },
      },
      text: {
        en: 'Now a pod that reads its settings three ways: `envFrom` turns every key of web-config into an environment variable, `secretKeyRef` takes one key of a Secret, and a `configMap` volume shows each key as a file under /etc/web. Apply the Pod from the solution.',
        ko: '이제 설정을 세 가지 방법으로 읽는 파드를 만듭니다. `envFrom`은 web-config의 모든 키를 환경 변수로 만들고, `secretKeyRef`는 시크릿에서 키 하나를 가져오며, `configMap` 볼륨은 키마다 /etc/web 아래 파일 하나로 보여 줍니다. 정답의 Pod 매니페스트를 적용하세요.',
      },
      want: {
        en: 'Pod app waiting: CreateContainerConfigError',
        ko: 'app 파드 대기 중: CreateContainerConfigError',
      },
      goal: (view) => {
        const pod = view.pod(POD);
        return usesConfig(pod) && waitingReason(pod) === 'CreateContainerConfigError';
      },
      hints: [
        {
          en: '`kubectl describe pod app` shows the kubelet’s event: which Secret it could not find.',
          ko: '`kubectl describe pod app`을 실행하면 kubelet이 남긴 이벤트에서 어떤 시크릿을 못 찾았는지 볼 수 있습니다.',
        },
        {
          en: 'Do not create the Secret yet: this step is about the pod waiting for it.',
          ko: '시크릿은 아직 만들지 마세요. 이번 단계는 파드가 시크릿을 기다리는 모습을 보는 것입니다.',
        },
      ],
      solution: [appPod],
    },
    {
      id: 'secret',
      text: {
        en: 'Create the missing Secret from the command line, so the password never sits in a file you might commit: `kubectl create secret generic db-pass --from-literal=password=s3cr3t`. Then do nothing: watch the pod.',
        ko: '빠진 시크릿을 명령줄에서 만드세요. 이렇게 하면 비밀번호가 실수로 커밋할 수 있는 파일에 남지 않습니다. `kubectl create secret generic db-pass --from-literal=password=s3cr3t`을 실행한 뒤에는 아무것도 하지 말고 파드를 지켜보세요.',
      },
      want: {
        en: 'Secret db-pass with a password; pod app Running',
        ko: 'password 키가 있는 db-pass 시크릿, app 파드 Running',
      },
      goal: (view) => view.secret(SECRET)?.data?.['password'] !== undefined && appRuns(view),
      hints: [
        {
          en: 'No need to touch the pod: the kubelet retries on its own and starts the container once the Secret exists.',
          ko: '파드는 건드리지 않아도 됩니다. kubelet이 알아서 다시 시도하고, 시크릿이 생기면 컨테이너를 시작합니다.',
        },
        {
          en: 'The key must be called password: that is the key the pod asks for.',
          ko: '키 이름은 password여야 합니다. 파드가 그 키를 찾습니다.',
        },
      ],
      solution: [`kubectl create secret generic ${SECRET} --from-literal=password=s3cr3t`],
    },
    {
      id: 'read-secret',
      predict: {
        question: {
          en: 'How does `kubectl get secret db-pass -o yaml` show the password?',
          ko: '`kubectl get secret db-pass -o yaml`에는 비밀번호가 어떻게 나올까요?',
        },
        choices: [
          { id: 'plain', text: { en: 's3cr3t', ko: 's3cr3t' } },
          { id: 'base64', text: { en: 'czNjcjN0', ko: 'czNjcjN0' } },
          {
            id: 'cipher',
            text: { en: 'Unreadable ciphertext', ko: '알아볼 수 없는 암호문' },
          },
          { id: 'masked', text: { en: 'Masked as ******', ko: '****** 로 가려져서' } },
        ],
        answer: 'base64',
        explanation: {
          en: 'Secret values are stored base64-encoded, which is an encoding, not encryption: `echo czNjcjN0 | base64 -d` gives s3cr3t back. What protects a Secret is who may read it (RBAC; the built-in view role leaves Secrets out) and, where the admin turns it on, encryption in etcd.',
          ko: '시크릿 값은 base64로 인코딩되어 저장됩니다. 인코딩일 뿐 암호화가 아니어서 `echo czNjcjN0 | base64 -d`로 s3cr3t를 바로 되살릴 수 있습니다. 시크릿을 지키는 것은 누가 읽을 수 있는지 정하는 RBAC(기본 view 롤은 시크릿을 빼 둡니다)와, 관리자가 켜 둔 경우의 etcd 저장 시 암호화입니다.',
        },
      },
      text: {
        en: 'Look at the stored Secret: `kubectl get secret db-pass -o yaml`. Then check what the pod received: `kubectl exec app -- env` lists MODE and GREETING from the ConfigMap and DB_PASSWORD from the Secret, and `kubectl exec app -- cat /etc/web/MODE` reads the file.',
        ko: '저장된 시크릿을 확인해 봅시다. `kubectl get secret db-pass -o yaml`을 실행하세요. 그런 다음 파드가 받은 값도 보세요. `kubectl exec app -- env`에는 컨피그맵에서 온 MODE, GREETING과 시크릿에서 온 DB_PASSWORD가 나오고, `kubectl exec app -- cat /etc/web/MODE`로는 파일을 읽을 수 있습니다.',
      },
      want: { en: 'Secret db-pass read as YAML', ko: 'db-pass 시크릿을 YAML로 확인' },
      goal: (view) => {
        const stored = firstStored(view, 'Secret', SECRET);
        return (
          stored !== undefined &&
          kubectlRead(view, { kinds: ['secrets'], verbs: ['get'], name: SECRET, after: stored })
        );
      },
      hints: [
        {
          en: '`kubectl describe secret db-pass` shows only the size of each value; `-o yaml` shows the values.',
          ko: '`kubectl describe secret db-pass`는 값의 크기만 보여 주고, `-o yaml`이어야 값이 보입니다.',
        },
      ],
      solution: [`kubectl get secret ${SECRET} -o yaml`],
    },
    {
      id: 'change-config',
      predict: {
        question: {
          en: 'You set MODE to prod in the ConfigMap and apply it. A minute later, what does app see?',
          ko: '컨피그맵의 MODE를 prod로 바꿔 적용합니다. 1분쯤 지나면 app 파드에는 무엇이 보일까요?',
        },
        choices: [
          {
            id: 'nothing',
            text: {
              en: 'dev everywhere: nothing changes until the pod restarts',
              ko: '모두 dev: 파드를 다시 시작하기 전에는 아무것도 바뀌지 않는다',
            },
          },
          {
            id: 'file',
            text: {
              en: 'The file says prod; the environment variable still says dev',
              ko: '파일은 prod, 환경 변수는 여전히 dev',
            },
          },
          {
            id: 'both',
            text: {
              en: 'prod in both the file and the environment variable',
              ko: '파일과 환경 변수 모두 prod',
            },
          },
        ],
        answer: 'file',
        explanation: {
          en: 'Environment variables are copied into the process when the container starts and never change after. A configMap volume is files the kubelet writes: on its periodic sync of the pod, about once a minute, it sees the new ConfigMap and swaps the files in. Nothing restarts.',
          ko: '환경 변수는 컨테이너가 시작될 때 프로세스에 복사되고 그 뒤로는 바뀌지 않습니다. 반면 configMap 볼륨은 kubelet이 써 주는 파일이라서, kubelet이 1분 남짓마다 파드를 동기화할 때 새 컨피그맵을 발견하면 파일을 바꿔 넣습니다. 다시 시작되는 것은 없습니다.',
        },
      },
      text: {
        en: 'Change the setting: in the ConfigMap’s YAML set `MODE: prod` and apply it again. Then repeat `kubectl exec app -- cat /etc/web/MODE` and `kubectl exec app -- env` until you see what changed.',
        ko: '설정을 바꿔 봅시다. 컨피그맵 YAML에서 `MODE: prod`로 고쳐 다시 적용하세요. 그런 다음 `kubectl exec app -- cat /etc/web/MODE`와 `kubectl exec app -- env`를 바뀐 것이 보일 때까지 반복해서 실행해 보세요.',
      },
      want: {
        en: 'ConfigMap web-config: MODE=prod; the same pod app still running',
        ko: 'web-config 컨피그맵: MODE=prod, 같은 app 파드가 계속 실행 중',
      },
      goal: (view) => {
        // The pod that sees the change is one that ran before it, not one recreated after.
        const podStored = firstStored(view, 'Pod', POD);
        const configStored = lastStored(view, 'ConfigMap', CONFIG);
        const deleted = kubectlDeleteSeq(view, 'Pod', POD);
        return (
          configMode(view) === 'prod' &&
          appRuns(view) &&
          podStored !== undefined &&
          configStored !== undefined &&
          podStored < configStored &&
          (deleted === undefined || deleted < configStored)
        );
      },
      hints: [
        {
          en: 'The kubelet refreshes the files within about a minute: let the clock run, then read the file again.',
          ko: 'kubelet은 1분 안팎으로 파일을 새로 씁니다. 시간이 흐르게 둔 뒤 파일을 다시 읽어 보세요.',
        },
        {
          en: 'Keep the key GREETING as it was; only MODE changes.',
          ko: 'GREETING 키는 그대로 두고 MODE만 바꾸세요.',
        },
      ],
      solution: [configMap('prod')],
    },
    {
      id: 'recreate',
      text: {
        en: 'The environment only changes with a new container. Delete the pod with `kubectl delete pod app` and apply its manifest again; `kubectl exec app -- env` now says MODE=prod. A Deployment does the same for you with `kubectl rollout restart deployment <name>`, replacing its pods one by one.',
        ko: '환경 변수는 컨테이너를 새로 만들어야 바뀝니다. `kubectl delete pod app`으로 파드를 지우고 매니페스트를 다시 적용하세요. 이제 `kubectl exec app -- env`에 MODE=prod가 보입니다. 디플로이먼트라면 `kubectl rollout restart deployment <이름>`이 파드를 하나씩 새로 바꿔 같은 일을 해 줍니다.',
      },
      want: {
        en: 'A new pod app, started after the change',
        ko: '설정을 바꾼 뒤 새로 시작한 app 파드',
      },
      goal: (view) => {
        const deleted = kubectlDeleteSeq(view, 'Pod', POD);
        const configStored = lastStored(view, 'ConfigMap', CONFIG);
        return (
          configMode(view) === 'prod' &&
          appRuns(view) &&
          deleted !== undefined &&
          configStored !== undefined &&
          deleted > configStored
        );
      },
      hints: [
        {
          en: '`kubectl delete pod app` waits until the pod is gone; then apply the Pod manifest from the earlier step.',
          ko: '`kubectl delete pod app`은 파드가 다 지워질 때까지 기다립니다. 그다음 앞 단계의 Pod 매니페스트를 다시 적용하세요.',
        },
      ],
      solution: [`kubectl delete pod ${POD}`, appPod],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create configmap web-config --from-literal=MODE=dev` or `--from-file=app.properties`, `kubectl create secret generic db-pass --from-literal=password=...`, then `envFrom`, `secretKeyRef` or a volume in the pod spec. After changing a ConfigMap, files follow within a minute or so; for environment variables run `kubectl rollout restart deployment <name>`. Keep Secret values out of git, and limit who may read Secrets with RBAC.',
    ko: '실제 클러스터에서는 `kubectl create configmap web-config --from-literal=MODE=dev`나 `--from-file=app.properties`로 컨피그맵을, `kubectl create secret generic db-pass --from-literal=password=...`로 시크릿을 만들고, 파드 스펙에서 `envFrom`, `secretKeyRef`, 볼륨으로 씁니다. 컨피그맵을 바꾸면 파일은 1분 남짓 뒤에 따라 바뀌고, 환경 변수는 `kubectl rollout restart deployment <이름>`으로 파드를 새로 띄워야 바뀝니다. 시크릿 값은 git에 올리지 말고, 시크릿을 읽을 수 있는 사람은 RBAC로 제한하세요.',
  },
};
