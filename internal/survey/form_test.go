package survey

import (
	"strings"
	"testing"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/framework"
)

func mustForm(t *testing.T, year int, survey string) *Form {
	t.Helper()
	fw, err := framework.Builtin(year)
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewForm(fw, survey)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestNewForm(t *testing.T) {
	tests := []struct {
		year              int
		survey            string
		questions, items  int
		firstKey, lastKey string
		profile           []string
	}{
		{2563, IIT, 30, 51, "i1.1", "i30.4", []string{ProfileGender, ProfileServiceYears, ProfilePosition}},
		{2563, EIT, 15, 19, "e1.1", "e15", []string{ProfileGender, ProfileRespondentType, ProfileContact}},
		{2568, "IIT", 15, 15, "i1", "i15", []string{ProfileGender, ProfileServiceYears, ProfilePosition}},
		{2568, "EIT", 9, 9, "e1", "e9", []string{ProfileGender, ProfileRespondentType, ProfileContact}},
	}
	for _, tt := range tests {
		t.Run(strings.ToUpper(tt.survey)+"_"+string(rune('0'+tt.year%10)), func(t *testing.T) {
			f := mustForm(t, tt.year, tt.survey)
			keys := f.ItemKeys()
			if len(f.Questions) != tt.questions || len(keys) != tt.items {
				t.Errorf("%d questions, %d items; want %d, %d", len(f.Questions), len(keys), tt.questions, tt.items)
			}
			if keys[0] != tt.firstKey || keys[len(keys)-1] != tt.lastKey {
				t.Errorf("keys %s … %s, want %s … %s", keys[0], keys[len(keys)-1], tt.firstKey, tt.lastKey)
			}
			var ids []string
			for _, q := range f.Profile {
				ids = append(ids, q.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.profile, ",") {
				t.Errorf("profile questions %v, want %v", ids, tt.profile)
			}
			if f.Questions[0].Number != 1 || len(f.Questions[0].Options) == 0 {
				t.Errorf("first question %+v: want number 1 and options", f.Questions[0])
			}
		})
	}
	fw, _ := framework.Builtin(2563)
	if _, err := NewForm(fw, "oit"); err == nil {
		t.Error("NewForm accepted OIT")
	}
}

// TestFormNotes checks that notes and sub-item texts reach the form: i4 of 2563 has a note
// and three sub-items.
func TestFormNotes(t *testing.T) {
	f := mustForm(t, 2563, IIT)
	q := f.Questions[3]
	if q.ID != "i4" || !strings.Contains(q.Note, "ค่าธรรมเนียม") || len(q.Items) != 3 || q.Items[0].Text != "เงิน" {
		t.Errorf("i4 = %+v", q)
	}
	if got := q.Options[1].Code; got != "ไม่มี" {
		t.Errorf("i4 second option %q, want ไม่มี", got)
	}
}

// fullAnswers answers every item of f with the first option.
func fullAnswers(f *Form) map[string]string {
	a := map[string]string{}
	for _, q := range f.Questions {
		for _, it := range q.Items {
			a[it.Key] = q.Options[0].Code
		}
	}
	return a
}

func TestCheckCanonicalSpellings(t *testing.T) {
	f := mustForm(t, 2563, IIT)
	a := fullAnswers(f)
	spellings := map[string][2]string{
		"i1.1": {"4", "4"},
		"i1.2": {"4.00", "4"},
		"i2":   {"๓", "3"},
		"i3.1": {"๒.๐", "2"},
		"i3.2": {"มากที่สุด", "4"},
		"i3.3": {" Most ", "4"},
		"i4.1": {"ไม่มี", "ไม่มี"},
		"i4.2": {"no", "ไม่มี"},
		"i4.3": {"YES", "มี"},
		"i7":   {"น้อยที่สุดหรือไม่มีเลย", "1"},
	}
	for k, v := range spellings {
		a[k] = v[0]
	}
	profile := map[string]string{ProfileGender: "หญิง", ProfileServiceYears: "6-10", ProfilePosition: ""}
	c, err := f.Check(a, profile, "  ขอให้ปรับปรุง\r\nการบริการ \x00 ")
	if err != nil {
		t.Fatalf("Check: %v (fields %v)", err, apperr.FieldsOf(err))
	}
	for k, v := range spellings {
		if c.Answers[k] != v[1] {
			t.Errorf("%s: %q stored as %q, want %q", k, v[0], c.Answers[k], v[1])
		}
	}
	if len(c.Answers) != len(f.ItemKeys()) {
		t.Errorf("%d answers, want %d", len(c.Answers), len(f.ItemKeys()))
	}
	if c.Profile[ProfileGender] != "female" || c.Profile[ProfileServiceYears] != "6-10" || len(c.Profile) != 2 {
		t.Errorf("profile = %v, want gender female and service 6-10 only", c.Profile)
	}
	if c.Suggestion != "ขอให้ปรับปรุง\nการบริการ" {
		t.Errorf("suggestion = %q", c.Suggestion)
	}
}

func TestCheckReportsEveryField(t *testing.T) {
	f := mustForm(t, 2563, IIT)
	a := fullAnswers(f)
	delete(a, "i1.1")
	a["i2"] = "5"
	a["i4.1"] = "4"
	a["i99"] = "1"
	a["i3.1"] = "  "
	profile := map[string]string{ProfileGender: "ม้า", "shoe_size": "42"}
	_, err := f.Check(a, profile, strings.Repeat("ก", MaxSuggestionRunes+1))
	if !apperr.Is(err, apperr.CodeInvalid) {
		t.Fatalf("error %v, want Invalid", err)
	}
	got := apperr.FieldsOf(err)
	want := map[string]string{
		"i1.1":              "กรุณาตอบข้อนี้",
		"i3.1":              "กรุณาตอบข้อนี้",
		"i2":                "คำตอบต้องเป็นหนึ่งใน: 1, 2, 3, 4",
		"i4.1":              "คำตอบต้องเป็นหนึ่งใน: มี, ไม่มี",
		"i99":               "ไม่มีข้อนี้ในแบบสำรวจ",
		"profile.gender":    "กรุณาเลือกจากตัวเลือกที่กำหนด",
		"profile.shoe_size": "ไม่มีคำถามนี้ในแบบสำรวจ",
		FieldComment:        "ข้อเสนอแนะยาวได้ไม่เกิน 2,000 ตัวอักษร (ที่กรอกมี 2,001 ตัวอักษร)",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("field %s: %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fields %v, want exactly %v", got, want)
	}
}

func TestCheckProfileOfOtherSurvey(t *testing.T) {
	f := mustForm(t, 2563, EIT)
	_, err := f.Check(fullAnswers(f), map[string]string{ProfilePosition: "executive"}, "")
	if apperr.FieldsOf(err)["profile."+ProfilePosition] == "" {
		t.Errorf("EIT accepted the IIT's position question: %v", err)
	}
	c, err := f.Check(fullAnswers(f), map[string]string{ProfileRespondentType: "ภาคธุรกิจ", ProfileContact: "phone"}, "")
	if err != nil || c.Profile[ProfileRespondentType] != "business" || c.Profile[ProfileContact] != "phone" {
		t.Errorf("EIT profile = %v, %v", c.Profile, err)
	}
}
