import { MAX_NODE_SCORE, type NodeInfo, type ScorePlugin } from '../framework';

const MB = 1024 * 1024;
/** below this much of the pod's images already on the node, the score is 0 (minThreshold) */
const MIN_THRESHOLD = 23 * MB;
/** per container, above this much the score is 100 (maxContainerThreshold) */
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * normalizedImageName adds `:latest` when the image names no tag, as image_locality.go does. It
 * does not add the registry: `nginx:1.27` in a pod spec does not match the
 * `docker.io/library/nginx:1.27` containerd reports, exactly as in real clusters.
 */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image;
}

function zeroScores(_nodes: readonly NodeInfo[], scores: Float64Array): void {
  scores.fill(0);
}

/**
 * ImageLocality prefers nodes that already have the pod's images, weighing each image's size by
 * the fraction of nodes that have it (so an image present everywhere counts for little).
 */
export const imageLocality = {
  name: 'ImageLocality',
  weight: 1,
  preScore(pod, _feasible, cluster) {
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    const images = containers.map((c) => normalizedImageName(c.image));
    const totalNodes = cluster.nodes.length;
    const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
    const nodeCounts = cluster.imageNodeCounts();
    // ImageLocality has no PreScore, so it is never skipped; when no node has any of the images
    // every node scores 0, which needs no per-node lookups.
    if (!images.some((image) => nodeCounts.has(image))) return { score: zeroScores };
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          let sum = 0;
          for (const image of images) {
            const size = nodes[i]!.images.get(image);
            if (size === undefined) continue;
            const spread = (nodeCounts.get(image) ?? 0) / totalNodes;
            sum += Math.trunc(size * spread);
          }
          const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
          scores[i] = Math.trunc(
            (MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD),
          );
        }
      },
    };
  },
} satisfies ScorePlugin;
