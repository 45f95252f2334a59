import common from './common.schema.json';
import deployment from './deployment.schema.json';
import pod from './pod.schema.json';
import { KIND_SCHEMAS } from './kinds';
import { apiVersionOf, RESOURCES } from '../../../engine';

/** KIND_VERSIONS: every kind the simulated API server serves, with its apiVersion. */
const KIND_VERSIONS = RESOURCES.map((info) => ({
  kind: info.kind,
  apiVersion: apiVersionOf(info),
}));

/**
 * MANIFEST_SCHEMA is one hand-written JSON schema for the kinds the editor helps with. `kind`
 * picks the branch, so completion offers Pod fields in a Pod and Deployment fields in a
 * Deployment. It is bundled, never fetched (monaco-yaml runs with enableSchemaRequest: false).
 */
export const MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  definitions: common.definitions,
  properties: {
    apiVersion: {
      type: 'string',
      enum: [...new Set(KIND_VERSIONS.map((k) => k.apiVersion))],
      description:
        'API group and version: v1 for Pods, apps/v1 for Deployments, batch/v1 for Jobs.',
    },
    kind: {
      type: 'string',
      enum: KIND_VERSIONS.map((k) => k.kind),
      description: 'The kind of object.',
    },
  },
  required: ['apiVersion', 'kind', 'metadata'],
  allOf: [
    // Each kind lives in one API group and version: a Deployment under v1 is refused.
    ...KIND_VERSIONS.map(({ kind, apiVersion }) => ({
      if: { properties: { kind: { const: kind } } },
      then: { properties: { apiVersion: { const: apiVersion } } },
    })),
    { if: { properties: { kind: { const: 'Pod' } } }, then: pod },
    { if: { properties: { kind: { const: 'Deployment' } } }, then: deployment },
    ...Object.entries(KIND_SCHEMAS).map(([kind, schema]) => ({
      if: { properties: { kind: { const: kind } } },
      then: schema,
    })),
  ],
};

export const MANIFEST_SCHEMA_URI = 'inmemory://kubeloop/schemas/manifest.json';
