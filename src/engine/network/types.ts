import type { KubeObject, LabelSelector } from '../api/types';

/** networking.k8s.io/v1 NetworkPolicy: which traffic may reach (ingress) or leave (egress) pods. */
export interface NetworkPolicyPort {
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyIngressRule {
  ports?: NetworkPolicyPort[];
  from?: NetworkPolicyPeer[];
}

export interface NetworkPolicyEgressRule {
  ports?: NetworkPolicyPort[];
  to?: NetworkPolicyPeer[];
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicy extends KubeObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  spec: {
    podSelector: LabelSelector;
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
    policyTypes?: PolicyType[];
  };
}

/** metallb.io/v1beta1 IPAddressPool: the addresses MetalLB may hand to LoadBalancer Services. */
export interface IPAddressPool extends KubeObject {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'IPAddressPool';
  spec: {
    /** CIDRs (192.168.1.0/28) or ranges (192.168.1.11-192.168.1.19) */
    addresses: string[];
    autoAssign?: boolean;
    avoidBuggyIPs?: boolean;
  };
}

/** metallb.io/v1beta1 L2Advertisement: announce pools' addresses over ARP from one node. */
export interface L2Advertisement extends KubeObject {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'L2Advertisement';
  spec?: {
    ipAddressPools?: string[];
    ipAddressPoolSelectors?: LabelSelector[];
    nodeSelectors?: LabelSelector[];
    interfaces?: string[];
  };
}

/** networking.k8s.io/v1 IngressClass: which controller serves Ingresses of a class. */
export interface IngressClass extends KubeObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'IngressClass';
  spec: {
    controller?: string;
    parameters?: {
      apiGroup?: string;
      kind: string;
      name: string;
      scope?: string;
      namespace?: string;
    };
  };
}
