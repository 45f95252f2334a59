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
}

const CATALOGUE: ImageInfo[] = [
  {
    repository: 'docker.io/library/nginx',
    tags: ['latest', '1.27', '1.27.3', '1.26', '1.25', '1.23', '1.21', 'stable', 'alpine'],
    sizeBytes: 72_099_501,
    listens: [80],
  },
  {
    repository: 'docker.io/library/httpd',
    tags: ['latest', '2.4', 'alpine'],
    sizeBytes: 58_123_640,
    listens: [80],
  },
  {
    repository: 'docker.io/library/busybox',
    tags: ['latest', '1.36', '1.37', 'stable'],
    sizeBytes: 2_166_802,
  },
  {
    repository: 'docker.io/library/alpine',
    tags: ['latest', '3.20', '3.21'],
    sizeBytes: 3_625_325,
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
  },
  {
    repository: 'registry.k8s.io/hpa-example',
    tags: ['latest'],
    sizeBytes: 181_498_128,
    listens: [80],
  },
  { repository: 'docker.io/polinux/stress', tags: ['latest'], sizeBytes: 4_005_632 },
  { repository: 'registry.k8s.io/pause', tags: ['3.10'], sizeBytes: 320_368 },
];

/** normalizeImage turns `nginx` into `docker.io/library/nginx:latest` as containerd does. */
export function normalizeImage(image: string): {
  repository: string;
  tag: string;
  reference: string;
} {
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
