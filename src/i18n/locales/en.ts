/** English strings of the 'common' namespace. */
const en = {
  appTitle: 'Kubeloop',
  tagline: 'Watch a Kubernetes cluster think, one hop at a time',
  language: 'Language',
  regions: {
    graph: 'Cluster graph',
    lessons: 'Lessons',
    hop: 'Current hop',
    textView: 'Cluster nodes and pods',
  },
  playback: {
    toolbar: 'Playback',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    stepToQuiet: 'Step to quiet',
    speed: 'Speed',
    clock: 'Simulated time',
    keys: 'Space: play/pause · →: step · ←: one hop back',
  },
  hop: {
    none: 'Nothing has happened yet. Apply a manifest, then press Step to follow it hop by hop.',
    from: 'From',
    to: 'To',
    verb: 'Verb',
    object: 'Object',
    at: 'At',
    seq: 'Hop #{{seq}}',
    packet: 'Hop: {{from}} → {{to}} {{label}}',
    picked: 'Showing the hop you picked; playback is paused.',
    latest: 'Back to the latest hop',
    channel: {
      request: 'API request',
      storage: 'etcd write',
      watch: 'watch event',
      cri: 'CRI call',
      traffic: 'network packet',
    },
  },
  graph: {
    controlPlane: 'Control plane',
    unscheduled: 'Unscheduled',
    noPods: 'no pods',
    node: 'Node {{name}}',
    podCount_one: '{{count}} pod',
    podCount_other: '{{count}} pods',
    morePods: '+{{count}} more',
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
  loading: 'Loading…',
};

export default en;
export type CommonResources = typeof en;
