/** TEMPLATES are the manifests the template picker offers; the Pod one is the default content. */
export const TEMPLATES = {
  pod: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
    - name: nginx
      image: nginx
      ports:
        - containerPort: 80
`,
  deployment: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
`,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export const DEFAULT_MANIFEST = TEMPLATES.pod;
