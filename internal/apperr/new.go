package apperr

import (
	"errors"
	"fmt"
)

// New returns an *Error with the given code and user messages.
func New(code Code, msgTH, msgEN string) *Error {
	return &Error{Code: code, Message: msgTH, MessageEN: msgEN}
}

// Wrap returns an *Error with the given code and user messages that wraps
// err for operators.
func Wrap(err error, code Code, msgTH, msgEN string) *Error {
	return &Error{Code: code, Message: msgTH, MessageEN: msgEN, Err: err}
}

// Errorf returns an operator-facing *Error with the given code: its Err is
// fmt.Errorf(format, args...), so %w keeps the chain, and its user
// messages are empty, so users see the generic text for the code.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// Invalid returns a CodeInvalid error with the given user messages.
func Invalid(msgTH, msgEN string) *Error { return New(CodeInvalid, msgTH, msgEN) }

// NotFound returns a CodeNotFound error with the given user messages.
func NotFound(msgTH, msgEN string) *Error { return New(CodeNotFound, msgTH, msgEN) }

// Conflict returns a CodeConflict error with the given user messages.
func Conflict(msgTH, msgEN string) *Error { return New(CodeConflict, msgTH, msgEN) }

// Unauthorized returns a CodeUnauthorized error with the given user
// messages; empty messages fall back to the generic "please log in".
func Unauthorized(msgTH, msgEN string) *Error { return New(CodeUnauthorized, msgTH, msgEN) }

// Forbidden returns a CodeForbidden error with the given user messages;
// empty messages fall back to the generic "not allowed".
func Forbidden(msgTH, msgEN string) *Error { return New(CodeForbidden, msgTH, msgEN) }

// PhaseClosed returns a CodePhaseClosed error with the given user messages.
func PhaseClosed(msgTH, msgEN string) *Error { return New(CodePhaseClosed, msgTH, msgEN) }

// RateLimited returns a CodeRateLimited error with the given user messages.
func RateLimited(msgTH, msgEN string) *Error { return New(CodeRateLimited, msgTH, msgEN) }

// Internal returns a CodeInternal error wrapping err; users see only the
// generic message.
func Internal(err error) *Error { return &Error{Code: CodeInternal, Err: err} }

// Fields returns a CodeInvalid error carrying per-field Thai messages.
// pairs alternate field name and message; a trailing odd element is
// ignored. The overall messages are generic ("check the marked fields").
func Fields(pairs ...string) *Error {
	f := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		f[pairs[i]] = pairs[i+1]
	}
	return FieldErrors(f)
}

// FieldErrors returns a CodeInvalid error carrying the field messages f
// (not copied). It never returns nil; validators should use Check.
func FieldErrors(f map[string]string) *Error {
	return &Error{
		Code:      CodeInvalid,
		Message:   "ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่มีข้อความแจ้ง",
		MessageEN: "Invalid input: check the marked fields",
		Fields:    f,
	}
}

// Check returns FieldErrors(f) when f has messages and a true nil error
// when f is empty, so that a validator can end with `return apperr.Check(f)`.
func Check(f map[string]string) error {
	if len(f) == 0 {
		return nil
	}
	return FieldErrors(f)
}

// Join combines two errors from validators: nil if both are nil, the
// other one if either is nil, one CodeInvalid error with the union of
// their field messages if both carry fields (a wins on the same field),
// and errors.Join(a, b) otherwise.
func Join(a, b error) error {
	fa, fb := FieldsOf(a), FieldsOf(b)
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case fa == nil || fb == nil:
		return errors.Join(a, b)
	}
	f := make(map[string]string, len(fa)+len(fb))
	for k, v := range fb {
		f[k] = v
	}
	for k, v := range fa {
		f[k] = v
	}
	return FieldErrors(f)
}
