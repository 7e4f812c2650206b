package evidence

import (
	"net/netip"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		ip       string
		loopback bool // AllowLoopback
		refused  bool
	}{
		// Public addresses pass.
		{"203.150.19.1", false, false},  // a Thai ISP
		{"164.115.22.10", false, false}, // a .go.th host
		{"8.8.8.8", false, false},
		{"2001:4860:4860::8888", false, false},
		{"2405:9800:b900::1", false, false}, // Thai IPv6
		{"::ffff:203.150.19.1", false, false},

		// Loopback, refused unless allowed.
		{"127.0.0.1", false, true},
		{"127.1.2.3", false, true},
		{"::1", false, true},
		{"::ffff:127.0.0.1", false, true},
		{"127.0.0.1", true, false},
		{"::1", true, false},
		{"::ffff:127.0.0.1", true, false},
		// AllowLoopback allows loopback only.
		{"10.0.0.1", true, true},
		{"169.254.169.254", true, true},

		// Private, CGNAT, link-local, metadata.
		{"10.1.2.3", false, true},
		{"172.16.0.1", false, true},
		{"172.31.255.255", false, true},
		{"192.168.1.1", false, true},
		{"100.64.0.1", false, true},
		{"100.100.100.200", false, true}, // Alibaba Cloud metadata
		{"169.254.169.254", false, true}, // AWS, GCP, Azure metadata
		{"169.254.170.2", false, true},   // ECS task metadata
		{"192.0.0.192", false, true},     // Oracle Cloud metadata
		{"fd00:ec2::254", false, true},   // AWS IPv6 metadata
		{"fe80::1", false, true},
		{"fe80::1%eth0", false, true},
		{"fc00::1", false, true},
		{"::ffff:169.254.169.254", false, true},
		{"::ffff:10.0.0.1", false, true},

		// Unspecified, multicast, broadcast, reserved, documentation, translation.
		{"0.0.0.0", false, true},
		{"0.1.2.3", false, true},
		{"::", false, true},
		{"224.0.0.1", false, true},
		{"239.255.255.250", false, true},
		{"ff02::1", false, true},
		{"255.255.255.255", false, true},
		{"240.0.0.1", false, true},
		{"192.0.2.1", false, true},
		{"198.51.100.7", false, true},
		{"203.0.113.9", false, true},
		{"198.18.0.1", false, true},
		{"2001:db8::1", false, true},
		{"64:ff9b::a00:1", false, true}, // NAT64 of 10.0.0.1
		{"::a00:1", false, true},        // IPv4-compatible 10.0.0.1
		{"2002:a00:1::1", false, true},  // 6to4 of 10.0.0.1
		{"2001::1", false, true},        // Teredo
		{"fec0::1", false, true},        // site-local
		{"100::1", false, true},         // discard
	}
	for _, tt := range tests {
		ip := netip.MustParseAddr(tt.ip)
		why := classify(ip, tt.loopback)
		if got := why != ""; got != tt.refused {
			t.Errorf("classify(%s, loopback=%v) = %q; refused = %v, want %v", tt.ip, tt.loopback, why, got, tt.refused)
		}
	}
}

// FuzzClassify checks the classifier against the standard library's own tests of address
// kinds: whatever netip calls loopback, private, link-local, multicast or unspecified is
// refused, and the IPv4-mapped form of an address is judged like the address.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "10.0.0.1", "8.8.8.8", "::1", "fe80::1", "fd00:ec2::254", "2001:4860::1", "169.254.169.254"} {
		ip := netip.MustParseAddr(s)
		f.Add(ip.AsSlice())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ip, ok := netip.AddrFromSlice(b)
		if !ok {
			return
		}
		why := classify(ip, false)
		u := ip.Unmap()
		if (u.IsLoopback() || u.IsPrivate() || u.IsLinkLocalUnicast() || u.IsLinkLocalMulticast() ||
			u.IsInterfaceLocalMulticast() || u.IsMulticast() || u.IsUnspecified()) && why == "" {
			t.Errorf("classify(%s) allowed an address netip calls special", ip)
		}
		if ip.Is4() {
			mapped := netip.AddrFrom16(ip.As16())
			if (classify(mapped, false) == "") != (why == "") {
				t.Errorf("classify(%s) and classify(%s) disagree", ip, mapped)
			}
		}
		if !u.IsLoopback() && (classify(ip, true) == "") != (why == "") {
			t.Errorf("AllowLoopback changed the verdict on %s, which is not loopback", ip)
		}
	})
}
