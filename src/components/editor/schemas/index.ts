import common from './common.schema.json';
import deployment from './deployment.schema.json';
import pod from './pod.schema.json';

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
      enum: ['v1', 'apps/v1'],
      description: 'API group and version: v1 for Pods, apps/v1 for Deployments.',
    },
    kind: { type: 'string', enum: ['Pod', 'Deployment'], description: 'The kind of object.' },
  },
  required: ['apiVersion', 'kind', 'metadata'],
  allOf: [
    { if: { properties: { kind: { const: 'Pod' } } }, then: pod },
    { if: { properties: { kind: { const: 'Deployment' } } }, then: deployment },
  ],
};

export const MANIFEST_SCHEMA_URI = 'inmemory://kubeloop/schemas/manifest.json';
