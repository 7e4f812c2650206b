package web

import (
	"slices"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/oit"
)

// OITIndicatorView is an OIT indicator (9, 10) with its sub-indicators, as the pages list
// the items.
type OITIndicatorView struct {
	ID, Name string
	Subs     []OITSubView
}

// OITSubView is a sub-indicator (9.1 ข้อมูลพื้นฐาน) with its items.
type OITSubView struct {
	ID, Name string
	Items    []OITItemView
}

// OITComponent is one data component of an item, with whether the assessor found it.
type OITComponent struct {
	Index int
	Text  string
	Found bool
}

// OITItemView is one item as the OIT pages show it: the framework's text and the record's
// item, with what the viewer may see of the results.
type OITItemView struct {
	ID, Title  string
	SubID      string
	SubName    string
	Components []OITComponent
	Item       oit.Item
	Answered   bool
	// OffSite lists the answer's URLs that are not on the agency's main website.
	OffSite []string
	Failed  bool // the executive did not pass it
	Passed  bool
	// ShowResult reports whether the viewer sees the assessor's score and comment.
	ShowResult bool
	Score      string // the assessor's score, when scored and shown
	Final      string // the score after clarification, when it differs or is decided
	FullMarks  bool
}

// oitView builds the view of item id of c's record for a viewer in language lang who sees
// results when showResults.
func oitView(lang Lang, c *oitCtx, id string, showResults bool) OITItemView {
	ref, _ := c.list.Item(id)
	it := c.rec.Item(id)
	v := OITItemView{
		ID: id, Title: itemTitle(lang, ref.Item), SubID: ref.SubIndicator.ID, SubName: subName(lang, ref.SubIndicator),
		Item: it, Answered: it.Answered(), OffSite: it.Answer.OffSite(c.ag.Website),
		Failed: it.Review.Verdict == oit.Fail, Passed: it.Review.Verdict == oit.Pass,
		ShowResult: showResults && it.Assessment.Scored,
	}
	for i, text := range ref.Item.Components {
		v.Components = append(v.Components, OITComponent{Index: i, Text: text,
			Found: showResults && slices.Contains(it.Assessment.Components, i)})
	}
	if v.ShowResult {
		v.Score = formatScore(it.Assessment.Score)
		v.FullMarks = it.Assessment.Score >= c.list.MaxScore()
		if it.Decision.Decided {
			v.Final = formatScore(it.Decision.Score)
		}
	}
	if !showResults {
		v.Item.Assessment, v.Item.Decision = oit.Assessment{}, oit.Decision{}
	}
	return v
}

// oitIndicators lists every item of c's checklist under its indicator and sub-indicator.
func oitIndicators(lang Lang, c *oitCtx, showResults bool) []OITIndicatorView {
	var out []OITIndicatorView
	for _, ind := range c.list.Instrument.Indicators {
		iv := OITIndicatorView{ID: ind.ID, Name: ind.Name}
		if lang == LangEN && ind.NameEN != "" {
			iv.Name = ind.NameEN
		}
		for k := range ind.SubIndicators {
			sub := &ind.SubIndicators[k]
			sv := OITSubView{ID: sub.ID, Name: subName(lang, sub)}
			for _, it := range sub.Items {
				sv.Items = append(sv.Items, oitView(lang, c, it.ID, showResults))
			}
			iv.Subs = append(iv.Subs, sv)
		}
		out = append(out, iv)
	}
	return out
}

func itemTitle(lang Lang, it *framework.OITItem) string {
	if lang == LangEN && it.TitleEN != "" {
		return it.TitleEN
	}
	return it.Title
}

func subName(lang Lang, sub *framework.SubIndicator) string {
	if lang == LangEN && sub.NameEN != "" {
		return sub.NameEN
	}
	return sub.Name
}

// percent returns part of whole in whole percent, 0 for an empty whole.
func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return part * 100 / whole
}
