import { describe, expect, it } from 'vitest';
import { findResource } from './resources';
import { FieldSelectorError, fieldMatcher, parseFieldSelector } from './field-selector';
import type { KubeObject } from '../engine';

const pods = findResource('pods')!;
const box = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'box', namespace: 'default' },
  spec: { nodeName: 'w1-k8s' },
  status: { phase: 'Running' },
} as unknown as KubeObject;

describe('field selectors', () => {
  it.each([
    ['status.phase=Running', true],
    ['status.phase==Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=w1-k8s,metadata.name=box', true],
    ['spec.nodeName=w1-k8s,metadata.name!=box', false],
    ['spec.hostNetwork=false', true],
    ['', true],
  ])('%s matches: %s', (selector, want) => {
    expect(fieldMatcher(pods, parseFieldSelector(selector))(box)).toBe(want);
  });

  it.each([
    ['pods', 'spec.foo=x', 'field label not supported: spec.foo'],
    [
      'deployments',
      'spec.replicas=1',
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    ['nodes', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['pods', 'foo', "invalid selector: 'foo'; can't understand 'foo'"],
  ])('%s rejects %s', (resource, selector, message) => {
    const run = () => fieldMatcher(findResource(resource)!, parseFieldSelector(selector));
    expect(run).toThrow(FieldSelectorError);
    expect(run).toThrow(message);
  });
});
