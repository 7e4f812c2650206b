package store

import (
	"encoding/json"
	"maps"
	"testing"
)

func TestJSONObject(t *testing.T) {
	for _, m := range []map[string]string{
		nil,
		{"i1.1": "4", "i4.1": "ไม่มี", "i10": "1"},
		{"quote": `he said "no"`, "back\\slash": "a\\b", "ctl": "line\nbreak\ttab\x01", "bad": "\xff\xfe", "html": "<a>&</a>"},
	} {
		got := jsonObject(m)
		var back map[string]string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatalf("jsonObject(%q) = %s: %v", m, got, err)
		}
		want, _ := json.Marshal(m)
		var wantBack map[string]string
		json.Unmarshal(want, &wantBack)
		if !maps.Equal(back, wantBack) {
			t.Errorf("jsonObject(%q) reads back as %q, want %q", m, back, wantBack)
		}
	}
	if got := jsonObject(map[string]string{"b": "2", "a": "1"}); got != `{"a":"1","b":"2"}` {
		t.Errorf("keys not sorted: %s", got)
	}
}
