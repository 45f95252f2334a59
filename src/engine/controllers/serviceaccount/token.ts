import { sha256 } from '../../network/hash';

/**
 * The issuer and audience kubeadm and minikube give the API server
 * (--service-account-issuer; --api-audiences defaults to it).
 */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** The lifetime the kubelet asks for in a kube-api-access volume (WarnOnlyBoundTokenExpirationSeconds). */
export const KUBELET_TOKEN_SECONDS = 3607;
/**
 * With --service-account-extend-token-expiration (on by default) a token asked for with 3607
 * seconds is valid for a year, and warns after the hour it was asked for
 * (ExpirationExtensionSeconds).
 */
const EXTENDED_TOKEN_SECONDS = 365 * 24 * 60 * 60;
/** An RS256 signature from a 2048-bit key is 256 bytes. */
const SIGNATURE_BYTES = 256;

/** A ref is the name and uid a token binds to (privateClaims' ref). */
export interface BoundRef {
  name: string;
  uid: string;
}

export interface TokenRequest {
  namespace: string;
  serviceAccount: BoundRef;
  pod: BoundRef;
  node?: BoundRef;
  /** when the API server issued it, in ms since the Unix epoch (the simulated clock) */
  issuedAtMs: number;
  expirationSeconds: number;
  /** what the API server signs with: the same for every token of a cluster */
  signingKey: string;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
};

/** uuidFrom shapes 16 digest bytes as a version-4 UUID (the jti claim's uuid.NewUUID). */
function uuidFrom(bytes: Uint8Array): string {
  const octets = bytes.slice(0, 16);
  octets[6] = (octets[6]! & 0x0f) | 0x40;
  octets[8] = (octets[8]! & 0x3f) | 0x80;
  const s = hex(octets);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** keyDigests: each signing key's SHA-256, hashed once (a cluster has one key). */
const keyDigests = new Map<string, Uint8Array>();

function keyDigest(signingKey: string): Uint8Array {
  let digest = keyDigests.get(signingKey);
  if (!digest) {
    digest = sha256(`key\n${signingKey}`);
    keyDigests.set(signingKey, digest);
  }
  return digest;
}

/**
 * signature stands in for RS256 over the signing input: the input's SHA-256 keyed by the
 * cluster's signing key, stretched (xorshift32 from the digest) to the length of a 2048-bit RSA
 * signature, so the same token always carries the same signature and another key gives another.
 */
function signature(signingKey: string, input: string): Uint8Array {
  const digest = sha256(`${hex(keyDigest(signingKey))}\n${input}`);
  const out = new Uint8Array(SIGNATURE_BYTES);
  out.set(digest);
  let x = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0 || 1;
  for (let i = digest.length; i < SIGNATURE_BYTES; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = (x ^ digest[i % digest.length]!) & 0xff;
  }
  return out;
}

/** keyId is the kid header: the base64url SHA-256 of the signing key (JWKS key id). */
export function keyId(signingKey: string): string {
  return base64url(keyDigest(signingKey));
}

/**
 * serviceAccountToken is what TokenRequest returns for a pod-bound token
 * (pkg/serviceaccount/claims.go, jwt.go): a JWT whose payload names the issuer, the service
 * account as subject, the audience, the times, and under kubernetes.io the namespace, pod,
 * node and service account it is bound to.
 */
export function serviceAccountToken(request: TokenRequest): string {
  const { namespace, serviceAccount, pod, node, expirationSeconds } = request;
  const iat = Math.floor(request.issuedAtMs / 1000);
  // The kubelet's 3607 seconds is the one lifetime the API server extends.
  const extended = expirationSeconds === KUBELET_TOKEN_SECONDS;
  const exp = iat + (extended ? EXTENDED_TOKEN_SECONDS : expirationSeconds);
  // Keys in sorted order, as go-jose writes claims: it merges the public and private claims
  // into one map, and Go marshals maps by key (JSON.stringify keeps insertion order).
  const header = { alg: 'RS256', kid: keyId(request.signingKey) };
  const claims = {
    aud: [SERVICE_ACCOUNT_ISSUER],
    exp,
    iat,
    iss: SERVICE_ACCOUNT_ISSUER,
    jti: uuidFrom(sha256(`jti\n${pod.uid}\n${request.issuedAtMs}`)),
    'kubernetes.io': {
      namespace,
      node,
      pod,
      serviceaccount: serviceAccount,
      warnafter: extended ? iat + expirationSeconds : undefined,
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${serviceAccount.name}`,
  };
  const input = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
  return `${input}.${base64url(signature(request.signingKey, input))}`;
}

/** decodeTokenPayload reads a token's claims back (what jwt.io shows), for tests and the UI. */
export function decodeTokenPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}
