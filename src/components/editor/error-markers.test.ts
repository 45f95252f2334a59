import { describe, expect, it } from 'vitest';
import { useKubeloop } from '../../state/store';
import { errorMarkers, fieldErrors, pathSegments } from './error-markers';

const DEPLOYMENT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: other
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
`;

describe('server errors as editor markers', () => {
  it('splits field paths with list indexes', () => {
    expect(pathSegments('spec.template.spec.containers[0].image')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
  });

  it('reads every cause of an Invalid error, with its message', () => {
    const errors = fieldErrors(
      'The Deployment "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]\n',
    );
    expect(errors).toEqual([
      {
        kind: 'Deployment',
        name: 'web',
        path: 'spec.replicas',
        message: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
      {
        kind: 'Deployment',
        name: 'web',
        path: 'spec.template.spec.restartPolicy',
        message:
          'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      },
    ]);
  });

  it('marks the line of the field the server rejected, in the right document', async () => {
    useKubeloop.getState().reset();
    const result = await useKubeloop.getState().applyManifest(DEPLOYMENT);
    expect(result.exitCode).not.toBe(0);
    const markers = errorMarkers(DEPLOYMENT, result.stderr);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ startLineNumber: 11, startColumn: 3, endLineNumber: 11 });
    expect(markers[0]!.message).toContain('spec.replicas: Invalid value: -1');
  });

  it('marks an unknown field from strict decoding', async () => {
    const typo = DEPLOYMENT.replace('replicas: -1', 'replica: 3');
    useKubeloop.getState().reset();
    const result = await useKubeloop.getState().applyManifest(typo);
    expect(result.stderr).toContain('strict decoding error: unknown field "spec.replica"');
    expect(errorMarkers(typo, result.stderr)).toMatchObject([
      { startLineNumber: 11, startColumn: 3, endLineNumber: 11, endColumn: 10 },
    ]);
  });

  it('marks the closest parent when the field is missing', () => {
    const markers = errorMarkers(
      DEPLOYMENT,
      'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value\n',
    );
    expect(markers).toMatchObject([{ startLineNumber: 22, startColumn: 11 }]);
    const missing = errorMarkers(
      DEPLOYMENT,
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate: Invalid value: 0: x\n',
    );
    expect(missing).toMatchObject([{ startLineNumber: 10, startColumn: 1 }]);
  });

  it('marks a wrong type named by the Go decoder', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    tier: 1\n';
    const stderr =
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n';
    expect(errorMarkers(pod, stderr)).toMatchObject([{ startLineNumber: 5, startColumn: 3 }]);
  });

  it('places nothing for errors without a field, or for text that is not YAML', () => {
    expect(errorMarkers(DEPLOYMENT, 'deployment.apps/web created\n')).toEqual([]);
    expect(
      errorMarkers('{{{', 'The Deployment "web" is invalid: spec.replicas: Invalid value: 1: x'),
    ).toEqual([]);
  });
});
