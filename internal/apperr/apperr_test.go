package apperr

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

func TestCodeOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want Code
	}{
		{"Nil", nil, ""},
		{"Plain", io.EOF, CodeInternal},
		{"Direct", NotFound("ไม่พบ", "not found"), CodeNotFound},
		{"Wrapped", fmt.Errorf("store.FindAgencyByCode: %w", Conflict("", "")), CodeConflict},
		{"ZeroCode", &Error{}, CodeInternal},
		{"Errorf", Errorf(CodePhaseClosed, "closed: %w", io.EOF), CodePhaseClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CodeOf(tt.err); got != tt.want {
				t.Errorf("CodeOf(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

func TestErrorfKeepsChain(t *testing.T) {
	err := Errorf(CodeNotFound, "find %q: %w", "x", io.EOF)
	if !errors.Is(err, io.EOF) {
		t.Errorf("errors.Is(%v, io.EOF) = false, want true", err)
	}
	if got, want := err.Error(), `not_found: find "x": EOF`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		wantTH string
		wantEN string
	}{
		{"Own", Invalid("ผิด", "wrong"), "ผิด", "wrong"},
		{"Generic", Forbidden("", ""), genericTH[CodeForbidden], genericEN[CodeForbidden]},
		{"PlainNeverLeaks", errors.New("pq: secret"), genericTH[CodeInternal], genericEN[CodeInternal]},
		{"InternalNeverLeaks", Wrap(io.EOF, CodeInternal, "ภายใน", "inner"), genericTH[CodeInternal], genericEN[CodeInternal]},
		{"Nil", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MessageOf(tt.err); got != tt.wantTH {
				t.Errorf("MessageOf = %q, want %q", got, tt.wantTH)
			}
			if got := MessageENOf(tt.err); got != tt.wantEN {
				t.Errorf("MessageENOf = %q, want %q", got, tt.wantEN)
			}
		})
	}
}

func TestGenericMessagesCoverEveryCode(t *testing.T) {
	for _, c := range Codes {
		if genericTH[c] == "" || genericEN[c] == "" {
			t.Errorf("code %q lacks a generic message", c)
		}
	}
}

func TestFields(t *testing.T) {
	err := Fields("name", "กรุณากรอกชื่อ", "group", "กลุ่มต้องเป็น 1–10", "odd")
	if got, want := len(err.Fields), 2; got != want {
		t.Fatalf("len(Fields) = %d, want %d", got, want)
	}
	if got, want := err.Error(), "invalid: Invalid input: check the marked fields [group: กลุ่มต้องเป็น 1–10; name: กรุณากรอกชื่อ]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if err := Check(nil); err != nil {
		t.Errorf("Check(nil) = %v, want nil", err)
	}
	if got := CodeOf(Check(map[string]string{"a": "b"})); got != CodeInvalid {
		t.Errorf("CodeOf(Check(...)) = %q, want invalid", got)
	}
}

func TestJoin(t *testing.T) {
	a, b := Fields("x", "a"), Fields("x", "b", "y", "c")
	got := FieldsOf(Join(a, b))
	if got["x"] != "a" || got["y"] != "c" || len(got) != 2 {
		t.Errorf("FieldsOf(Join) = %v, want map[x:a y:c]", got)
	}
	if Join(nil, nil) != nil {
		t.Errorf("Join(nil, nil) != nil")
	}
}
