package evidence

import (
	"fmt"
	"net/netip"
)

// blockedPrefixes are the addresses the fetcher never connects to: everything that is not
// ordinary public unicast, so that an agency's URL (or a redirect, or a DNS answer) cannot
// make ITAS reach its own host, its network, or a cloud provider's metadata service. The list
// follows the IANA special-purpose registries; names say why each is here.
var blockedPrefixes = []struct {
	prefix netip.Prefix
	why    string
}{
	// IPv4
	{netip.MustParsePrefix("0.0.0.0/8"), "this network / unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT (also Alibaba's metadata 100.100.100.200)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local (cloud metadata 169.254.169.254)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments (Oracle metadata 192.0.0.192)"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("192.88.99.0/24"), "6to4 relay anycast"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved and broadcast"},
	// IPv6 outside 2000::/3 is refused as a whole (see classify); these are inside it.
	{netip.MustParsePrefix("2001::/23"), "IETF protocol assignments (Teredo, benchmarking, ORCHID)"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("2002::/16"), "6to4, which can embed any IPv4 address"},
	{netip.MustParsePrefix("3fff::/20"), "documentation"},
}

// globalUnicast6 is the only IPv6 range ITAS connects to. Outside it lie loopback (::1),
// unspecified (::), IPv4-compatible and NAT64 forms (::/96, 64:ff9b::/96) that can embed a
// private IPv4 address, discard (100::/64), unique-local fc00::/7 (AWS metadata
// fd00:ec2::254), link-local fe80::/10, site-local fec0::/10 and multicast ff00::/8.
var globalUnicast6 = netip.MustParsePrefix("2000::/3")

// loopback4 and loopback6 are what AllowLoopback lets through, for tests only.
var (
	loopback4 = netip.MustParsePrefix("127.0.0.0/8")
	loopback6 = netip.IPv6Loopback()
)

// classify returns why the fetcher must not connect to ip, or "" when ip is a public unicast
// address. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry. With
// allowLoopback, loopback addresses pass (tests only).
func classify(ip netip.Addr, allowLoopback bool) string {
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() {
		return "invalid address"
	}
	if allowLoopback && (loopback4.Contains(ip) || ip == loopback6) {
		return ""
	}
	if ip.Is6() && !globalUnicast6.Contains(ip) {
		return "not global unicast IPv6 (loopback, link-local, unique-local, multicast, NAT64 or reserved)"
	}
	for _, b := range blockedPrefixes {
		if b.prefix.Contains(ip) {
			return b.why
		}
	}
	return ""
}

// RefusedError reports that the fetcher would not connect to an address.
type RefusedError struct {
	Addr   netip.Addr
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("evidence: refused to connect to %s: %s", e.Addr, e.Reason)
}
