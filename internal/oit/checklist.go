package oit

import (
	"fmt"
	"slices"
	"sync"

	"github.com/openitas/itas/internal/framework"
)

// Checklist is the OIT instrument of a year's framework as the workflow uses it: its items in
// order and the scores an assessor may give.
type Checklist struct {
	Framework  *framework.Framework
	Instrument *framework.Instrument
	// ItemIDs lists every item id in the framework's order (o1 … o43).
	ItemIDs []string
}

// NewChecklist returns the checklist of fw; an error when fw has no checklist instrument or
// it has no item scores.
func NewChecklist(fw *framework.Framework) (*Checklist, error) {
	for i := range fw.Instruments {
		ins := &fw.Instruments[i]
		if ins.Kind != framework.KindChecklist {
			continue
		}
		if len(ins.ItemScores) == 0 {
			return nil, fmt.Errorf("oit: framework %d: %s has no item scores", fw.Year, ins.ID)
		}
		c := &Checklist{Framework: fw, Instrument: ins}
		for _, ind := range ins.Indicators {
			for _, sub := range ind.SubIndicators {
				for _, it := range sub.Items {
					c.ItemIDs = append(c.ItemIDs, it.ID)
				}
			}
		}
		return c, nil
	}
	return nil, fmt.Errorf("oit: framework %d has no checklist instrument", fw.Year)
}

var checklists sync.Map // framework year → *Checklist

// ChecklistOf returns the checklist of the built-in framework of a year, parsed once.
func ChecklistOf(frameworkYear int) (*Checklist, error) {
	if c, ok := checklists.Load(frameworkYear); ok {
		return c.(*Checklist), nil
	}
	fw, err := framework.Builtin(frameworkYear)
	if err != nil {
		return nil, err
	}
	c, err := NewChecklist(fw)
	if err != nil {
		return nil, err
	}
	actual, _ := checklists.LoadOrStore(frameworkYear, c)
	return actual.(*Checklist), nil
}

// Item returns an item of the checklist by id.
func (c *Checklist) Item(id string) (framework.OITRef, bool) {
	ref, ok := c.Framework.OITItem(id)
	if !ok || ref.Instrument != c.Instrument {
		return framework.OITRef{}, false
	}
	return ref, true
}

// Total returns the number of items.
func (c *Checklist) Total() int { return len(c.ItemIDs) }

// Scores returns the scores an assessor may give an item (0/100 in 2563, 0/50/100 in 2568).
func (c *Checklist) Scores() []float64 { return c.Instrument.ItemScores }

// MaxScore returns the highest score an item may get.
func (c *Checklist) MaxScore() float64 { return slices.Max(c.Instrument.ItemScores) }

// ValidScore reports whether an item may get score s.
func (c *Checklist) ValidScore(s float64) bool { return slices.Contains(c.Instrument.ItemScores, s) }

// Next returns the item after id in the checklist's order, and whether there is one.
func (c *Checklist) Next(id string) (string, bool) {
	i := slices.Index(c.ItemIDs, id)
	if i < 0 || i+1 >= len(c.ItemIDs) {
		return "", false
	}
	return c.ItemIDs[i+1], true
}

// Prev returns the item before id in the checklist's order, and whether there is one.
func (c *Checklist) Prev(id string) (string, bool) {
	i := slices.Index(c.ItemIDs, id)
	if i <= 0 {
		return "", false
	}
	return c.ItemIDs[i-1], true
}

// Progress returns how many of the checklist's items r answers, and how many there are.
func (c *Checklist) Progress(r Record) (answered, total int) {
	for _, id := range c.ItemIDs {
		if r.Item(id).Answered() {
			answered++
		}
	}
	return answered, len(c.ItemIDs)
}
