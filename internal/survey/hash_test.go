package survey

import (
	"bytes"
	"testing"
)

var testSecret = bytes.Repeat([]byte{7}, 32)

func TestHasherScope(t *testing.T) {
	h, err := NewHasher(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	id := NationalID("1101700203450")
	base := h.Hash(2570, "1500100", IIT, id)
	if len(base) != 32 {
		t.Fatalf("hash length %d, want 32", len(base))
	}
	if !bytes.Equal(base, h.Hash(2570, "1500100", IIT, id)) {
		t.Fatal("the same scope and ID give different hashes")
	}
	other, _ := NewHasher(bytes.Repeat([]byte{8}, 32))
	differ := map[string][]byte{
		"OtherYear":    h.Hash(2571, "1500100", IIT, id),
		"OtherAgency":  h.Hash(2570, "1500200", IIT, id),
		"OtherSurvey":  h.Hash(2570, "1500100", EIT, id),
		"OtherID":      h.Hash(2570, "1500100", IIT, NationalID("3101500123459")),
		"OtherSecret":  other.Hash(2570, "1500100", IIT, id),
		"ShiftedParts": h.Hash(2570, "150010", "0"+IIT, id),
	}
	for name, got := range differ {
		if bytes.Equal(got, base) {
			t.Errorf("%s: same hash as the base scope", name)
		}
	}
}

func TestHasherNeedsLongSecret(t *testing.T) {
	if _, err := NewHasher(make([]byte, 16)); err == nil {
		t.Error("NewHasher accepted a 16-byte secret")
	}
}
