import { describe, expect, it } from 'vitest';
import { useKubeloop } from '../../state/store';
import { TEMPLATE_NAMES, TEMPLATES } from './templates';

describe('editor templates', () => {
  it.each(TEMPLATE_NAMES)('%s applies cleanly with kubectl apply', async (name) => {
    useKubeloop.getState().reset();
    const result = await useKubeloop.getState().applyManifest(TEMPLATES[name]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/ created\n$/);
  });
});
