import { describe, expect, it } from 'vitest';
import { decodeBody, decodePatched, type FieldValidation } from './decoding';
import { StatusError } from './errors';
import { resourceInfo } from './resources';

const deployments = resourceInfo('deployments')!;

function deployment(spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
      ...spec,
    },
    ...extra,
  };
}

function container(fields: Record<string, unknown>) {
  return deployment({
    template: { spec: { containers: [{ name: 'nginx', image: 'nginx', ...fields }] } },
  });
}

function decodeError(body: unknown, validation: FieldValidation = 'Strict'): string | undefined {
  try {
    decodeBody(deployments, body, validation);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    expect(error.status.reason).toBe('BadRequest');
    return error.status.message;
  }
  return undefined;
}

const HEAD = 'Deployment in version "v1" cannot be handled as a Deployment: ';

describe('strict decoding of request bodies', () => {
  it('accepts a well-formed Deployment', () => {
    expect(decodeError(deployment({ replicas: 3 }))).toBeUndefined();
  });

  it.each([
    [
      'an unknown spec field',
      deployment({ replica: 3 }),
      'strict decoding error: unknown field "spec.replica"',
    ],
    [
      'several unknown fields, in sorted key order',
      deployment({ replica: 3 }, { extra: true }),
      'strict decoding error: unknown field "extra", unknown field "spec.replica"',
    ],
    [
      'an unknown container field',
      container({ imagePullPolcy: 'Always' }),
      'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy"',
    ],
    [
      'a string where an int32 goes',
      deployment({ replicas: '3' }),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a fraction where an int32 goes',
      deployment({ replicas: 1.5 }),
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a number where a string goes, inside a list',
      container({ image: 42 }),
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
    ],
    [
      'a map where a list goes',
      container({ ports: { containerPort: 80 } }),
      'json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort',
    ],
    [
      'a number as a label value',
      deployment({}, { metadata: { name: 'web', labels: { tier: 1 } } }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    [
      'a type error, which wins over unknown fields',
      deployment({ replica: 3, replicas: 'x' }),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a malformed quantity',
      container({ resources: { limits: { memory: '1 GB' } } }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'a bool as an int-or-string port',
      container({ livenessProbe: { httpGet: { port: true } } }),
      'json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.httpGet.port of type int32',
    ],
  ])('refuses %s', (_what, body, message) => {
    expect(decodeError(body)).toBe(HEAD + message);
  });

  it('ignores unknown fields unless validation is Strict, but not type errors', () => {
    expect(decodeError(deployment({ replica: 3 }), 'Ignore')).toBeUndefined();
    expect(decodeError(deployment({ replicas: '3' }), 'Ignore')).toBe(
      `${HEAD}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
  });

  it('checks Secret data is base64', () => {
    const secrets = { ...deployments, kind: 'Secret', version: 'v1' };
    const secret = (data: Record<string, string>) => ({ kind: 'Secret', data });
    expect(() => decodeBody(secrets, secret({ a: 'aGk=' }), 'Strict')).not.toThrow();
    expect(() => decodeBody(secrets, secret({ a: 'abcde' }), 'Strict')).toThrow(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
  });
});

describe('strict decoding of patched objects', () => {
  it('names the patch as a Go map in an Invalid error', () => {
    const patch = { spec: { replica: 3, replicas: null } };
    let error: StatusError | undefined;
    try {
      decodePatched(deployments, deployment({ replica: 3 }), patch, 'Strict');
    } catch (e) {
      error = e as StatusError;
    }
    expect(error?.status.reason).toBe('Invalid');
    expect(error?.status.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[replica:3 replicas:<nil>]]": strict decoding error: unknown field "spec.replica"',
    );
  });
});
