package web

import (
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
)

// surveyKit is what every path that takes survey responses shares — the public form, its
// JSON API, and the assessors' entry and import: the respondent hasher, one for the server so
// that a national ID hashes alike whichever way its answer comes in (one answer per ID holds
// across channels), the secret that keys it and the survey pages' sealer, and the forms of
// each framework year, built once.
type surveyKit struct {
	secret []byte
	hasher *survey.Hasher

	formsMu sync.Mutex
	forms   map[string]*survey.Form // "2563/iit" → form
}

// surveyKit returns the server's survey kit, building it on first use. The survey and tracking
// routes ask for it while New builds the route table, before any request runs. Without a
// configured secret (tests; `itas serve` always has one) it draws a random one, good for this
// process only, and says so in the log.
func (s *Server) surveyKit() *surveyKit {
	if s.kit != nil {
		return s.kit
	}
	secret := s.secret
	if len(secret) == 0 {
		secret = make([]byte, survey.MinSecretBytes)
		_, _ = rand.Read(secret)
		s.log.Warn("no server secret configured: respondent hashes last only until the server stops")
	}
	h, err := survey.NewHasher(secret)
	if err != nil {
		panic("web: " + err.Error()) // a short secret is a mistake of the program that built Deps
	}
	s.kit = &surveyKit{secret: secret, hasher: h, forms: map[string]*survey.Form{}}
	return s.kit
}

// form returns the form of a survey in a framework year, built once.
func (k *surveyKit) form(frameworkYear int, sv string) (*survey.Form, error) {
	key := fmt.Sprintf("%d/%s", frameworkYear, sv)
	k.formsMu.Lock()
	defer k.formsMu.Unlock()
	if f, ok := k.forms[key]; ok {
		return f, nil
	}
	fw, err := framework.Builtin(frameworkYear)
	if err != nil {
		return nil, apperr.Internal(err)
	}
	f, err := survey.NewForm(fw, sv)
	if err != nil {
		return nil, apperr.Internal(err)
	}
	k.forms[key] = f
	return f, nil
}
