package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// HashParams are argon2id parameters. Memory is in KiB.
type HashParams struct {
	Time    uint32
	Memory  uint32
	Threads uint8
	SaltLen int
	KeyLen  uint32
}

// DefaultHashParams follow the OWASP minimum for argon2id: t=2, m=19 MiB,
// p=1 (about 11 ms on the reference machine).
var DefaultHashParams = HashParams{Time: 2, Memory: 19 * 1024, Threads: 1, SaltLen: 16, KeyLen: 32}

// ErrMalformedHash is returned (wrapped) for a stored hash that is not an
// argon2id PHC string this package can read.
var ErrMalformedHash = errors.New("account: malformed password hash")

var b64 = base64.RawStdEncoding

// HashPassword returns password hashed with argon2id under
// DefaultHashParams, as a PHC string
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" with a fresh random salt.
func HashPassword(password string) string {
	return hashWith(DefaultHashParams, password)
}

func hashWith(p HashParams, password string) string {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		panic("account: crypto/rand failed: " + err.Error())
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

type decodedHash struct {
	params    HashParams
	salt, key []byte
}

func decodeHash(encoded string) (decodedHash, error) {
	var d decodedHash
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return d, ErrMalformedHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return d, fmt.Errorf("%w: version %q", ErrMalformedHash, parts[2])
	}
	p := &d.params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return d, fmt.Errorf("%w: parameters %q", ErrMalformedHash, parts[3])
	}
	if p.Time == 0 || p.Threads == 0 || p.Memory < 8*uint32(p.Threads) || p.Memory > 1<<22 {
		return d, fmt.Errorf("%w: parameters %q out of range", ErrMalformedHash, parts[3])
	}
	var err error
	if d.salt, err = b64.DecodeString(parts[4]); err != nil || len(d.salt) < 8 {
		return d, fmt.Errorf("%w: salt", ErrMalformedHash)
	}
	if d.key, err = b64.DecodeString(parts[5]); err != nil || len(d.key) < 16 {
		return d, fmt.Errorf("%w: key", ErrMalformedHash)
	}
	p.SaltLen, p.KeyLen = len(d.salt), uint32(len(d.key))
	return d, nil
}

// VerifyPassword reports whether password matches the PHC string
// encoded, comparing in constant time. It returns false and an error
// wrapping ErrMalformedHash when encoded cannot be read.
func VerifyPassword(encoded, password string) (bool, error) {
	d, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	p := d.params
	key := argon2.IDKey([]byte(password), d.salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(key, d.key) == 1, nil
}

// dummyHash is verified against when no account matches a login, so that
// an unknown username costs the same time as a wrong password.
var dummyHash = HashPassword("no such account")

// VerifyDummy spends the time of one VerifyPassword and returns false.
// Call it when the username is unknown or the account disabled, so that
// response times do not tell which usernames exist.
func VerifyDummy(password string) bool {
	_, _ = VerifyPassword(dummyHash, password)
	return false
}

// NeedsRehash reports whether encoded was made with parameters other than
// DefaultHashParams (or cannot be read), so that the caller should store
// a fresh HashPassword after the next successful login.
func NeedsRehash(encoded string) bool {
	d, err := decodeHash(encoded)
	if err != nil {
		return true
	}
	want := DefaultHashParams
	return d.params.Time != want.Time || d.params.Memory != want.Memory ||
		d.params.Threads != want.Threads || d.params.KeyLen != want.KeyLen ||
		d.params.SaltLen < want.SaltLen
}
