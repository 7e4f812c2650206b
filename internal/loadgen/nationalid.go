package loadgen

import "strconv"

// MaxIDs is how many distinct national IDs NationalID can make.
const MaxIDs = 8 * 100_000_000_000

// NationalID returns the n-th of MaxIDs distinct, valid Thai national IDs: 13 digits whose
// first digit is 1–8 (the person categories in use), followed by eleven digits of n and the
// mod-11 check digit of the Ministry of Interior's rule. n must be in [0, MaxIDs).
//
// The IDs are made up: they pass the check a respondent's form applies, which is all the
// load generator needs, and say nothing about any real person.
func NationalID(n uint64) string {
	if n >= MaxIDs {
		panic("loadgen.NationalID: n out of range")
	}
	var d [13]byte
	d[0] = byte('1' + n/100_000_000_000)
	rest := n % 100_000_000_000
	for i := 11; i >= 1; i-- {
		d[i] = byte('0' + rest%10)
		rest /= 10
	}
	d[12] = checkDigit(d[:12])
	return string(d[:])
}

// checkDigit is the mod-11 check digit of twelve ASCII digits: 11 minus the sum of the digits
// weighted 13 down to 2, modulo 11, then modulo 10.
func checkDigit(d []byte) byte {
	sum := 0
	for i, c := range d {
		sum += int(c-'0') * (13 - i)
	}
	return byte('0' + (11-sum%11)%10)
}

// ipv4 returns the n-th address of 10.0.0.0/8 after 10.0.0.1, as a stand-in for one phone's
// address in X-Forwarded-For.
func ipv4(n int) string {
	n++
	return "10." + strconv.Itoa(n>>16&255) + "." + strconv.Itoa(n>>8&255) + "." + strconv.Itoa(n&255)
}
