// Addresses a push must never reach: this host, the private network, link-local (cloud
// metadata at 169.254.169.254), and the special-use ranges of RFC 6890.
import { BlockList, isIP } from 'node:net';

const forbidden = new BlockList();
for (const [net, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.88.99.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4]
] as const)
	forbidden.addSubnet(net, bits, 'ipv4');
// BlockList also matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 ranges above.
for (const [net, bits] of [
	['::', 127],
	['64:ff9b::', 96],
	['64:ff9b:1::', 48],
	['100::', 64],
	['2001::', 23],
	['2001:db8::', 32],
	['2002::', 16],
	['fc00::', 7],
	['fe80::', 10],
	['fec0::', 10],
	['ff00::', 8]
] as const)
	forbidden.addSubnet(net, bits, 'ipv6');

/** True for an IP address on the public internet; false for anything else, names included. */
export function isPublicAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 0) return false;
	return !forbidden.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
