// Package scoreinput reads the files `itas score` takes — agencies, IIT and EIT answers, OIT
// item scores, as CSV or XLSX — into scoring inputs. It is strict: every problem is reported
// with its file, line and column, and any problem rejects the whole input, because a score
// computed from silently dropped rows would look right and be wrong.
package scoreinput

import (
	"fmt"
	"strings"
)

// maxErrors caps how many problems are collected before reading stops: enough to fix a file
// in one pass, few enough to read.
const maxErrors = 50

// Errors lists the problems found in the input files. Reading goes on past a bad row so that
// a person sees every problem at once.
type Errors struct {
	List []error
	// More counts problems not listed because the list reached its cap.
	More int
}

func (e *Errors) add(err error) {
	if err == nil {
		return
	}
	if len(e.List) >= maxErrors {
		e.More++
		return
	}
	e.List = append(e.List, err)
}

func (e *Errors) full() bool { return len(e.List) >= maxErrors }

func (e *Errors) merge(o *Errors) {
	for _, err := range o.List {
		e.add(err)
	}
	e.More += o.More
}

func (e *Errors) err() error {
	if len(e.List) == 0 {
		return nil
	}
	return e
}

func (e *Errors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the input has %d problem(s); nothing was scored:", len(e.List)+e.More)
	for _, err := range e.List {
		b.WriteString("\n  ")
		b.WriteString(err.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  … and %d more", e.More)
	}
	return b.String()
}
