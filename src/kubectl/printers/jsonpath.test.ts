import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { KubectlError } from '../errors';
import { runKubectl } from '../index';
import { jsonPathPrinter } from './jsonpath';

/**
 * What the real kubectl v1.32 printed for
 * `kubectl create deployment nginx --image=nginx --dry-run=client -o jsonpath=TEMPLATE`:
 * [template, stdout, stderr, exit code].
 */
const cases = JSON.parse(
  readFileSync(join(__dirname, '..', 'testdata', 'jsonpath-deployment.json'), 'utf8'),
) as [string, string, string, number][];

describe('-o jsonpath prints what the real kubectl prints', () => {
  it.each(cases)('%s', (template, stdout, stderr, exitCode) => {
    const got = runKubectl(
      createCluster({ seed: 1 }),
      `kubectl create deployment nginx --image=nginx --dry-run=client -o jsonpath=${JSON.stringify(template)}`,
    );
    expect(got).toEqual({ stdout, stderr, exitCode });
  });
});

/**
 * What the real kubectl v1.32 printed for `kubectl label --local -f cm.yaml z=1 -o
 * jsonpath=TEMPLATE` on a ConfigMap whose keys hold dots, colons, spaces and backslashes:
 * the object it labelled and [template, stdout, stderr, exit code].
 */
const escapes = JSON.parse(
  readFileSync(join(__dirname, '..', 'testdata', 'jsonpath-escapes.json'), 'utf8'),
) as { object: unknown; cases: [string, string, string, number][] };

describe('-o jsonpath field names with escaped dots and other characters', () => {
  it.each(escapes.cases)('%s', (template, stdout, stderr, exitCode) => {
    let got = { stdout: '', stderr: '', exitCode: 0 };
    try {
      got.stdout = jsonPathPrinter(template)(escapes.object);
    } catch (error) {
      if (!(error instanceof KubectlError)) throw error;
      got = { stdout: '', stderr: `${error.message}\n`, exitCode: 1 };
    }
    expect(got).toEqual({ stdout, stderr, exitCode });
  });
});
