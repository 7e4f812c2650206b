package audit

import (
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
)

func TestValidate(t *testing.T) {
	ok := Entry{At: time.Unix(1, 0), Actor: "admin", Action: ActionAgencyUpdate, Before: `{"a":1}`, After: `{"a":2}`}
	tests := []struct {
		name   string
		change func(*Entry)
		want   string // field with a message; "" means valid
	}{
		{"Valid", func(*Entry) {}, ""},
		{"NoActor", func(e *Entry) { e.Actor = " " }, "actor"},
		{"NoAction", func(e *Entry) { e.Action = "" }, "action"},
		{"NoTime", func(e *Entry) { e.At = time.Time{} }, "at"},
		{"BeforeNotJSON", func(e *Entry) { e.Before = "{" }, "before"},
		{"EmptyStatesAllowed", func(e *Entry) { e.Before, e.After = "", "" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.change(&e)
			err := e.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if apperr.FieldsOf(err)[tt.want] == "" {
				t.Errorf("Validate() = %v, want a message for %q", err, tt.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, ""},
		{map[string]int{"group": 3}, `{"group":3}`},
		{make(chan int), ""},
	}
	for _, tt := range tests {
		if got := JSON(tt.in); got != tt.want {
			t.Errorf("JSON(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFilterNormalized(t *testing.T) {
	got := Filter{Limit: -1, Offset: -5}.Normalized()
	if got.Limit != DefaultLimit || got.Offset != 0 {
		t.Errorf("Normalized() = %+v", got)
	}
	if got := (Filter{Limit: 10_000}).Normalized().Limit; got != MaxLimit {
		t.Errorf("Limit = %d, want %d", got, MaxLimit)
	}
}
