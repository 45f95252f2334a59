import { addTranslations } from '../../i18n';

/** The graph's own strings: the kube-system toggle and summary, and the network's boxes. */
addTranslations('graph', {
  en: {
    showSystemPods: 'Show kube-system pods',
    systemPods_one: 'kube-system: {{count}} pod',
    systemPods_other: 'kube-system: {{count}} pods',
    systemPodsTitle: 'Pods the cluster runs for itself: {{names}}',
    client: 'client (outside the cluster)',
    coredns: 'CoreDNS',
  },
  ko: {
    showSystemPods: 'kube-system 파드 보기',
    systemPods_one: 'kube-system: 파드 {{count}}개',
    systemPods_other: 'kube-system: 파드 {{count}}개',
    systemPodsTitle: '클러스터가 스스로 돌리는 파드: {{names}}',
    client: '클라이언트(클러스터 밖)',
    coredns: 'CoreDNS',
  },
});
