import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { TEMPLATE_NAMES, TEMPLATES } from '../templates';
import { MANIFEST_SCHEMA } from './index';

describe('manifest schema', () => {
  it('knows the kind and apiVersion of every template', () => {
    for (const name of TEMPLATE_NAMES) {
      const { kind, apiVersion } = load(TEMPLATES[name]) as { kind: string; apiVersion: string };
      expect(MANIFEST_SCHEMA.properties.kind.enum).toContain(kind);
      const rule = MANIFEST_SCHEMA.allOf.find(
        (branch) => (branch.if.properties.kind as { const: string }).const === kind,
      );
      expect(rule?.then).toMatchObject({ properties: { apiVersion: { const: apiVersion } } });
      // and a schema of its own fields, for completion and hover
      const own = MANIFEST_SCHEMA.allOf.filter(
        (branch) =>
          (branch.if.properties.kind as { const: string }).const === kind &&
          'metadata' in ((branch.then as { properties?: object }).properties ?? {}),
      );
      expect(own).toHaveLength(1);
    }
  });
});
