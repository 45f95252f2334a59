import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../index';

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
