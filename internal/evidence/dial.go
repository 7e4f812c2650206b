package evidence

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// Resolver looks up the addresses of a host name. *net.Resolver implements it; tests give one
// that answers what they need, including a different answer the second time.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// dialer connects only to addresses classify allows. The check runs in the socket's Control
// function, on the very address the socket is about to connect to, after every DNS lookup and
// for every connection of every redirect hop — so neither a redirect to a private address nor
// a DNS answer that changes between two lookups (rebinding) can slip through, and nothing
// else (a proxy from the environment, a cached connection) stands between check and connect.
type dialer struct {
	net      net.Dialer
	resolver Resolver
	// allowed reports whether the address may be connected to; by default classify with the
	// fetcher's AllowLoopback. Tests replace it to treat one local server as "public".
	allowed func(netip.AddrPort) error
}

func newDialer(o Options) *dialer {
	d := &dialer{resolver: o.Resolver}
	if d.resolver == nil {
		d.resolver = net.DefaultResolver
	}
	d.allowed = o.allowAddr
	if d.allowed == nil {
		allowLoopback := o.AllowLoopback
		d.allowed = func(ap netip.AddrPort) error {
			if why := classify(ap.Addr(), allowLoopback); why != "" {
				return &RefusedError{Addr: ap.Addr(), Reason: why}
			}
			return nil
		}
	}
	d.net = net.Dialer{Timeout: o.ConnectTimeout, Control: d.control}
	return d
}

// control is net.Dialer.Control: it refuses the connection before any packet leaves when the
// address is not allowed.
func (d *dialer) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("evidence: cannot check address %q: %w", address, err)
	}
	return d.allowed(ap)
}

// DialContext resolves the host itself (through the Resolver) and tries each address in turn;
// every attempt passes through control.
func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = d.resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, &net.OpError{Op: "dial", Net: network, Err: err}
		}
		if len(ips) == 0 {
			return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}}
		}
	}
	var errs []error
	for _, ip := range ips {
		c, err := d.net.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// refusal returns the RefusedError in err's chain, or nil.
func refusal(err error) *RefusedError {
	var re *RefusedError
	if errors.As(err, &re) {
		return re
	}
	return nil
}
