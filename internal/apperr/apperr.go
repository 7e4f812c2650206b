// Package apperr defines the one application error type of ITAS.
//
// Domain and storage code return *Error values carrying a Code; the web
// layer maps each Code to an HTTP status in one table and shows Message
// (Thai) or MessageEN to users, while operators see the whole wrapped
// chain through Error(). Nothing here knows about HTTP.
package apperr

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// Code classifies an application error. The zero Code means CodeInternal.
type Code string

// The error codes.
const (
	CodeInternal     Code = "internal"     // a bug or an unavailable dependency
	CodeInvalid      Code = "invalid"      // the input breaks a rule; see Fields
	CodeNotFound     Code = "not_found"    // the thing asked for does not exist
	CodeConflict     Code = "conflict"     // the thing already exists or changed meanwhile
	CodeUnauthorized Code = "unauthorized" // no valid login
	CodeForbidden    Code = "forbidden"    // logged in, but role or agency scope does not allow it
	CodePhaseClosed  Code = "phase_closed" // the assessment phase for this action is not open
	CodeRateLimited  Code = "rate_limited" // too many attempts; try later
)

// Codes lists every code, for tables that must cover them all.
var Codes = []Code{
	CodeInternal, CodeInvalid, CodeNotFound, CodeConflict,
	CodeUnauthorized, CodeForbidden, CodePhaseClosed, CodeRateLimited,
}

// Error is the application error.
//
// Message is shown to users in Thai and MessageEN in English; either may
// be empty, and then MessageOf / MessageENOf supply a generic text for
// the code. Fields maps a form field name to a Thai message shown beside
// that field; it is nil unless the error is about fields. Err is the
// wrapped cause, for operators and errors.Is/As; it may be nil.
type Error struct {
	Code      Code
	Message   string
	MessageEN string
	Fields    map[string]string
	Err       error
}

// Error returns the code, the English (or else Thai) message, the field
// messages and the wrapped error, for logs.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.code()))
	msg := e.MessageEN
	if msg == "" {
		msg = e.Message
	}
	if msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	if len(e.Fields) > 0 {
		b.WriteString(" [")
		for i, k := range slices.Sorted(maps.Keys(e.Fields)) {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(k + ": " + e.Fields[k])
		}
		b.WriteString("]")
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the wrapped cause, or nil.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) code() Code {
	if e.Code == "" {
		return CodeInternal
	}
	return e.Code
}

// CodeOf returns the code of the first *Error in err's chain, "" for a
// nil err, and CodeInternal for any other error.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	if e := As(err); e != nil {
		return e.code()
	}
	return CodeInternal
}

// Is reports whether err's chain holds an *Error with the given code.
// Is(err, CodeInternal) also holds for errors that are not *Error.
func Is(err error, code Code) bool {
	return err != nil && CodeOf(err) == code
}

// As returns the first *Error in err's chain, or nil if there is none.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// FieldsOf returns the per-field Thai messages of the first *Error in
// err's chain, or nil.
func FieldsOf(err error) map[string]string {
	if e := As(err); e != nil {
		return e.Fields
	}
	return nil
}
