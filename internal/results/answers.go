package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/openitas/itas/internal/scoring"
)

// answerDecoder turns a stored answers object into a respondent's item scores by layout slot.
// A national year decodes about 70 million answers, so the common case allocates nothing:
// the object is scanned in place, keys are looked up without conversion, and each slot
// remembers the answer codes it has met with their scores (Layout.Answer decides each code
// once). Only an object with escaped strings goes through encoding/json.
type answerDecoder struct {
	layout *scoring.Layout
	slots  map[string]int
	seen   [][]codeScore // per slot, the codes met so far
	items  []float64
	// order is the previous object's keys by position with their slots: stored objects have
	// sorted keys, so the next one mostly has the same key at the same place, and a string
	// comparison replaces a map lookup.
	order []keySlot
	pos   int
}

type keySlot struct {
	key  string
	slot int
}

type codeScore struct {
	code  string
	score float64
}

func newAnswerDecoder(l *scoring.Layout) *answerDecoder {
	d := &answerDecoder{layout: l, slots: make(map[string]int, len(l.Items)), seen: make([][]codeScore, len(l.Items)), items: make([]float64, len(l.Items))}
	for i, it := range l.Items {
		d.slots[it.Key] = i
	}
	return d
}

var errNoAnswer = errors.New("the response answers no item")

// decode returns the item scores of answers, NaN for an item left blank. The slice is the
// decoder's own and is overwritten by the next call.
func (d *answerDecoder) decode(answers []byte) ([]float64, error) {
	for i := range d.items {
		d.items[i] = math.NaN()
	}
	d.pos = 0
	n, err := eachPair(answers, d.set)
	if errors.Is(err, errEscaped) {
		for i := range d.items {
			d.items[i] = math.NaN()
		}
		d.pos = 0
		n, err = d.decodeEscaped(answers)
	}
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errNoAnswer
	}
	return d.items, nil
}

// set records one answer.
func (d *answerDecoder) set(key, code []byte) error {
	slot, err := d.slot(key)
	if err != nil {
		return err
	}
	for _, c := range d.seen[slot] {
		if c.code == string(code) {
			d.items[slot] = c.score
			return nil
		}
	}
	s := string(code)
	v, ok := d.layout.Answer(slot, s)
	if !ok {
		return fmt.Errorf("answer %q to item %s is not one of its options", code, key)
	}
	if len(d.seen[slot]) < 16 { // the options and their spellings; never grows without bound
		d.seen[slot] = append(d.seen[slot], codeScore{s, v})
	}
	d.items[slot] = v
	return nil
}

// slot returns the layout slot of the pos-th key of the object being decoded.
func (d *answerDecoder) slot(key []byte) (int, error) {
	at := d.pos
	d.pos++
	if at < len(d.order) && d.order[at].key == string(key) {
		return d.order[at].slot, nil
	}
	slot, ok := d.slots[string(key)] // a map index by string([]byte) does not allocate
	if !ok {
		return 0, fmt.Errorf("item %q is not in the framework's %s survey", key, d.layout.Instrument.ID)
	}
	ks := keySlot{d.layout.Items[slot].Key, slot}
	if at < len(d.order) {
		d.order[at] = ks
	} else if at == len(d.order) {
		d.order = append(d.order, ks)
	}
	return slot, nil
}

// decodeEscaped decodes an object whose strings use JSON escapes.
func (d *answerDecoder) decodeEscaped(answers []byte) (int, error) {
	var m map[string]string
	if err := json.Unmarshal(answers, &m); err != nil {
		return 0, fmt.Errorf("answers are not a JSON object of strings: %w", err)
	}
	for k, v := range m {
		if err := d.set([]byte(k), []byte(v)); err != nil {
			return 0, err
		}
	}
	return len(m), nil
}

var errEscaped = errors.New("escaped string")

// eachPair calls fn for every key and string value of a flat JSON object, in order, and
// returns how many pairs it saw. It returns errEscaped at the first string with a backslash,
// for the caller to decode the object the slow way; any other malformation is an error.
func eachPair(b []byte, fn func(key, value []byte) error) (int, error) {
	bad := func(what string) error { return fmt.Errorf("answers are not a JSON object of strings: %s", what) }
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return 0, bad("no opening brace")
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return 0, trailing(b, i+1)
	}
	n := 0
	for {
		key, next, err := readString(b, i)
		if err != nil {
			return n, err
		}
		i = skipSpace(b, next)
		if i >= len(b) || b[i] != ':' {
			return n, bad("no colon after a key")
		}
		value, next, err := readString(b, skipSpace(b, i+1))
		if err != nil {
			return n, err
		}
		if err := fn(key, value); err != nil {
			return n, err
		}
		n++
		i = skipSpace(b, next)
		switch {
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
		case i < len(b) && b[i] == '}':
			return n, trailing(b, i+1)
		default:
			return n, bad("no comma or closing brace after a value")
		}
	}
}

// readString reads the JSON string starting at b[i] and returns its contents and the index
// after its closing quote.
func readString(b []byte, i int) ([]byte, int, error) {
	if i >= len(b) || b[i] != '"' {
		return nil, i, errors.New("answers are not a JSON object of strings: a key or value is not a string")
	}
	for end := i + 1; end < len(b); end++ {
		switch b[end] {
		case '"':
			return b[i+1 : end], end + 1, nil
		case '\\':
			return nil, i, errEscaped
		}
	}
	return nil, i, errors.New("answers are not a JSON object of strings: unterminated string")
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func trailing(b []byte, i int) error {
	if skipSpace(b, i) != len(b) {
		return errors.New("answers are not a JSON object of strings: data after the closing brace")
	}
	return nil
}
