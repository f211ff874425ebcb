import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses a fetch made on a caller's behalf may connect to: public unicast only. Every
 * special-purpose range of the IANA registries is refused (RFC 6890 and its updates:
 * https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry), and so is every IPv6 range that
 * embeds or translates to an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo), which would otherwise
 * reach a private IPv4 address by another name (an IPv4-mapped address is refused even when the
 * IPv4 address it maps is public: a client has no reason to write one).
 */

const NOT_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (CGNAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (the instance metadata service lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the limited broadcast address
];

const NOT_PUBLIC_V6: [string, number][] = [
  ['::', 127], // unspecified and loopback
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing SIDs
  ['fc00::', 7], // unique local (AWS's IPv6 metadata endpoint is fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

// Two lists: a BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules, so ::ffff:0:0/96
// in a shared list would refuse every IPv4 address.
const notPublicV4 = new BlockList();
for (const [network, prefix] of NOT_PUBLIC_V4) notPublicV4.addSubnet(network, prefix, 'ipv4');
const notPublicV6 = new BlockList();
for (const [network, prefix] of NOT_PUBLIC_V6) notPublicV6.addSubnet(network, prefix, 'ipv6');

/** Only 2000::/3 is allocated as global unicast; anything outside it is not a public address. */
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** Whether `address` (an IPv4 or IPv6 literal) is a public unicast address. */
const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return !notPublicV4.check(address, 'ipv4');
  if (family === 6) {
    return !notPublicV6.check(address, 'ipv6') && globalUnicast.check(address, 'ipv6');
  }
  return false;
};

export { isPublicAddress };
