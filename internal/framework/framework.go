// Package framework describes an ITA assessment framework: the instruments, indicators,
// questions, OIT items, answer scales, weights, rating rule and minimum-sample rule of one
// fiscal year. Frameworks change from year to year, so they are data (one YAML file per year,
// embedded in the binary) and this package only loads, validates and looks them up.
//
// The package is pure: it does no I/O beyond decoding bytes it is given.
package framework

// How a checklist indicator averages (Instrument.IndicatorMean).
const (
	MeanOfSubIndicators = "subindicators"
	MeanOfItems         = "items"
)

// Instrument kinds.
const (
	KindSurvey    = "survey"    // IIT, EIT: perception surveys scored from respondents' answers
	KindChecklist = "checklist" // OIT: disclosure items scored by assessors
)

// Framework is one fiscal year's assessment framework.
type Framework struct {
	// Year is the fiscal year in the Buddhist era (2563 = fiscal year 2020).
	Year    int    `yaml:"year" json:"year"`
	Title   string `yaml:"title" json:"title"`
	TitleEN string `yaml:"title_en" json:"title_en"`
	// Source names the documents the file was written from.
	Source string `yaml:"source" json:"source"`
	// Assumptions lists what the system reads into its sources where they are silent, so that a
	// reader can tell the manual's rules from the system's choices.
	Assumptions []string `yaml:"assumptions" json:"assumptions"`

	AnswerTypes   []AnswerType `yaml:"answer_types" json:"answer_types"`
	Instruments   []Instrument `yaml:"instruments" json:"instruments"`
	Rating        RatingRule   `yaml:"rating" json:"rating"`
	MinimumSample SampleRule   `yaml:"minimum_sample" json:"minimum_sample"`

	ix index // lookups, built by Parse
}

// AnswerType is a closed set of answers a survey question accepts, such as the four-level
// scale or มี/ไม่มี.
type AnswerType struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Options []Option `yaml:"options" json:"options"`
}

// Option is one answer of an AnswerType.
type Option struct {
	// Code is the canonical spelling used in files and the API ("1"…"4", "มี", "ไม่มี").
	Code string `yaml:"code" json:"code"`
	// Aliases are other accepted spellings ("yes", "no"); matching ignores case.
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Label   string   `yaml:"label" json:"label"`
	LabelEN string   `yaml:"label_en" json:"label_en"`
	// Score is what the answer is worth, 0–100, for a positively worded item. A negatively
	// worded item is worth 100 − Score.
	Score float64 `yaml:"score" json:"score"`
}

// Instrument is IIT, EIT or OIT.
type Instrument struct {
	ID     string `yaml:"id" json:"id"`
	Name   string `yaml:"name" json:"name"`
	NameEN string `yaml:"name_en" json:"name_en"`
	Kind   string `yaml:"kind" json:"kind"`
	// Weight is the instrument's share of the total, in percent; the weights sum to 100.
	Weight float64 `yaml:"weight" json:"weight"`
	// Population says whose count sets the minimum sample of a survey: "internal" or "external".
	Population string `yaml:"population,omitempty" json:"population,omitempty"`
	// Parts, when present, means a survey is collected in parts that each ask every question
	// and are scored separately; the instrument's score is the mean of the parts' scores.
	Parts []Part `yaml:"parts,omitempty" json:"parts,omitempty"`
	// ItemScores are the scores an assessor may give a checklist item (0/100, or 0/50/100).
	ItemScores []float64 `yaml:"item_scores,omitempty" json:"item_scores,omitempty"`
	// IndicatorMean says how a checklist indicator's score is formed: "subindicators" (the
	// default; the mean of its sub-indicators, each the mean of its items — manual 2563, 3.1)
	// or "items" (the plain mean of all its items, which is what the published 2568 figures
	// reproduce).
	IndicatorMean string      `yaml:"indicator_mean,omitempty" json:"indicator_mean,omitempty"`
	Indicators    []Indicator `yaml:"indicators" json:"indicators"`
}

// Part is one collection part of a survey instrument (EIT ส่วนที่ 1, ส่วนที่ 2).
type Part struct {
	Number      int    `yaml:"number" json:"number"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Indicator is a numbered indicator (ตัวชี้วัด). A survey indicator holds questions; a checklist
// indicator holds sub-indicators, which hold items.
type Indicator struct {
	ID            string         `yaml:"id" json:"id"`
	Name          string         `yaml:"name" json:"name"`
	NameEN        string         `yaml:"name_en" json:"name_en"`
	Description   string         `yaml:"description,omitempty" json:"description,omitempty"`
	Questions     []Question     `yaml:"questions,omitempty" json:"questions,omitempty"`
	SubIndicators []SubIndicator `yaml:"subindicators,omitempty" json:"subindicators,omitempty"`
}

// Question is a survey question (i1, e3). A question that asks about several things has
// sub-items, each answered and scored on its own; the question's score for one respondent is
// the mean of the sub-items answered.
type Question struct {
	ID     string `yaml:"id" json:"id"`
	Text   string `yaml:"text" json:"text"`
	TextEN string `yaml:"text_en,omitempty" json:"text_en,omitempty"`
	// Answer is the id of the question's AnswerType.
	Answer string `yaml:"answer" json:"answer"`
	// Note is the หมายเหตุ shown to respondents.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// Negative reports whether a single-part question is negatively worded (more is worse).
	Negative bool      `yaml:"negative,omitempty" json:"negative,omitempty"`
	SubItems []SubItem `yaml:"subitems,omitempty" json:"subitems,omitempty"`
}

// SubItem is one thing a multi-part question asks about (i1: ตามขั้นตอนที่กำหนด).
type SubItem struct {
	Text     string `yaml:"text" json:"text"`
	TextEN   string `yaml:"text_en,omitempty" json:"text_en,omitempty"`
	Negative bool   `yaml:"negative,omitempty" json:"negative,omitempty"`
}

// SubIndicator groups OIT items (9.1 ข้อมูลพื้นฐาน).
type SubIndicator struct {
	ID     string    `yaml:"id" json:"id"`
	Name   string    `yaml:"name" json:"name"`
	NameEN string    `yaml:"name_en" json:"name_en"`
	Items  []OITItem `yaml:"items" json:"items"`
}

// OITItem is one disclosure item (o1 โครงสร้าง) with the data components the disclosed page must
// contain, which assessors tick.
type OITItem struct {
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title"`
	TitleEN    string   `yaml:"title_en,omitempty" json:"title_en,omitempty"`
	Components []string `yaml:"components" json:"components"`
}

// RatingRule turns a total (and instrument scores) into a rating. Bands are tried in order and
// the first whose conditions hold applies, which expresses both a plain band of the total (2563:
// AA…F) and bands that also require every instrument to reach a floor (since 2566).
type RatingRule struct {
	// PassMark is the total at or above which an agency passes, when bands do not say.
	PassMark float64 `yaml:"pass_mark" json:"pass_mark"`
	Bands    []Band  `yaml:"bands" json:"bands"`
}

// Band is one rating.
type Band struct {
	Label   string  `yaml:"label" json:"label"`
	LabelEN string  `yaml:"label_en,omitempty" json:"label_en,omitempty"`
	Min     float64 `yaml:"min" json:"min"`
	// InstrumentMin, when set, also requires every scored instrument to reach it.
	InstrumentMin *float64 `yaml:"instrument_min,omitempty" json:"instrument_min,omitempty"`
	// Passed, when set, overrides the pass mark for this band.
	Passed *bool `yaml:"passed,omitempty" json:"passed,omitempty"`
}

// SampleRule is the minimum number of respondents a survey needs (manual 2.3): Percent of the
// population rounded up, at least AtLeast, at most AtMost, and everyone when the population is
// smaller than AtLeast.
type SampleRule struct {
	Percent float64 `yaml:"percent" json:"percent"`
	AtLeast int     `yaml:"at_least" json:"at_least"`
	AtMost  int     `yaml:"at_most" json:"at_most"`
}
