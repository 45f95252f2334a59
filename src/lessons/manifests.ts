/**
 * Builders for the manifests lessons apply, written as `kubectl apply -f -` heredocs so a solution
 * line shows the learner exactly what to paste. Extra fields are YAML already indented for where
 * they go.
 */

interface ContainerInput {
  image: string;
  /** the container's name; defaults to "app" */
  container?: string;
  /** more container fields (command, resources, probes), indented six spaces deeper than `- name` */
  containerFields?: string;
}

const heredoc = (body: string) => `kubectl apply -f - <<EOF\n${body}EOF`;

const containerBlock = (
  indent: string,
  { image, container = 'app', containerFields = '' }: ContainerInput,
) =>
  `${indent}containers:\n${indent}- name: ${container}\n${indent}  image: ${image}\n${reindent(containerFields, `${indent}  `)}`;

/** reindent puts every line of a block written at column 0 under `indent`. */
const reindent = (block: string, indent: string) =>
  block
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${indent}${line}\n`)
    .join('');

export interface PodInput extends ContainerInput {
  name: string;
  /** pod spec fields before `containers` (nodeSelector, tolerations, affinity), at column 0 */
  podFields?: string;
}

/** applyPod is a heredoc apply of a one-container Pod. */
export function applyPod(input: PodInput): string {
  return heredoc(
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${input.name}\nspec:\n${reindent(input.podFields ?? '', '  ')}${containerBlock('  ', input)}`,
  );
}

export interface DeploymentInput extends ContainerInput {
  name: string;
  /** left out when undefined, as an autoscaled Deployment should be */
  replicas?: number;
}

/** applyDeployment is a heredoc apply of a one-container Deployment labelled app=<name>. */
export function applyDeployment(input: DeploymentInput): string {
  const replicas = input.replicas === undefined ? '' : `  replicas: ${input.replicas}\n`;
  return heredoc(
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${input.name}\nspec:\n${replicas}  selector:\n    matchLabels:\n      app: ${input.name}\n  template:\n    metadata:\n      labels:\n        app: ${input.name}\n    spec:\n${containerBlock('      ', input)}`,
  );
}

/** applyConfigMap is a heredoc apply of a ConfigMap holding string data. */
export function applyConfigMap(name: string, data: Record<string, string>): string {
  const entries = Object.entries(data)
    .map(([key, value]) => `  ${key}: ${value}\n`)
    .join('');
  return heredoc(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${entries}`);
}
