import type { CommonResources } from './en';

/** Korean strings of the 'common' namespace, in the words Korean engineers use. */
const ko: CommonResources = {
  appTitle: 'Kubeloop',
  tagline: '쿠버네티스 클러스터가 움직이는 과정을 한 단계씩 살펴보세요',
  language: '언어',
  regions: {
    graph: '클러스터 그래프',
    lessons: '레슨',
    hop: '현재 단계',
    textView: '클러스터 노드와 파드',
  },
  playback: {
    toolbar: '재생 제어',
    play: '재생',
    pause: '일시정지',
    step: '한 단계',
    stepToQuiet: '안정될 때까지',
    speed: '속도',
    clock: '시뮬레이션 시간',
    keys: 'Space: 재생/일시정지 · →: 한 단계 · ←: 한 단계 뒤로',
  },
  hop: {
    none: '아직 아무 일도 일어나지 않았습니다. 매니페스트를 적용한 뒤 한 단계 버튼으로 하나씩 따라가 보세요.',
    from: '보낸 쪽',
    to: '받는 쪽',
    verb: '동작',
    object: '오브젝트',
    at: '시각',
    seq: '{{seq}}번째 단계',
    packet: '단계: {{from}} → {{to}} {{label}}',
    picked: '고른 단계를 보여 주는 중입니다. 재생은 멈췄습니다.',
    latest: '최신 단계로 돌아가기',
    channel: {
      request: 'API 요청',
      storage: 'etcd 저장',
      watch: '워치 이벤트',
      cri: 'CRI 호출',
      traffic: '네트워크 패킷',
    },
  },
  graph: {
    controlPlane: '컨트롤 플레인',
    unscheduled: '스케줄되지 않은 파드',
    noPods: '파드 없음',
    node: '노드 {{name}}',
    podCount_one: '파드 {{count}}개',
    podCount_other: '파드 {{count}}개',
    morePods: '외 {{count}}개',
    components: {
      kubectl: 'kubectl',
      'kube-apiserver': 'kube-apiserver',
      etcd: 'etcd',
      'kube-controller-manager': 'kube-controller-manager',
      'kube-scheduler': 'kube-scheduler',
      kubelet: 'kubelet',
      containerd: 'containerd',
    },
  },
  loading: '불러오는 중…',
};

export default ko;
