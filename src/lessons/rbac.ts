import type { RoleBinding } from '../engine';
import type { ClusterView } from './cluster-view';
import type { Lesson } from './types';

const SA = 'dev';
const AS_DEV = `--as=system:serviceaccount:default:${SA}`;
const READ_VERBS = new Set(['get', 'list', 'watch']);

/** bindsDev: a binding whose subjects include the ServiceAccount default/dev. */
const bindsDev = (binding: RoleBinding) =>
  (binding.subjects ?? []).some(
    (subject) =>
      subject.kind === 'ServiceAccount' &&
      subject.name === SA &&
      (subject.namespace ?? 'default') === 'default',
  );

/** devBoundTo: a RoleBinding in default gives dev the Role or ClusterRole `name`. */
const devBoundTo = (view: ClusterView, kind: 'Role' | 'ClusterRole', name: string) =>
  view
    .roleBindings()
    .some(
      (binding) =>
        binding.roleRef.kind === kind && binding.roleRef.name === name && bindsDev(binding),
    );

/**
 * podReaderReadsPods: Role pod-reader lets one get and list pods (watch too, if wanted) and does
 * nothing else: no writes, no wildcard, no other resource.
 */
function podReaderReadsPods(view: ClusterView): boolean {
  const role = view.roles().find((r) => r.metadata.name === 'pod-reader');
  const rules = role?.rules ?? [];
  if (rules.length === 0) return false;
  const onlyPods = rules.every(
    (rule) =>
      (rule.apiGroups ?? []).every((group) => group === '') &&
      (rule.resources ?? []).length > 0 &&
      (rule.resources ?? []).every((resource) => resource === 'pods') &&
      (rule.resourceNames ?? []).length === 0 &&
      (rule.verbs ?? []).every((verb) => READ_VERBS.has(verb)),
  );
  const verbs = new Set(rules.flatMap((rule) => rule.verbs ?? []));
  return onlyPods && verbs.has('get') && verbs.has('list');
}

/** askedWhoAmI: kubectl sent a SelfSubjectReview, as `kubectl auth whoami` does. */
const askedWhoAmI = (view: ClusterView) =>
  view
    .hops()
    .some(
      (hop) =>
        hop.from === 'kubectl' &&
        hop.channel === 'request' &&
        hop.verb === 'create' &&
        hop.object.kind === 'selfsubjectreviews',
    );

/**
 * rbac: who you are, why a new ServiceAccount may do nothing, and how Roles, ClusterRoles and
 * their bindings add permissions one namespace at a time.
 */
export const rbac: Lesson = {
  id: 'rbac',
  preset: 'kubeadm',
  title: {
    en: 'RBAC: who may do what',
    ko: 'RBAC: 누가 무엇을 할 수 있나',
  },
  summary: {
    en: 'Every request to the API server says who is asking, and RBAC decides whether they may. See who you are, create a ServiceAccount that may do nothing, then grant it exactly what it needs with a Role, a RoleBinding and a built-in ClusterRole.',
    ko: 'API 서버로 가는 요청에는 모두 요청한 사람이 담겨 있고, RBAC가 그 요청을 허락할지 정합니다. 먼저 내가 누구인지 확인하고, 아무 권한도 없는 서비스 어카운트를 만든 다음, Role과 RoleBinding, 기본 제공 ClusterRole로 꼭 필요한 권한만 줘 봅니다.',
  },
  steps: [
    {
      id: 'whoami',
      text: {
        en: 'The API server checks each request twice: authentication (who are you?) and authorization (may you do this?). Ask it who you are: `kubectl auth whoami`.',
        ko: 'API 서버는 요청마다 두 가지를 확인합니다. 누구인지 확인하는 인증(authentication)과, 그 일을 해도 되는지 따지는 인가(authorization)입니다. `kubectl auth whoami`로 API 서버가 나를 누구로 보는지 물어보세요.',
      },
      want: { en: 'Your user name read', ko: '내 사용자 이름 확인' },
      goal: askedWhoAmI,
      hints: [
        {
          en: 'It is two words after kubectl: `auth whoami`.',
          ko: 'kubectl 뒤에 `auth whoami` 두 단어를 붙이면 됩니다.',
        },
      ],
      solution: ['kubectl auth whoami'],
    },
    {
      id: 'service-account',
      predict: {
        question: {
          en: 'dev is a brand-new ServiceAccount that nobody has granted anything. What does `kubectl get pods --as=system:serviceaccount:default:dev` print?',
          ko: 'dev는 아무 권한도 받지 못한 새 서비스 어카운트입니다. `kubectl get pods --as=system:serviceaccount:default:dev`를 실행하면 무엇이 나올까요?',
        },
        choices: [
          {
            id: 'empty',
            text: {
              en: 'No resources found in default namespace.',
              ko: '아무것도 없다 (No resources found in default namespace.)',
            },
          },
          {
            id: 'forbidden',
            text: {
              en: 'Error from server (Forbidden)',
              ko: 'Error from server (Forbidden) 오류',
            },
          },
          {
            id: 'pods',
            text: { en: 'The same pods you see', ko: '내가 보는 것과 같은 파드 목록' },
          },
        ],
        answer: 'forbidden',
        explanation: {
          en: 'RBAC starts from no: a request is allowed only if some binding grants it, and nothing grants dev anything yet. The error names the user, the verb, the resource and the namespace, which is exactly what you would have to grant.',
          ko: 'RBAC는 기본이 거부입니다. 어떤 바인딩이 허락해 줘야만 요청이 통과하는데, dev에게는 아직 아무것도 허락되지 않았습니다. 오류 메시지에 사용자, 동사(verb), 리소스, 네임스페이스가 모두 나오므로, 무엇을 허락해야 하는지 그대로 읽을 수 있습니다.',
        },
      },
      text: {
        en: 'You are kubernetes-admin, in the group kubeadm:cluster-admins, which a ClusterRoleBinding ties to the ClusterRole cluster-admin: you may do anything. Apps in pods call the API server as a ServiceAccount instead. Create one with `kubectl create serviceaccount dev`, then act as it: `kubectl get pods --as=system:serviceaccount:default:dev`. `--as` asks the API server to impersonate someone, which only an admin may do.',
        ko: '지금 나는 kubeadm:cluster-admins 그룹에 속한 kubernetes-admin이고, 이 그룹은 ClusterRoleBinding으로 cluster-admin ClusterRole에 묶여 있어서 무엇이든 할 수 있습니다. 반면 파드 안의 앱은 서비스 어카운트로 API 서버를 부릅니다. `kubectl create serviceaccount dev`로 하나 만들고, `kubectl get pods --as=system:serviceaccount:default:dev`로 그 계정을 가장해 요청해 보세요. `--as`는 API 서버에 다른 사용자로 가장(impersonate)해 달라고 하는 옵션이라 관리자만 쓸 수 있습니다.',
      },
      want: { en: 'ServiceAccount dev in default', ko: 'default의 dev 서비스 어카운트' },
      goal: (view) => view.serviceAccounts().some((sa) => sa.metadata.name === SA),
      hints: [
        {
          en: '`kubectl create sa dev` is the short form.',
          ko: '줄여서 `kubectl create sa dev`라고 써도 됩니다.',
        },
        {
          en: 'A ServiceAccount’s user name is system:serviceaccount:<namespace>:<name>.',
          ko: '서비스 어카운트의 사용자 이름은 system:serviceaccount:<네임스페이스>:<이름> 꼴입니다.',
        },
      ],
      solution: [`kubectl create serviceaccount ${SA}`],
    },
    {
      id: 'role',
      text: {
        en: 'A Role is a list of what may be done in one namespace: verbs on resources. It grants nothing until it is bound to someone. Write one that may only read pods: `kubectl create role pod-reader --verb=get,list,watch --resource=pods`.',
        ko: 'Role은 한 네임스페이스 안에서 할 수 있는 일, 곧 어떤 리소스에 어떤 동사를 쓸 수 있는지를 적은 목록입니다. 누군가에게 묶기 전에는 아무 권한도 주지 않습니다. 파드를 읽기만 하는 Role을 만들어 보세요. `kubectl create role pod-reader --verb=get,list,watch --resource=pods`',
      },
      want: {
        en: 'Role pod-reader: get, list and watch pods, nothing more',
        ko: 'pod-reader Role: 파드 get, list, watch만 허용',
      },
      goal: podReaderReadsPods,
      hints: [
        {
          en: '`kubectl get pods` sends list; `kubectl get pod NAME` sends get; `-w` sends watch.',
          ko: '`kubectl get pods`는 list를, `kubectl get pod 이름`은 get을, `-w`는 watch를 보냅니다.',
        },
        {
          en: 'Gave it too much? `kubectl delete role pod-reader` and create it again.',
          ko: '권한을 너무 많이 넣었다면 `kubectl delete role pod-reader`로 지우고 다시 만드세요.',
        },
      ],
      solution: ['kubectl create role pod-reader --verb=get,list,watch --resource=pods'],
    },
    {
      id: 'bind',
      predict: {
        question: {
          en: 'Once pod-reader is bound to dev, what does `kubectl auth can-i delete pods --as=system:serviceaccount:default:dev` answer?',
          ko: 'pod-reader를 dev에 묶고 나면 `kubectl auth can-i delete pods --as=system:serviceaccount:default:dev`는 뭐라고 답할까요?',
        },
        choices: [
          { id: 'yes', text: { en: 'yes', ko: 'yes (허용)' } },
          { id: 'no', text: { en: 'no', ko: 'no (거부)' } },
          {
            id: 'error',
            text: { en: 'An error: can-i needs a pod name', ko: '오류: 파드 이름이 필요하다' },
          },
        ],
        answer: 'no',
        explanation: {
          en: 'pod-reader lists get, list and watch; delete is not among them, and permissions only ever add up, so nothing else grants it. There is no controller to wait for: the authorizer reads Roles and bindings on every request, so a binding counts the moment it is stored.',
          ko: 'pod-reader에는 get, list, watch만 있고 delete는 없습니다. 권한은 더해지기만 하므로 다른 곳에서 허락하지 않는 한 거부됩니다. 기다릴 컨트롤러도 없습니다. 인가 모듈이 요청마다 Role과 바인딩을 읽기 때문에, 바인딩은 저장되는 순간부터 효력이 있습니다.',
        },
      },
      text: {
        en: 'A RoleBinding gives a Role to subjects: users, groups or ServiceAccounts. Bind pod-reader to dev: `kubectl create rolebinding dev-reads-pods --role=pod-reader --serviceaccount=default:dev`. Then try `kubectl get pods --as=system:serviceaccount:default:dev` again, and ask `kubectl auth can-i delete pods --as=system:serviceaccount:default:dev`.',
        ko: 'RoleBinding은 Role을 사용자, 그룹, 서비스 어카운트 같은 주체(subject)에게 줍니다. `kubectl create rolebinding dev-reads-pods --role=pod-reader --serviceaccount=default:dev`로 pod-reader를 dev에 묶으세요. 그런 다음 `kubectl get pods --as=system:serviceaccount:default:dev`를 다시 실행하고, `kubectl auth can-i delete pods --as=system:serviceaccount:default:dev`로 삭제도 되는지 물어보세요.',
      },
      want: {
        en: 'RoleBinding: pod-reader for ServiceAccount dev',
        ko: 'RoleBinding: dev 서비스 어카운트에 pod-reader 부여',
      },
      goal: (view) => podReaderReadsPods(view) && devBoundTo(view, 'Role', 'pod-reader'),
      hints: [
        {
          en: '`--serviceaccount` takes namespace:name, here default:dev.',
          ko: '`--serviceaccount`에는 네임스페이스:이름, 여기서는 default:dev를 넣습니다.',
        },
        {
          en: '`kubectl describe rolebinding dev-reads-pods` shows the Role and the subjects.',
          ko: '`kubectl describe rolebinding dev-reads-pods`로 묶인 Role과 주체를 확인할 수 있습니다.',
        },
      ],
      solution: [
        `kubectl create rolebinding dev-reads-pods --role=pod-reader --serviceaccount=default:${SA}`,
      ],
    },
    {
      id: 'cluster-role',
      predict: {
        question: {
          en: 'dev gets the built-in ClusterRole view through a RoleBinding in default. May dev list pods in kube-system?',
          ko: 'default 네임스페이스의 RoleBinding으로 dev에게 기본 제공 ClusterRole인 view를 줍니다. dev가 kube-system의 파드 목록을 볼 수 있을까요?',
        },
        choices: [
          {
            id: 'yes',
            text: {
              en: 'Yes: a ClusterRole covers the whole cluster',
              ko: '볼 수 있다: ClusterRole은 클러스터 전체에 적용된다',
            },
          },
          {
            id: 'no',
            text: {
              en: 'No: the RoleBinding grants it in default only',
              ko: '볼 수 없다: RoleBinding은 default에서만 권한을 준다',
            },
          },
        ],
        answer: 'no',
        explanation: {
          en: 'A ClusterRole is only a reusable list of rules; the binding decides where it applies. A RoleBinding grants it in its own namespace, a ClusterRoleBinding in every namespace.',
          ko: 'ClusterRole은 여러 곳에서 다시 쓸 수 있는 규칙 목록일 뿐이고, 어디에 적용할지는 바인딩이 정합니다. RoleBinding은 자기 네임스페이스 안에서만, ClusterRoleBinding은 모든 네임스페이스에서 권한을 줍니다.',
        },
      },
      text: {
        en: 'Writing a Role for every app gets old, so Kubernetes ships ClusterRoles such as view, edit and admin. Give dev read access to most things in default: `kubectl create rolebinding dev-view --clusterrole=view --serviceaccount=default:dev`. Now `kubectl auth can-i list deployments --as=system:serviceaccount:default:dev` says yes; add `-n kube-system` and it says no. view leaves out Secrets on purpose.',
        ko: '앱마다 Role을 새로 쓰기는 번거로우니, 쿠버네티스는 view, edit, admin 같은 ClusterRole을 기본으로 제공합니다. `kubectl create rolebinding dev-view --clusterrole=view --serviceaccount=default:dev`로 dev가 default의 대부분을 읽을 수 있게 하세요. 이제 `kubectl auth can-i list deployments --as=system:serviceaccount:default:dev`는 yes라고 답하지만, `-n kube-system`을 붙이면 no라고 답합니다. view는 일부러 시크릿을 빼 두었습니다.',
      },
      want: {
        en: 'ClusterRole view for dev, in default only',
        ko: 'dev에게 ClusterRole view 부여, default 안에서만',
      },
      goal: (view) =>
        devBoundTo(view, 'ClusterRole', 'view') && !view.clusterRoleBindings().some(bindsDev),
      hints: [
        {
          en: 'It is still `create rolebinding`, with `--clusterrole=view` instead of `--role`.',
          ko: '여전히 `create rolebinding`을 쓰고, `--role` 대신 `--clusterrole=view`를 넣습니다.',
        },
        {
          en: 'A ClusterRoleBinding would open every namespace to dev: delete it with `kubectl delete clusterrolebinding NAME`.',
          ko: 'ClusterRoleBinding을 만들면 dev가 모든 네임스페이스를 보게 됩니다. 만들었다면 `kubectl delete clusterrolebinding 이름`으로 지우세요.',
        },
      ],
      solution: [
        `kubectl create rolebinding dev-view --clusterrole=view --serviceaccount=default:${SA}`,
      ],
    },
  ],
  outro: {
    en: `On a real cluster: \`kubectl auth whoami\`, \`kubectl create serviceaccount dev\`, \`kubectl create role\` and \`kubectl create rolebinding\` as here, and \`kubectl auth can-i --list ${AS_DEV}\` to see everything dev may do. Set \`serviceAccountName: dev\` in a pod spec and the app inside calls the API server with dev’s token, mounted at /var/run/secrets/kubernetes.io/serviceaccount.`,
    ko: `실제 클러스터에서도 \`kubectl auth whoami\`, \`kubectl create serviceaccount dev\`, 그리고 여기서처럼 \`kubectl create role\`과 \`kubectl create rolebinding\`을 씁니다. \`kubectl auth can-i --list ${AS_DEV}\`를 실행하면 dev가 할 수 있는 일이 모두 나옵니다. 파드 스펙에 \`serviceAccountName: dev\`를 넣으면 그 안의 앱은 /var/run/secrets/kubernetes.io/serviceaccount에 마운트된 dev의 토큰으로 API 서버를 부릅니다.`,
  },
};
