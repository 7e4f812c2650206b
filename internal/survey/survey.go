// Package survey holds the rules of the IIT and EIT perception surveys that do not depend on
// storage or HTTP: the channels a response arrives by, the response as it is stored, and (in
// the files beside this one) the respondent's form built from the year's framework, the
// national ID check and the keyed hash that stands in for it.
//
// Privacy is the design constraint of this package and of the tables behind it: a national
// ID never leaves memory; only a keyed hash of it, scoped to one year, agency and survey, is
// stored, in a table that shares no column, id, time or order with the answers. Suggestions
// are stored apart from the answers too, so that a suggestion cannot be traced to the
// answers that came with it.
package survey

import "time"

// The survey instruments collected through ITAS, as named in the frameworks.
const (
	IIT = "iit" // internal stakeholders: the agency's staff
	EIT = "eit" // external stakeholders: the agency's service users
)

// Channel is how a response reached ITAS; every stored response records it.
type Channel string

// The channels.
const (
	ChannelLink   Channel = "link"   // the public link or its QR code, in a browser
	ChannelAPI    Channel = "api"    // POST /api/v1/s/{token}/responses (kiosks, apps)
	ChannelPhone  Channel = "phone"  // entered by an assessor from a telephone interview
	ChannelField  Channel = "field"  // entered by an assessor from a field visit
	ChannelImport Channel = "import" // imported by an assessor from a CSV/XLSX file
)

// Channels lists every channel.
var Channels = []Channel{ChannelLink, ChannelAPI, ChannelPhone, ChannelField, ChannelImport}

// Valid reports whether c is one of Channels.
func (c Channel) Valid() bool {
	for _, x := range Channels {
		if c == x {
			return true
		}
	}
	return false
}

// Response is one respondent's answers as they are stored: nothing in it identifies the
// respondent, and it carries only the day (in Bangkok) it arrived, not the time, so that it
// cannot be lined up with anything else recorded at that moment.
type Response struct {
	FiscalYear int
	AgencyCode string
	Survey     string // IIT or EIT
	Channel    Channel
	Day        time.Time         // midnight in Bangkok of the day it was received
	Answers    map[string]string // item key ("i1.1") → answer code as in the framework ("4", "มี")
	Profile    map[string]string // demographic question id → option code; may be empty
}

// Submission is a response on its way in: the Response plus what must never be stored with
// it. The web layer builds it; the store turns IDHash into a row of its own.
type Submission struct {
	Response
	// IDHash is the keyed hash of the respondent's national ID for this year, agency and
	// survey (see Hasher); the store refuses a second submission with the same hash.
	IDHash []byte
	// Suggestion is the respondent's free-text suggestion, "" when none; stored apart.
	Suggestion string
}
