package survey

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"strconv"
)

// MinSecretBytes is the shortest server secret NewHasher accepts.
const MinSecretBytes = 32

// Hasher turns a national ID into the keyed hash the store keeps to refuse a second answer:
// HMAC-SHA256 under a key derived from the server secret, over the fiscal year, the agency,
// the survey and the ID.
//
// Scoping the hash to one agency and survey means the same person answering two agencies'
// surveys leaves two unrelated hashes, so the respondent_keys table cannot be used to follow
// a person across agencies; and without the secret the hashes cannot be recomputed from the
// small space of valid IDs (about 10¹² values, quickly enumerated against a plain hash).
//
// The secret must stay the same for a whole year on every server, or a person could answer
// again; see `itas serve --secret-file`.
type Hasher struct {
	key []byte
}

// hashKeyLabel separates the hashing key from other keys derived from the same secret.
const hashKeyLabel = "itas/survey/respondent-key/v1"

// NewHasher returns a Hasher keyed by secret, which must hold at least MinSecretBytes bytes.
func NewHasher(secret []byte) (*Hasher, error) {
	if len(secret) < MinSecretBytes {
		return nil, errors.New("survey.NewHasher: the secret must hold at least 32 bytes")
	}
	return &Hasher{key: DeriveKey(secret, hashKeyLabel)}, nil
}

// Hash returns the 32-byte keyed hash of id for one survey (IIT or EIT) of one agency in one
// fiscal year. The parts are length-prefixed so that no two different scopes can give the
// same input.
func (h *Hasher) Hash(fiscalYear int, agencyCode, survey string, id NationalID) []byte {
	m := hmac.New(sha256.New, h.key)
	for _, part := range []string{strconv.Itoa(fiscalYear), agencyCode, survey, string(id)} {
		m.Write([]byte(strconv.Itoa(len(part))))
		m.Write([]byte{':'})
		m.Write([]byte(part))
	}
	return m.Sum(nil)
}

// DeriveKey returns a 32-byte key for one purpose, named by label, from the server secret
// (HMAC-SHA256 of the label under the secret), so that one secret can key the respondent
// hash and, for example, the web layer's sealed values without the keys being related.
func DeriveKey(secret []byte, label string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(label))
	return m.Sum(nil)
}
