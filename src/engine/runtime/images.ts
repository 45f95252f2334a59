/**
 * The image catalogue: images learners meet in courses, with real tags and compressed sizes, so
 * pulls take as long as they would on a home connection and unknown images fail as in life.
 */

export interface ImageInfo {
  /** repository as the runtime normalises it: docker.io/library/nginx */
  repository: string;
  tags: string[];
  sizeBytes: number;
  /** the TCP ports its default process listens on (HTTP servers answer GET / with 200) */
  listens?: number[];
  /** network tools on its PATH beyond the shell's builtins: curl, wget, nslookup... */
  tools?: string[];
  /** the ENV lines of its Dockerfile, after PATH */
  env?: string[];
  /**
   * the server binary: the image's ENTRYPOINT (args then only pass it flags, as MetalLB's
   * ["/controller"]), or the command its manifests run (etcd's ["etcd"])
   */
  entrypoint?: string[];
  /** HTTP paths its server answers 200 on besides / (health endpoints probes ask for) */
  healthPaths?: string[];
  /**
   * whose nslookup it has when it is not busybox 1.29+'s applet: BIND's (Debian's dnsutils,
   * Alpine's bind-tools), whose output and errors differ between releases
   */
  nslookup?: NslookupFlavor;
}

/**
 * The nslookup programs images ship besides busybox 1.29+'s applet (its own resolver, the
 * default): BIND 9.9 (Debian jessie, Ubuntu trusty), BIND 9.18+ (Alpine), and busybox before
 * its 1.29 rewrite, which asked the C library and printed `Address 1:` lines.
 */
export type NslookupFlavor = 'bind-9.9' | 'bind-9.18' | 'busybox-1.28';

/** busybox tags whose nslookup predates the rewrite (the StatefulSet tutorial pins busybox:1.28). */
const LIBC_NSLOOKUP_BUSYBOX_TAGS = ['1.28'];

/**
 * Debian-based images have bash, and hostname and env from coreutils; busybox and alpine have
 * no bash, only busybox and its applets (ash, which is also sh, wget, nslookup).
 */
const DEBIAN_TOOLS = ['hostname', 'env', 'bash'];
const BUSYBOX_TOOLS = ['hostname', 'env', 'wget', 'nslookup', 'busybox', 'ash'];
/** Alpine is busybox plus its package manager (which also tells its file system apart). */
const ALPINE_TOOLS = [...BUSYBOX_TOOLS, 'apk'];
/** nginx's entrypoint script lives at the image's root, beside /docker-entrypoint.d. */
const NGINX_ENTRYPOINT = '/docker-entrypoint.sh';

const CATALOGUE: ImageInfo[] = [
  {
    repository: 'docker.io/library/nginx',
    tags: ['latest', '1.27', '1.27.3', '1.26', '1.25', '1.23', '1.21', 'stable', 'alpine'],
    sizeBytes: 72_099_501,
    listens: [80],
    tools: [...DEBIAN_TOOLS, 'curl', NGINX_ENTRYPOINT],
    env: [
      'NGINX_VERSION=1.27.3',
      'NJS_VERSION=0.8.7',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
      'DYNPKG_RELEASE=1~bookworm',
    ],
  },
  {
    repository: 'docker.io/library/httpd',
    tags: ['latest', '2.4', 'alpine'],
    sizeBytes: 58_123_640,
    listens: [80],
    tools: DEBIAN_TOOLS,
    env: ['HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.62'],
  },
  {
    repository: 'docker.io/library/busybox',
    tags: ['latest', '1.36', '1.37', 'stable', '1.28'],
    sizeBytes: 2_166_802,
    tools: BUSYBOX_TOOLS,
  },
  {
    repository: 'docker.io/library/alpine',
    tags: ['latest', '3.20', '3.21'],
    sizeBytes: 3_625_325,
    tools: ALPINE_TOOLS,
  },
  {
    repository: 'docker.io/curlimages/curl',
    tags: ['latest', '8.11.1'],
    sizeBytes: 11_905_344,
    tools: [...ALPINE_TOOLS, 'curl'],
  },
  {
    repository: 'docker.io/library/redis',
    tags: ['latest', '7', '7.4', 'alpine'],
    sizeBytes: 45_312_908,
    listens: [6379],
  },
  {
    repository: 'docker.io/library/postgres',
    tags: ['latest', '17', '16', '15'],
    sizeBytes: 158_442_212,
    listens: [5432],
  },
  {
    repository: 'docker.io/library/mysql',
    tags: ['latest', '8.0', '8.4', '9'],
    sizeBytes: 172_630_411,
    listens: [3306],
  },
  {
    repository: 'docker.io/library/ubuntu',
    tags: ['latest', '22.04', '24.04'],
    sizeBytes: 29_754_290,
    tools: DEBIAN_TOOLS,
  },
  {
    repository: 'docker.io/fluent/fluentd',
    tags: ['latest', 'v1.17-1', 'v1.16-1'],
    sizeBytes: 45_993_154,
    listens: [24224],
  },
  {
    repository: 'docker.io/sysnet4admin/chk-hn',
    tags: ['latest'],
    sizeBytes: 51_442_080,
    listens: [80],
    tools: DEBIAN_TOOLS,
  },
  {
    repository: 'registry.k8s.io/hpa-example',
    tags: ['latest'],
    sizeBytes: 181_498_128,
    listens: [80],
  },
  { repository: 'docker.io/polinux/stress', tags: ['latest'], sizeBytes: 4_005_632 },
  // DNS debugging images: the Kubernetes docs' dnsutils pod (Debian jessie), and two favourites.
  {
    repository: 'registry.k8s.io/e2e-test-images/jessie-dnsutils',
    tags: ['1.3', '1.5', '1.7'],
    sizeBytes: 112_291_004,
    tools: [...DEBIAN_TOOLS, 'nslookup'],
    nslookup: 'bind-9.9',
  },
  {
    repository: 'docker.io/tutum/dnsutils',
    tags: ['latest'],
    sizeBytes: 61_508_223,
    tools: [...DEBIAN_TOOLS, 'nslookup'],
    nslookup: 'bind-9.9',
  },
  {
    repository: 'docker.io/nicolaka/netshoot',
    tags: ['latest', 'v0.13'],
    sizeBytes: 193_102_410,
    tools: [...ALPINE_TOOLS, 'bash', 'curl'],
    nslookup: 'bind-9.18',
  },
  { repository: 'registry.k8s.io/pause', tags: ['3.10'], sizeBytes: 320_368 },
  // The system pods of a v1.32 cluster (kubeadm's constants; minikube's storage provisioner).
  {
    repository: 'registry.k8s.io/etcd',
    tags: ['3.5.16-0'],
    sizeBytes: 57_680_541,
    listens: [2379, 2380, 2381],
    entrypoint: ['etcd'],
    healthPaths: ['/health', '/readyz', '/livez'],
  },
  {
    repository: 'registry.k8s.io/kube-apiserver',
    tags: ['v1.32.4'],
    sizeBytes: 28_671_624,
    listens: [6443, 8443],
    entrypoint: ['kube-apiserver'],
    healthPaths: ['/livez', '/readyz'],
  },
  {
    repository: 'registry.k8s.io/kube-controller-manager',
    tags: ['v1.32.4'],
    sizeBytes: 26_259_392,
    listens: [10257],
    entrypoint: ['kube-controller-manager'],
    healthPaths: ['/healthz'],
  },
  {
    repository: 'registry.k8s.io/kube-scheduler',
    tags: ['v1.32.4'],
    sizeBytes: 20_657_536,
    listens: [10259],
    entrypoint: ['kube-scheduler'],
    healthPaths: ['/livez', '/readyz'],
  },
  {
    repository: 'registry.k8s.io/kube-proxy',
    tags: ['v1.32.4'],
    sizeBytes: 30_907_858,
    listens: [10249, 10256],
    entrypoint: ['/usr/local/bin/kube-proxy'],
    healthPaths: ['/healthz'],
  },
  {
    repository: 'registry.k8s.io/coredns/coredns',
    tags: ['v1.11.3'],
    sizeBytes: 18_562_039,
    listens: [53, 8080, 8181, 9153],
    entrypoint: ['/coredns'],
    healthPaths: ['/health', '/ready'],
  },
  {
    repository: 'gcr.io/k8s-minikube/storage-provisioner',
    tags: ['v5'],
    sizeBytes: 9_058_936,
    entrypoint: ['/storage-provisioner'],
  },
  // Add-ons learners install: MetalLB (the course's metallb.yaml) and ingress-nginx.
  {
    repository: 'quay.io/metallb/controller',
    tags: ['v0.13.4', 'v0.14.9'],
    sizeBytes: 28_134_556,
    listens: [7472, 9443],
    healthPaths: ['/metrics'],
    entrypoint: ['/controller'],
  },
  {
    repository: 'quay.io/metallb/speaker',
    tags: ['v0.13.4', 'v0.14.9'],
    sizeBytes: 50_862_931,
    listens: [7472, 7946],
    healthPaths: ['/metrics'],
    entrypoint: ['/speaker'],
  },
  {
    repository: 'registry.k8s.io/ingress-nginx/controller',
    tags: ['v1.12.0', 'v1.11.3'],
    sizeBytes: 105_212_348,
    listens: [80, 443, 10254],
    entrypoint: ['/usr/bin/dumb-init', '--'],
  },
];

/** normalizeImage turns `nginx` into `docker.io/library/nginx:latest` as containerd does. */
export function normalizeImage(image: string): NormalizedImage {
  let normalized = normalizedImages.get(image);
  if (!normalized) {
    if (normalizedImages.size >= NORMALIZED_IMAGES_KEPT) normalizedImages.clear();
    normalizedImages.set(image, (normalized = Object.freeze(parseImage(image))));
  }
  return normalized;
}

interface NormalizedImage {
  repository: string;
  tag: string;
  reference: string;
}

/**
 * Images normalized before, by the name written: every container of a thousand-pod Deployment
 * names the same image, and each keeps the reference (one string for all, not one each).
 */
const normalizedImages = new Map<string, Readonly<NormalizedImage>>();
const NORMALIZED_IMAGES_KEPT = 256;

function parseImage(image: string): NormalizedImage {
  const [name, digest] = image.split('@') as [string, string | undefined];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const repoPart = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : 'latest';
  const first = repoPart.split('/')[0]!;
  const hasRegistry =
    repoPart.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = repoPart;
  if (!hasRegistry)
    repository = repoPart.includes('/') ? `docker.io/${repoPart}` : `docker.io/library/${repoPart}`;
  const reference = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { repository, tag, reference };
}

/** findImage looks an image reference up in the catalogue; undefined means "not found" on pull. */
export function findImage(image: string): ImageInfo | undefined {
  const { repository, tag } = normalizeImage(image);
  const info = CATALOGUE.find((i) => i.repository === repository);
  return info && info.tags.includes(tag) ? info : undefined;
}

/** imageDigest is a stable sha256-looking digest for an image reference. */
export function imageDigest(reference: string): string {
  let out = '';
  let h = 0x811c9dc5;
  while (out.length < 64) {
    for (let i = 0; i < reference.length; i++)
      h = Math.imul(h ^ reference.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ out.length, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}

/**
 * imageTools lists the binaries an image has beyond every shell's commands (Debian's by
 * default). An `alpine` tag of a Debian-based image (nginx:alpine) is built on busybox instead.
 */
export function imageTools(image: string): readonly string[] {
  const tools = findImage(image)?.tools ?? DEBIAN_TOOLS;
  if (!normalizeImage(image).tag.includes('alpine') || tools.includes('busybox')) return tools;
  return [...ALPINE_TOOLS, ...tools.filter((t) => !DEBIAN_TOOLS.includes(t))];
}

/** imageNslookup: which nslookup an image runs; undefined for busybox 1.29+'s applet. */
export function imageNslookup(image: string): NslookupFlavor | undefined {
  const { repository, tag } = normalizeImage(image);
  if (repository === 'docker.io/library/busybox' && LIBC_NSLOOKUP_BUSYBOX_TAGS.includes(tag))
    return 'busybox-1.28';
  return findImage(image)?.nslookup;
}

/** imageEnv is an image's ENV: PATH, then its Dockerfile's other variables. */
export function imageEnv(image: string): string[] {
  const info = findImage(image);
  const path =
    info?.repository === 'docker.io/library/httpd'
      ? 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
      : 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  return [path, ...(info?.env ?? [])];
}
