import type { ClusterView } from './cluster-view';
import { firstStored, kubectlRead, kubectlReads, lastPodCreated, readyApp } from './goals';
import type { Lesson } from './types';

const TEAM = 'team-a';

/** teamWebRuns: Deployment web in team-a wants two pods and both are Running and Ready there. */
const teamWebRuns = (view: ClusterView) =>
  view.deployment('web', TEAM)?.spec.replicas === 2 && readyApp(view, 'web', 2, TEAM);

/**
 * namespaces splits one cluster into named spaces: create one, watch a controller furnish it,
 * run a Deployment inside it, and give another the same name in default.
 */
export const namespaces: Lesson = {
  id: 'namespaces',
  preset: 'kubeadm',
  title: {
    en: 'Namespaces: one cluster, many spaces',
    ko: '네임스페이스: 클러스터 하나를 나눠 쓰기',
  },
  summary: {
    en: 'Every pod, Deployment and Service lives in a namespace, and names only have to be unique inside one. Create a namespace, see what a controller puts in it unasked, run a Deployment there, give a second Deployment the same name next door, and cap the namespace with a quota.',
    ko: '파드, 디플로이먼트, 서비스는 모두 어떤 네임스페이스 안에 있고, 이름은 그 네임스페이스 안에서만 겹치지 않으면 됩니다. 네임스페이스를 만들고, 시키지 않아도 컨트롤러가 그 안에 무엇을 넣는지 본 다음, 거기서 디플로이먼트를 실행하고, 옆 네임스페이스에 같은 이름의 디플로이먼트를 하나 더 만든 다음, 쿼터로 네임스페이스의 한도를 정해 봅니다.',
  },
  steps: [
    {
      id: 'list-namespaces',
      text: {
        en: 'A namespace is a folder for names. Pods, Deployments and Services each belong to exactly one; nodes and namespaces themselves belong to none. Run `kubectl get namespaces` to see what a new cluster starts with.',
        ko: '네임스페이스는 이름을 담는 폴더라고 생각하면 됩니다. 파드, 디플로이먼트, 서비스는 저마다 네임스페이스 하나에 속하고, 노드나 네임스페이스 자신은 어디에도 속하지 않습니다. `kubectl get namespaces`를 실행해서 새 클러스터에 처음부터 있는 네임스페이스를 확인해 보세요.',
      },
      want: { en: 'The namespaces listed', ko: '네임스페이스 목록 확인' },
      goal: (view) => kubectlRead(view, { kinds: ['namespaces'], verbs: ['list'] }),
      hints: [
        {
          en: '`kubectl get ns` is the short form.',
          ko: '줄여서 `kubectl get ns`라고 써도 됩니다.',
        },
      ],
      solution: ['kubectl get namespaces'],
    },
    {
      id: 'kube-system',
      predict: {
        question: {
          en: 'The API server, etcd and the scheduler make up the control plane. What does `kubectl get pods -n kube-system` show?',
          ko: 'API 서버, etcd, 스케줄러가 컨트롤 플레인을 이룹니다. `kubectl get pods -n kube-system`을 실행하면 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'nothing',
            text: {
              en: 'Nothing: the control plane is not made of pods',
              ko: '아무것도 없다: 컨트롤 플레인은 파드가 아니다',
            },
          },
          {
            id: 'pods',
            text: {
              en: 'Pods for etcd, kube-apiserver, kube-scheduler and more',
              ko: 'etcd, kube-apiserver, kube-scheduler 등의 파드',
            },
          },
          {
            id: 'forbidden',
            text: {
              en: 'An error: kube-system is off limits',
              ko: '오류: kube-system은 볼 수 없다',
            },
          },
        ],
        answer: 'pods',
        explanation: {
          en: 'kubeadm runs the control plane as static pods: the kubelet on m-k8s starts them from files in /etc/kubernetes/manifests, and the API server lists a mirror of each. kube-proxy runs as a DaemonSet pod on every node and CoreDNS as a Deployment, all in kube-system.',
          ko: 'kubeadm은 컨트롤 플레인을 스태틱 파드로 실행합니다. m-k8s의 kubelet이 /etc/kubernetes/manifests에 있는 파일을 보고 직접 띄우고, API 서버에는 그 미러 파드가 보입니다. 모든 노드의 kube-proxy는 데몬셋 파드로, CoreDNS는 디플로이먼트로 실행되며, 모두 kube-system에 있습니다.',
        },
      },
      text: {
        en: 'Four are there: default, where your objects go unless you say otherwise; kube-system, for the cluster’s own components; kube-node-lease, for the nodes’ heartbeats; and kube-public, readable by anyone. Look into kube-system: `kubectl get pods -n kube-system -o wide`. The `-n` (`--namespace`) flag points kubectl at another namespace; without it kubectl uses the namespace of its current context, which is default.',
        ko: '네 개가 보입니다. 따로 지정하지 않으면 오브젝트가 들어가는 default, 클러스터를 이루는 구성 요소가 쓰는 kube-system, 노드의 하트비트를 담는 kube-node-lease, 누구나 읽을 수 있는 kube-public입니다. kube-system 안을 들여다봅시다. `kubectl get pods -n kube-system -o wide`를 실행하세요. `-n`(`--namespace`) 플래그는 kubectl이 볼 네임스페이스를 바꿉니다. 플래그가 없으면 kubectl은 현재 컨텍스트에 설정된 네임스페이스, 곧 default를 봅니다.',
      },
      want: { en: 'The pods of kube-system listed', ko: 'kube-system의 파드 목록 확인' },
      goal: (view) =>
        kubectlRead(view, { kinds: ['pods'], verbs: ['list'], namespace: 'kube-system' }),
      hints: [
        {
          en: '`-n kube-system` may go before or after `get pods`.',
          ko: '`-n kube-system`은 `get pods` 앞에 써도 되고 뒤에 써도 됩니다.',
        },
      ],
      solution: ['kubectl get pods -n kube-system -o wide'],
    },
    {
      id: 'create-namespace',
      text: {
        en: 'Namespaces are cheap: make one for a team with `kubectl create namespace team-a`.',
        ko: '네임스페이스는 부담 없이 만들 수 있습니다. `kubectl create namespace team-a`로 팀이 쓸 네임스페이스를 하나 만들어 보세요.',
      },
      want: { en: 'Namespace team-a Active', ko: 'team-a 네임스페이스 Active' },
      goal: (view) => view.namespace(TEAM)?.status?.phase === 'Active',
      hints: [
        {
          en: 'Name it exactly team-a: the next steps use that name.',
          ko: '이름은 정확히 team-a로 하세요. 다음 단계들이 이 이름을 씁니다.',
        },
        {
          en: '`kubectl get namespaces` shows it with STATUS Active.',
          ko: '`kubectl get namespaces`를 실행하면 STATUS가 Active로 보입니다.',
        },
      ],
      solution: [`kubectl create namespace ${TEAM}`],
    },
    {
      id: 'look-inside',
      predict: {
        question: {
          en: 'Nobody has put anything in team-a yet. What will `kubectl get serviceaccounts -n team-a` list?',
          ko: 'team-a에는 아직 아무것도 넣지 않았습니다. `kubectl get serviceaccounts -n team-a`를 실행하면 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'nothing',
            text: {
              en: 'Nothing: No resources found',
              ko: '아무것도 없다 (No resources found)',
            },
          },
          {
            id: 'default',
            text: {
              en: 'One ServiceAccount, named default',
              ko: 'default라는 서비스 어카운트 하나',
            },
          },
          {
            id: 'error',
            text: {
              en: 'An error: the namespace is still being set up',
              ko: '오류: 네임스페이스를 아직 준비하는 중',
            },
          },
        ],
        answer: 'default',
        explanation: {
          en: 'The ServiceAccount controller in kube-controller-manager watches namespaces and makes sure each one holds a ServiceAccount named default, creating it when it is missing. Every pod that names no service account runs as that one.',
          ko: 'kube-controller-manager 안의 서비스 어카운트 컨트롤러가 네임스페이스를 지켜보다가, 네임스페이스마다 default라는 서비스 어카운트가 있는지 확인하고 없으면 만들어 둡니다. 서비스 어카운트를 따로 지정하지 않은 파드는 모두 이 계정으로 실행됩니다.',
        },
      },
      text: {
        en: 'Look inside the new namespace: `kubectl get serviceaccounts -n team-a`.',
        ko: '새 네임스페이스 안을 들여다봅시다. `kubectl get serviceaccounts -n team-a`를 실행하세요.',
      },
      want: {
        en: 'The ServiceAccount default of team-a, read with -n team-a',
        ko: '-n team-a로 확인한 team-a의 default 서비스 어카운트',
      },
      goal: (view) => {
        const stored = firstStored(view, 'ServiceAccount', 'default', TEAM);
        return (
          stored !== undefined &&
          view.serviceAccounts(TEAM).some((sa) => sa.metadata.name === 'default') &&
          kubectlRead(view, { kinds: ['serviceaccounts'], namespace: TEAM, after: stored })
        );
      },
      hints: [
        {
          en: '`kubectl get sa -n team-a` is the short form.',
          ko: '줄여서 `kubectl get sa -n team-a`라고 써도 됩니다.',
        },
        {
          en: 'Without `-n team-a` you see the default namespace’s own ServiceAccount, not team-a’s.',
          ko: '`-n team-a`를 빼면 team-a가 아니라 default 네임스페이스의 서비스 어카운트가 보입니다.',
        },
      ],
      solution: [`kubectl get serviceaccounts -n ${TEAM}`],
    },
    {
      id: 'deploy-in-namespace',
      predict: {
        question: {
          en: 'You create a Deployment with `-n team-a`, then run `kubectl get pods` without `-n`. What does it show?',
          ko: '`-n team-a`를 붙여 디플로이먼트를 만든 뒤, `-n` 없이 `kubectl get pods`를 실행하면 무엇이 보일까요?',
        },
        choices: [
          {
            id: 'pods',
            text: { en: 'The two web pods', ko: 'web 파드 두 개' },
          },
          {
            id: 'none',
            text: {
              en: 'No resources found in default namespace.',
              ko: '아무것도 없다 (No resources found in default namespace.)',
            },
          },
          {
            id: 'error',
            text: {
              en: 'An error asking which namespace',
              ko: '네임스페이스를 지정하라는 오류',
            },
          },
        ],
        answer: 'none',
        explanation: {
          en: 'kubectl asks the API server for the pods of one namespace, default unless told otherwise, and the web pods live in team-a. `kubectl get pods -n team-a` finds them, and `-A` lists every namespace.',
          ko: 'kubectl은 API 서버에 한 네임스페이스의 파드만 요청하고, 따로 말하지 않으면 그 네임스페이스는 default입니다. web 파드는 team-a에 있으니 `kubectl get pods -n team-a`로 찾아야 하고, `-A`를 쓰면 모든 네임스페이스를 한꺼번에 볼 수 있습니다.',
        },
      },
      text: {
        en: 'Run a Deployment in the new namespace: `kubectl create deployment web --image=nginx --replicas=2 -n team-a`. Its ReplicaSet and pods land in team-a too: a controller creates the objects it owns in its own namespace.',
        ko: '새 네임스페이스에서 디플로이먼트를 실행해 봅시다. `kubectl create deployment web --image=nginx --replicas=2 -n team-a`를 실행하세요. 레플리카셋과 파드도 team-a에 생깁니다. 컨트롤러는 자기가 관리하는 오브젝트를 언제나 자기와 같은 네임스페이스에 만들기 때문입니다.',
      },
      want: {
        en: 'Deployment web in team-a: 2 pods Running',
        ko: 'team-a의 web 디플로이먼트: 파드 2개 Running',
      },
      goal: teamWebRuns,
      hints: [
        {
          en: '`-n team-a` may go anywhere on the line; without it the Deployment goes to default.',
          ko: '`-n team-a`는 명령 어디에 붙여도 됩니다. 빼먹으면 디플로이먼트가 default에 만들어집니다.',
        },
        {
          en: 'Created it in default by mistake? Leave it: run the command again with `-n team-a`.',
          ko: '실수로 default에 만들었다면 그대로 두고 `-n team-a`를 붙여 다시 실행하세요.',
        },
      ],
      solution: [`kubectl create deployment web --image=nginx --replicas=2 -n ${TEAM}`],
    },
    {
      id: 'read-namespace-pods',
      text: {
        en: 'Now find them: `kubectl get pods -n team-a`. The names look like any Deployment’s pods, web-<template hash>-<random suffix>; the namespace is what sets them apart.',
        ko: '이제 파드를 찾아봅시다. `kubectl get pods -n team-a`를 실행하세요. 이름은 여느 디플로이먼트의 파드처럼 web-<템플릿 해시>-<임의 문자열> 꼴이고, 이들을 구별해 주는 것은 네임스페이스입니다.',
      },
      want: { en: 'The pods of team-a listed', ko: 'team-a의 파드 목록 확인' },
      goal: (view) => {
        const created = lastPodCreated(view, { namespace: TEAM });
        return (
          teamWebRuns(view) &&
          created !== undefined &&
          kubectlReads(view, { kinds: ['pods'], verbs: ['list'], after: created }).some(
            // -n team-a, or -A (a list of every namespace names none)
            (hop) => hop.object.namespace === TEAM || hop.object.namespace === undefined,
          )
        );
      },
      hints: [
        {
          en: '`--namespace=team-a` is the long form of `-n team-a`.',
          ko: '`-n team-a`를 길게 쓰면 `--namespace=team-a`입니다.',
        },
      ],
      solution: [`kubectl get pods -n ${TEAM}`],
    },
    {
      id: 'same-name',
      predict: {
        question: {
          en: 'team-a already has a Deployment named web. What does `kubectl create deployment web --image=nginx` (no `-n`) do?',
          ko: 'team-a에는 이미 web이라는 디플로이먼트가 있습니다. `-n` 없이 `kubectl create deployment web --image=nginx`를 실행하면 어떻게 될까요?',
        },
        choices: [
          {
            id: 'created',
            text: {
              en: 'It creates a second web, in default',
              ko: 'default에 web이 하나 더 만들어진다',
            },
          },
          {
            id: 'exists',
            text: {
              en: 'It fails: Error from server (AlreadyExists)',
              ko: '실패한다: Error from server (AlreadyExists)',
            },
          },
          {
            id: 'moved',
            text: {
              en: 'The web of team-a moves to default',
              ko: 'team-a의 web이 default로 옮겨진다',
            },
          },
        ],
        answer: 'created',
        explanation: {
          en: 'An object’s full name includes its namespace: team-a/web and default/web are two keys in etcd, /registry/deployments/team-a/web and /registry/deployments/default/web, so two Deployments, each with its own ReplicaSet and pods.',
          ko: '오브젝트의 온전한 이름에는 네임스페이스가 들어갑니다. team-a/web과 default/web은 etcd에서 /registry/deployments/team-a/web, /registry/deployments/default/web이라는 서로 다른 키이고, 각자 레플리카셋과 파드를 거느린 별개의 디플로이먼트입니다.',
        },
      },
      text: {
        en: 'Create a Deployment of the same name in default: `kubectl create deployment web --image=nginx`. This is how teams share a cluster without agreeing on names, and how one set of manifests runs as dev and prod side by side.',
        ko: '같은 이름의 디플로이먼트를 default에 만들어 보세요. `kubectl create deployment web --image=nginx`를 실행하면 됩니다. 여러 팀이 이름을 미리 맞추지 않고도 클러스터 하나를 나눠 쓰고, 같은 매니페스트를 dev와 prod 네임스페이스에 나란히 띄울 수 있는 것도 이 덕분입니다.',
      },
      want: {
        en: 'web in default (1 pod) beside web in team-a (2 pods)',
        ko: 'default의 web(파드 1개)과 team-a의 web(파드 2개)',
      },
      goal: (view) =>
        view.deployment('web')?.spec.replicas === 1 &&
        readyApp(view, 'web', 1) &&
        teamWebRuns(view),
      hints: [
        {
          en: 'Leave out `-n`: this one goes to default.',
          ko: '이번에는 `-n`을 빼세요. default에 만들어야 합니다.',
        },
        {
          en: '`kubectl get deployments -A` shows both, with a NAMESPACE column.',
          ko: '`kubectl get deployments -A`를 실행하면 NAMESPACE 열과 함께 둘 다 보입니다.',
        },
      ],
      solution: ['kubectl create deployment web --image=nginx'],
    },
    {
      id: 'quota',
      predict: {
        question: {
          en: 'team-a runs two web pods and gets a quota of two pods. You scale web in team-a to 3. How many web pods will run there?',
          ko: 'team-a에는 web 파드가 두 개 있고, 여기에 파드 두 개까지라는 쿼터를 겁니다. team-a의 web을 3개로 늘리면 몇 개가 실행될까요?',
        },
        choices: [
          { id: '3', text: { en: '3', ko: '3' } },
          {
            id: '2',
            text: {
              en: '2, and a FailedCreate event for the third',
              ko: '2개, 그리고 세 번째 파드에 대한 FailedCreate 이벤트',
            },
          },
          {
            id: 'refused',
            text: {
              en: '2: kubectl scale itself is refused',
              ko: '2개: kubectl scale 명령 자체가 거부된다',
            },
          },
        ],
        answer: '2',
        explanation: {
          en: 'The scale itself is accepted: it only changes the Deployment’s desired state. The ResourceQuota admission plugin in the API server then counts the namespace’s pods on every create and refuses the third with Forbidden: exceeded quota. The ReplicaSet controller records a FailedCreate event and keeps retrying, so the third pod appears as soon as the quota allows it.',
          ko: 'scale 자체는 받아들여집니다. 디플로이먼트의 원하는 상태만 바꾸기 때문입니다. 그다음 API 서버의 ResourceQuota 어드미션 플러그인이 파드를 만들 때마다 네임스페이스의 파드 수를 세다가, 세 번째 파드를 exceeded quota라는 Forbidden 오류로 거부합니다. 레플리카셋 컨트롤러는 FailedCreate 이벤트를 남기고 계속 다시 시도하므로, 쿼터가 허락하는 순간 세 번째 파드가 생깁니다.',
        },
      },
      text: {
        en: 'Sharing a cluster needs limits too. Cap team-a at the two pods it runs, `kubectl create quota team-a-quota --hard=pods=2 -n team-a`, then ask for more: `kubectl scale deployment web --replicas=3 -n team-a`. `kubectl get quota -n team-a` shows used against hard, and `kubectl get events -n team-a` shows who was refused.',
        ko: '클러스터를 나눠 쓰려면 한도도 필요합니다. `kubectl create quota team-a-quota --hard=pods=2 -n team-a`로 team-a를 지금 있는 파드 두 개로 묶어 두고, `kubectl scale deployment web --replicas=3 -n team-a`로 그보다 많이 요청해 보세요. `kubectl get quota -n team-a`에서 사용량과 한도를, `kubectl get events -n team-a`에서 누가 거부됐는지 볼 수 있습니다.',
      },
      want: {
        en: 'team-a: quota of 2 pods; web wants 3, 2 Running, the third refused',
        ko: 'team-a: 파드 2개 쿼터, web은 3개를 원하지만 2개만 Running, 세 번째는 거부됨',
      },
      goal: (view) =>
        view.resourceQuotas(TEAM).some((quota) => quota.spec.hard?.['pods'] === '2') &&
        (view.deployment('web', TEAM)?.spec.replicas ?? 0) > 2 &&
        readyApp(view, 'web', 2, TEAM) &&
        view
          .events(TEAM)
          .some(
            (event) => event.reason === 'FailedCreate' && event.message?.includes('exceeded quota'),
          ),
      hints: [
        {
          en: 'Both commands need `-n team-a`: quotas, like pods, belong to one namespace.',
          ko: '두 명령 모두 `-n team-a`가 필요합니다. 쿼터도 파드처럼 한 네임스페이스에 속합니다.',
        },
      ],
      solution: [
        `kubectl create quota team-a-quota --hard=pods=2 -n ${TEAM}`,
        `kubectl scale deployment web --replicas=3 -n ${TEAM}`,
      ],
    },
  ],
  outro: {
    en: 'On a real cluster: `kubectl create namespace team-a`, `kubectl get pods -n team-a`, and `kubectl get pods -A` for every namespace. `kubectl config set-context --current --namespace=team-a` makes team-a your default so you can drop `-n`, and `kubectl describe quota -n team-a` shows what a team has used. `kubectl delete namespace team-a` removes everything inside it: the namespace controller empties it before the namespace itself goes.',
    ko: '실제 클러스터에서는 `kubectl create namespace team-a`로 만들고 `kubectl get pods -n team-a`로 안을 봅니다. 모든 네임스페이스를 한 번에 보려면 `kubectl get pods -A`를 쓰세요. `kubectl config set-context --current --namespace=team-a`로 기본 네임스페이스를 바꾸면 `-n`을 매번 붙이지 않아도 되고, `kubectl describe quota -n team-a`로 팀이 쓴 양을 확인할 수 있습니다. `kubectl delete namespace team-a`는 안에 든 것을 모두 지웁니다. 네임스페이스 컨트롤러가 안을 다 비운 뒤에야 네임스페이스 자체가 사라집니다.',
  },
};
