import { describe, expect, it } from 'vitest';
import { infosWith, scoreAll, testNode, testPod } from '../testing';
import { imageLocality, normalizedImageName } from './image-locality';

const MB = 1024 * 1024;
const NGINX = 'docker.io/library/nginx:1.27';

function podWithImage(image: string) {
  const pod = testPod('p');
  pod.spec.containers[0]!.image = image;
  return pod;
}

describe('ImageLocality', () => {
  it.each([
    { image: 'nginx', want: 'nginx:latest' },
    { image: 'nginx:1.27', want: 'nginx:1.27' },
    { image: 'localhost:5000/app', want: 'localhost:5000/app:latest' },
    { image: 'localhost:5000/app:v1', want: 'localhost:5000/app:v1' },
  ])('normalizes $image to $want', ({ image, want }) => {
    expect(normalizedImageName(image)).toBe(want);
  });

  it.each([
    {
      name: 'image on every node: full size counts',
      size: 500 * MB,
      onNodes: 2,
      image: NGINX,
      // (500Mi - 23Mi) x 100 / (1000Mi - 23Mi)
      want: [48, 48],
    },
    {
      name: 'image on one of two nodes: half its size counts, below-threshold scores 0',
      size: 40 * MB,
      onNodes: 1,
      image: NGINX,
      want: [0, 0],
    },
    {
      name: 'big image on one node only',
      size: 900 * MB,
      onNodes: 1,
      image: NGINX,
      // 450Mi spread-scaled: (450 - 23) x 100 / 977
      want: [43, 0],
    },
    {
      name: 'short name does not match the registry-qualified name containerd reports',
      size: 900 * MB,
      onNodes: 2,
      image: 'nginx:1.27',
      // no node has the image: every node scores 0 (ImageLocality has no PreScore to skip)
      want: [0, 0],
    },
  ])('$name', ({ size, onNodes, image, want }) => {
    const images = [{ names: [`docker.io/library/nginx@sha256:abc`, NGINX], sizeBytes: size }];
    const nodes = [
      testNode('n1', { images }),
      testNode('n2', { images: onNodes === 2 ? images : [] }),
    ];
    expect(scoreAll(imageLocality, podWithImage(image), infosWith(nodes))?.normalized).toEqual(
      want,
    );
  });
});
