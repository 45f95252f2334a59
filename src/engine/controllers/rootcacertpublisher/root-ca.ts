import type { ConfigMap } from '../../api/config-types';
import type { AnyObject } from '../../api/types';
import type { PresetName } from '../../presets';

/** The ConfigMap the publisher keeps in every namespace (RootCACertConfigMapName). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The cluster CA certificates: kubeadm's ca.crt (CN=kubernetes) and minikube's (CN=minikubeCA),
 * each valid ten years from the cluster's birth. Real self-signed certificates, fixed so every
 * run publishes the same bundle.
 */
export const CLUSTER_CA_CERTS: Record<PresetName, string> = {
  kubeadm: `-----BEGIN CERTIFICATE-----
MIIDETCCAfmgAwIBAgIUDWtIZuVA0oMrbvD7XhL8poI/bUowDQYJKoZIhvcNAQEL
BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNTEyMjYwODU1MDBaFw0zNTEy
MjQwODU1MDBaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQCNMojnyk5/dbvz3Por5XIcfgxhgx/sSBCuROYht4Ww
0Msn1PjLNQ+QZfnwFOs84Pzkq7oOXi2HZ6L1g6tin2xCPoQ9P/p8vHOlDg4xs5xX
F1pHeMtCWHxrufFsIicNYq/TYwjgR2oY7xEijtRvQ57fd7p3XMCQi/YIFq/34U/+
yeF/rJGYuFzkovvK09A7B4CvdsEGvy1psVWZjA3Q6hHkwvVt5HW9hviSLN9op+Sw
hKnlu8J/uKBuNjNQKra++lTaw+WHZ9AIPRAP0GTpi4poUuRUJ5huwEJslZzuA/B/
Pu78IDWQsiriLmrLz84Ap40v7ac75qsOjgpTn89a/wbrAgMBAAGjWTBXMA4GA1Ud
DwEB/wQEAwICpDAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBSMCe5iBmuyNtE2
tQ0J0IAE+UC2LDAVBgNVHREEDjAMggprdWJlcm5ldGVzMA0GCSqGSIb3DQEBCwUA
A4IBAQAPCIaMhBfl0MdWtQKj+267QvXRFSfT28lJtQK+pmP6cDileY9/DrG4RPee
eETp4Cl2m8vRpLtHJfLClvWKrgYJ2oDbYdQOBys95Kwgp3aWpgTZ+71j7LvtoA8q
EVzZh+n/7kP1pvdXCvCTdQnIU/ufdztobUuFs0LGsZVMy4coiTR86aPKhmz9cFE5
krO2odjQHwwJNHN9yY2PZwdWlEzi+hPnuL1BH1e2KwbJh6LtPAlr8TPujVa6IV9X
BMuj/z//Li7t03pfBGnoY1gMbBXaJuvWEJvV90VsBLmaptC0RCZn/+uVYBxrLwMW
HunueeKajIR1SfqvmmaEc86+J47Y
-----END CERTIFICATE-----
`,
  minikube: `-----BEGIN CERTIFICATE-----
MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDDAptaW5p
a3ViZUNBMB4XDTI1MTIyNTA5MDAwMFoXDTM1MTIyMzA5MDAwMFowFTETMBEGA1UE
AwwKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKOT
+5yVlbn6hWjVP1YcOh6yEt4jF1cB96BxUFJIlFFJXEI3wsbRoq+dtY4r7b7cryOq
hB08170Bmoz54vAjYMzlmCsDcec1mZBE5uy5jG5K18W3CQ7CWEhf0VHkNJ7PpGi7
b8y6v7wxyuc9huupiLnjzBovTtwc6zmcoNXcj/ypwQuZ+FQqJFVSIoOl2+XPPMc2
P4NaVf4LJIZaNqa1vgzZ9UEubebI3iSlJXexbKcc9nZXJEVcmV4BymY3tPxhhlgt
DUxOzW7VLLH9zaxWQg52yHgWY+IdRlEgyiXneDDiKwtKdpLsBTcQn423KLfJlvJd
oJb1DF7KA+/TMOz7TKECAwEAAaNhMF8wDgYDVR0PAQH/BAQDAgKEMB0GA1UdJQQW
MBQGCCsGAQUFBwMCBggrBgEFBQcDATAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQW
BBQuDNUIWRFPpJgTt2OzXQHgFeneKzANBgkqhkiG9w0BAQsFAAOCAQEAdXb3uMDd
Ty8h5bSXlQ84rRk9ZGMXCSjmRTrZRRa3yRG2gYu0r4S0jN7ilQ9GnzCQRPiwhs3y
qsxjp03np6xzMwPjtNrk8jq4vSH18yu4yBm6eW2QIhUe0n0UmvYuYpK5R7qBie6V
KeMKf6yyLv0EccLsQahlEAW0RqTOaDT1OdpGgDVayTCoe5PKaEX1T/5EuS8tHOjj
xWArUjgJdvCPMzMs6AgJLiw+uxs3lDmJUrxMaDUPt32mqUx3s9dJOJOfNDMjqjfc
2WHCYDJHCZhmCsoB0X/MqJFBJj08q5qdccNrFXIgphdCM4ySdTsMxzwqkISHVQk0
Ro885LHVP2Mwpw==
-----END CERTIFICATE-----
`,
};

/** rootCAConfigMap is the manifest the publisher creates in a namespace. */
export function rootCAConfigMap(namespace: string, rootCA: string): AnyObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: ROOT_CA_CONFIGMAP,
      namespace,
      annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION },
    },
    data: { 'ca.crt': rootCA },
  };
}

/** isPublished tells whether a ConfigMap already holds the bundle and its description. */
export function isPublished(cm: ConfigMap, rootCA: string): boolean {
  const data = cm.data ?? {};
  return (
    Object.keys(data).length === 1 &&
    data['ca.crt'] === rootCA &&
    (cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '') !== ''
  );
}

/** publishedVersion is a ConfigMap brought back to the bundle, keeping its other annotations. */
export function publishedVersion(cm: ConfigMap, rootCA: string): ConfigMap {
  return {
    ...cm,
    metadata: {
      ...cm.metadata,
      annotations: { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION },
    },
    data: { 'ca.crt': rootCA },
  };
}
