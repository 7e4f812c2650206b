package web

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"time"

	"github.com/openitas/itas/internal/survey"
)

// sealTTL is how long a respondent has between the national ID page and sending the answers.
// A phone left on the form over a long lunch still works; a copied page does not work for
// days.
const sealTTL = 4 * time.Hour

// sealer carries the respondent's key between the steps of the form without putting it in a
// URL or keeping it on the server: the ID page turns the national ID into its keyed hash at
// once and hands the browser the hash sealed with AES-256-GCM (a key derived from the server
// secret), bound to the link's token and with an expiry. The answers page sends it back in a
// hidden field; only this server can open it, and the national ID itself is never seen again.
type sealer struct {
	aead cipher.AEAD
}

func newSealer(secret []byte) *sealer {
	block, err := aes.NewCipher(survey.DeriveKey(secret, "itas/web/respondent-seal/v1"))
	if err != nil {
		panic("web: " + err.Error()) // a 32-byte key always makes a cipher
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic("web: " + err.Error())
	}
	return &sealer{aead: aead}
}

// errSeal is returned by open for a value that is not a live seal of this token.
var errSeal = errors.New("respondent seal invalid or expired")

// seal returns the sealed idHash for the link token, valid until now+sealTTL.
func (s *sealer) seal(token string, idHash []byte, now time.Time) string {
	plain := make([]byte, 8, 8+len(idHash))
	binary.BigEndian.PutUint64(plain, uint64(now.Add(sealTTL).Unix()))
	plain = append(plain, idHash...)
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	_, _ = rand.Read(nonce)
	return base64.RawURLEncoding.EncodeToString(s.aead.Seal(nonce, nonce, plain, []byte(token)))
}

// open returns the idHash sealed for the link token, or errSeal when the value was not made
// by this server for this token, was altered, or has expired.
func (s *sealer) open(token, sealed string, now time.Time) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(sealed)
	ns := s.aead.NonceSize()
	if err != nil || len(b) < ns+8+s.aead.Overhead() {
		return nil, errSeal
	}
	plain, err := s.aead.Open(nil, b[:ns], b[ns:], []byte(token))
	if err != nil || len(plain) < 8 {
		return nil, errSeal
	}
	if now.Unix() > int64(binary.BigEndian.Uint64(plain[:8])) {
		return nil, errSeal
	}
	return plain[8:], nil
}
