// Package audit defines the entries of the append-only audit log: who,
// in which role, on which agency, did what to which subject, with the
// state before and after, when and from where.
package audit

import (
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// Entry is one change of state.
//
// Actor is the username that acted ("system" for the system itself),
// Role its role; AgencyCode the agency the change concerns ("" if none).
// Action names what happened ("agency.update"); Subject names the thing
// changed (an agency code, a username, a fiscal year). Before and After
// are JSON texts of the thing's state ("" when it did not exist before or
// does not after). IP is the client address ("" for the system).
type Entry struct {
	ID         int64
	At         time.Time
	Actor      string
	Role       string
	AgencyCode string
	Action     string
	Subject    string
	Before     string
	After      string
	IP         string
}

// The actions the store records. Later features add their own.
const (
	ActionAgencyCreate    = "agency.create"
	ActionAgencyUpdate    = "agency.update"
	ActionAgencyImport    = "agency.import"
	ActionAgencyLogo      = "agency.logo"
	ActionAccountCreate   = "account.create"
	ActionAccountPassword = "account.password"
	ActionAccountProfile  = "account.profile"
	ActionAccountReset    = "account.reset"
	ActionAccountDisable  = "account.disable"
	ActionAccountEnable   = "account.enable"
	ActionAccountScope    = "account.scope"
	ActionYearCreate      = "year.create"
	ActionYearUpdate      = "year.update"
	ActionLogin           = "session.login"
	ActionLogout          = "session.logout"
)

// SystemActor is the Actor of changes made by the system itself
// (migrations, imports from the command line, the demo loader).
const SystemActor = "system"

// By returns an Entry naming who acts, from where: the template that
// store methods fill with the action, subject, agency and states.
func By(actor, role, ip string) Entry {
	return Entry{Actor: actor, Role: role, IP: ip}
}

// System returns the Entry template for changes made by the system.
func System() Entry { return Entry{Actor: SystemActor, Role: SystemActor} }

// Validate reports whether e can be appended: it needs an actor, an
// action and a time, and Before and After must each be "" or JSON.
// Errors are *apperr.Error with code Invalid.
func (e Entry) Validate() error {
	f := map[string]string{}
	if strings.TrimSpace(e.Actor) == "" {
		f["actor"] = "ไม่ระบุผู้ดำเนินการ"
	}
	if strings.TrimSpace(e.Action) == "" {
		f["action"] = "ไม่ระบุการดำเนินการ"
	}
	if e.At.IsZero() {
		f["at"] = "ไม่ระบุเวลา"
	}
	for k, v := range map[string]string{"before": e.Before, "after": e.After} {
		if v != "" && !json.Valid([]byte(v)) {
			f[k] = "ข้อมูลก่อนหรือหลังการเปลี่ยนแปลงไม่ใช่ JSON"
		}
	}
	if !utf8.ValidString(e.Subject) {
		f["subject"] = "ชื่อสิ่งที่ถูกเปลี่ยนแปลงไม่ใช่ UTF-8"
	}
	return apperr.Check(f)
}

// JSON returns v encoded as compact JSON, or "" for a nil v. Values that
// cannot be encoded (channels, functions) give "".
func JSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
