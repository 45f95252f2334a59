import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript, runScript } from './script';

/**
 * Every testdata/NAME.script with a NAME.golden beside it is replayed (seed 1, kubeadm) and must
 * print its golden transcript byte for byte. UPDATE_GOLDEN=1 rewrites the goldens: read the diff
 * line by line against what a real cluster prints before committing it.
 */
const testdata = join(__dirname, 'testdata');
const scripts = readdirSync(testdata)
  .filter(
    (f) => f.endsWith('.script') && existsSync(join(testdata, f.replace(/\.script$/, '.golden'))),
  )
  .sort();

describe('golden transcripts', () => {
  it.each(scripts)('%s', (file) => {
    const script = join(testdata, file);
    const golden = script.replace(/\.script$/, '.golden');
    const got = runScript(parseScript(readFileSync(script, 'utf8'), script), {
      seed: 1,
      baseDir: testdata,
    });
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, got);
    expect(got).toBe(readFileSync(golden, 'utf8'));
  });
});
