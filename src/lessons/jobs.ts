import type { ClusterView } from './cluster-view';
import type { Lesson } from './types';

const job = (name: string, script: string, backoffLimit?: number) =>
  `kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${backoffLimit === undefined ? '' : `  backoffLimit: ${backoffLimit}\n`}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: ${name}
        image: busybox:1.36
        command: ["sh", "-c", "${script}"]
EOF`;

const CRONJOB = `kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "date; echo Hello from the Kubernetes cluster"]
EOF`;

/** jobCondition: the Job has reached a terminal condition (Complete or Failed). */
const jobCondition = (view: ClusterView, name: string, type: 'Complete' | 'Failed') =>
  (view.jobs().find((j) => j.metadata.name === name)?.status?.conditions ?? []).some(
    (c) => c.type === type && c.status === 'True',
  );

/** jobPods are the pods the Job controller made for a Job (it labels them job-name). */
const jobPods = (view: ClusterView, name: string) =>
  view.pods().filter((pod) => pod.metadata.labels?.['job-name'] === name);

/** cronJobRuns are the Jobs CronJob hello created that have completed. */
const cronJobRuns = (view: ClusterView) =>
  view
    .jobs()
    .filter(
      (j) =>
        (j.metadata.ownerReferences ?? []).some(
          (ref) => ref.kind === 'CronJob' && ref.name === 'hello',
        ) && (j.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True'),
    );

/**
 * jobs runs work that ends: a Job keeps creating pods until one succeeds or its backoffLimit is
 * spent, and a CronJob creates a Job at each time its schedule names.
 */
export const jobs: Lesson = {
  id: 'jobs',
  preset: 'kubeadm',
  title: { en: 'Job and CronJob: work that finishes', ko: '잡과 크론잡: 끝나는 작업' },
  summary: {
    en: 'A Deployment restarts a pod that exits; that is wrong for a backup or a batch import, which should run once and stop. A Job runs pods to completion and retries failures with back-off; a CronJob creates Jobs on a schedule.',
    ko: '디플로이먼트는 종료된 파드를 다시 띄웁니다. 한 번 돌고 끝나야 하는 백업이나 일괄 처리에는 맞지 않는 동작입니다. 잡은 파드를 끝까지 실행하고 실패하면 간격을 늘려 가며 다시 시도하고, 크론잡은 일정에 맞춰 잡을 만듭니다.',
  },
  steps: [
    {
      id: 'job-completes',
      predict: {
        question: {
          en: 'The countdown container prints four lines and exits with code 0. What STATUS does `kubectl get pods` show for its pod afterwards?',
          ko: 'countdown 컨테이너는 네 줄을 출력하고 코드 0으로 종료합니다. 그 뒤 `kubectl get pods`에서 이 파드의 STATUS는 무엇일까요?',
        },
        choices: [
          { id: 'completed', text: { en: 'Completed', ko: 'Completed' } },
          { id: 'crash', text: { en: 'CrashLoopBackOff', ko: 'CrashLoopBackOff' } },
          { id: 'running', text: { en: 'Running (restarted)', ko: 'Running (재시작됨)' } },
        ],
        answer: 'completed',
        explanation: {
          en: 'A Job’s pods use restartPolicy Never (or OnFailure), so the kubelet leaves an exited container alone and the pod ends Succeeded, printed as Completed. The Job controller counts the success and marks the Job Complete.',
          ko: '잡의 파드는 restartPolicy가 Never(또는 OnFailure)라서, kubelet은 종료된 컨테이너를 다시 띄우지 않고 파드는 Succeeded로 끝납니다. 화면에는 Completed로 나옵니다. 잡 컨트롤러는 성공 한 번을 세고 잡을 Complete로 표시합니다.',
        },
      },
      text: {
        en: 'Apply the Job countdown from the solution. Follow it with `kubectl get jobs` and `kubectl get pods`, and read what it printed with `kubectl logs job/countdown`.',
        ko: '정답에 있는 countdown 잡을 적용하세요. `kubectl get jobs`와 `kubectl get pods`로 진행을 보고, `kubectl logs job/countdown`으로 출력을 읽어 보세요.',
      },
      want: {
        en: 'Job countdown Complete: 1 pod Completed',
        ko: 'countdown 잡 Complete: 파드 1개 Completed',
      },
      goal: (view) =>
        jobCondition(view, 'countdown', 'Complete') &&
        jobPods(view, 'countdown').some((pod) => pod.status.phase === 'Succeeded'),
      hints: [
        {
          en: 'A Job’s pod template must set `restartPolicy: Never` or `OnFailure`; the API server rejects Always.',
          ko: '잡의 파드 템플릿에는 `restartPolicy: Never`나 `OnFailure`를 적어야 합니다. Always는 API 서버가 거부합니다.',
        },
      ],
      solution: [
        job('countdown', 'echo 3; sleep 1; echo 2; sleep 1; echo 1; sleep 1; echo liftoff'),
      ],
    },
    {
      id: 'job-gives-up',
      predict: {
        question: {
          en: 'Job flaky always exits 1 and has `backoffLimit: 2`. How many pods will it have created when it gives up?',
          ko: 'flaky 잡은 항상 코드 1로 종료하고 `backoffLimit: 2`입니다. 포기할 때까지 파드를 몇 개 만들까요?',
        },
        choices: [
          { id: '1', text: { en: '1', ko: '1개' } },
          { id: '2', text: { en: '2', ko: '2개' } },
          { id: '3', text: { en: '3', ko: '3개' } },
        ],
        answer: '3',
        explanation: {
          en: 'backoffLimit counts retries: the first pod plus two retries is three failed pods. Between them the controller waits 10s, then 20s (the back-off doubles), and then marks the Job Failed with reason BackoffLimitExceeded.',
          ko: 'backoffLimit는 재시도 횟수입니다. 처음 파드 하나에 재시도 두 번을 더해 실패한 파드는 세 개가 됩니다. 그 사이 컨트롤러는 10초, 다음엔 20초를 기다리고(간격이 두 배씩 늘어납니다), 마지막에 잡을 BackoffLimitExceeded 사유로 Failed 처리합니다.',
        },
      },
      text: {
        en: 'Apply the Job flaky, whose command fails every time. Step to quiet and compare `kubectl get pods` with `kubectl describe job flaky`.',
        ko: '명령이 매번 실패하는 flaky 잡을 적용하세요. 안정될 때까지 진행한 뒤 `kubectl get pods`와 `kubectl describe job flaky`를 비교해 보세요.',
      },
      want: {
        en: 'Job flaky Failed after 3 pods in Error',
        ko: 'Error 파드 3개 뒤 flaky 잡 Failed',
      },
      goal: (view) =>
        jobCondition(view, 'flaky', 'Failed') &&
        jobPods(view, 'flaky').filter((pod) => pod.status.phase === 'Failed').length === 3,
      hints: [
        {
          en: 'The back-off takes simulated seconds: Step to quiet runs them for you.',
          ko: '재시도 간격은 시뮬레이션 시간으로 몇십 초가 걸립니다. 안정될 때까지 버튼을 누르면 한 번에 지나갑니다.',
        },
      ],
      solution: [job('flaky', 'exit 1', 2)],
    },
    {
      id: 'cronjob-runs',
      text: {
        en: 'Schedule work: apply the CronJob hello, which runs every minute (`*/1 * * * *`). Play or Step to quiet until two of its Jobs have completed, then `kubectl get cronjobs,jobs`.',
        ko: '일정에 맞춰 작업을 돌려 봅시다. 1분마다(`*/1 * * * *`) 실행되는 hello 크론잡을 적용하세요. 잡이 두 번 완료될 때까지 재생하거나 안정될 때까지 버튼을 누른 다음 `kubectl get cronjobs,jobs`를 확인하세요.',
      },
      want: {
        en: 'CronJob hello has run twice: 2 Jobs Complete',
        ko: 'hello 크론잡이 두 번 실행됨: 잡 2개 Complete',
      },
      goal: (view) => cronJobRuns(view).length >= 2,
      hints: [
        {
          en: 'The CronJob controller creates a Job at the start of each minute of simulated time.',
          ko: '크론잡 컨트롤러는 시뮬레이션 시간으로 매분이 시작될 때 잡을 만듭니다.',
        },
      ],
      solution: [CRONJOB],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create job once --image=busybox -- echo hi`, `kubectl create cronjob hello --image=busybox --schedule="*/5 * * * *" -- date`, `kubectl get jobs --watch`, `kubectl logs job/once`, and `kubectl create job --from=cronjob/hello manual-run` to run a CronJob now.',
    ko: '실제 클러스터에서는 `kubectl create job once --image=busybox -- echo hi`, `kubectl create cronjob hello --image=busybox --schedule="*/5 * * * *" -- date`로 만들고, `kubectl get jobs --watch`와 `kubectl logs job/once`로 지켜봅니다. 크론잡을 지금 바로 한 번 돌리려면 `kubectl create job --from=cronjob/hello manual-run`을 씁니다.',
  },
};
