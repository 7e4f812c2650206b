package survey

// ProfileQuestion is a demographic question asked after the survey's questions. Answers are
// stored with the response under the question's ID as the chosen option's Code; the agency
// and NACC report them in aggregate only (seed 000: "เพศชาย 11 คน หญิง 19 คน", "บุคคลทั่วไป 35
// ราย เจ้าหน้าที่รัฐภายนอก 2 ราย และองค์กรธุรกิจ 5 ราย").
//
// Demographic questions are optional: respondents wary of being identified (seed 003, limit
// 8) may skip them and still have their answers counted. An answer given must be one of the
// options.
type ProfileQuestion struct {
	ID      string
	Label   string
	LabelEN string
	Options []ProfileOption
}

// ProfileOption is one answer of a ProfileQuestion. Code is what is stored and what the API
// takes; the Thai label is accepted too.
type ProfileOption struct {
	Code    string
	Label   string
	LabelEN string
}

// The demographic question IDs.
const (
	ProfileGender         = "gender"
	ProfileServiceYears   = "service_years"
	ProfilePosition       = "position"
	ProfileRespondentType = "respondent_type"
	ProfileContact        = "contact"
)

var genderQuestion = ProfileQuestion{
	ID: ProfileGender, Label: "เพศ", LabelEN: "Gender",
	Options: []ProfileOption{
		{"male", "ชาย", "Male"},
		{"female", "หญิง", "Female"},
		{"other", "ไม่ประสงค์ระบุ / อื่น ๆ", "Other or prefer not to say"},
	},
}

// iitProfile are the IIT's demographic questions: gender, years of service and position level
// (manual 2.1: "ตั้งแต่ระดับผู้บริหาร ผู้อำนวยการ/หัวหน้า ข้าราชการ/พนักงาน ไปจนถึงลูกจ้าง/
// พนักงานจ้าง" with at least one year of service; seed 000 reports IIT respondents by gender
// and years of service).
var iitProfile = []ProfileQuestion{
	genderQuestion,
	{
		ID: ProfileServiceYears, Label: "อายุงานในหน่วยงานนี้", LabelEN: "Years of service in this agency",
		Options: []ProfileOption{
			{"1-5", "1–5 ปี", "1–5 years"},
			{"6-10", "6–10 ปี", "6–10 years"},
			{"11-15", "11–15 ปี", "11–15 years"},
			{"16-20", "16–20 ปี", "16–20 years"},
			{"21+", "มากกว่า 20 ปี", "More than 20 years"},
		},
	},
	{
		ID: ProfilePosition, Label: "ระดับตำแหน่ง", LabelEN: "Position level",
		Options: []ProfileOption{
			{"executive", "ผู้บริหาร", "Executive"},
			{"director", "ผู้อำนวยการ / หัวหน้า", "Director or head of unit"},
			{"official", "ข้าราชการ / พนักงาน", "Civil servant or staff"},
			{"employee", "ลูกจ้าง / พนักงานจ้าง", "Employee or contract staff"},
		},
	},
}

// eitProfile are the EIT's demographic questions: gender, the kind of respondent (seed 000's
// บุคคลทั่วไป / เจ้าหน้าที่รัฐภายนอก / องค์กรธุรกิจ, which are also the kinds of the agency's
// external stakeholder list) and how they contacted the agency.
var eitProfile = []ProfileQuestion{
	genderQuestion,
	{
		ID: ProfileRespondentType, Label: "ท่านเป็น", LabelEN: "You are",
		Options: []ProfileOption{
			{"public", "ประชาชน", "A member of the public"},
			{"government", "เจ้าหน้าที่ของรัฐภายนอก", "Staff of another public agency"},
			{"business", "ภาคธุรกิจ", "A business"},
		},
	},
	{
		ID: ProfileContact, Label: "ท่านติดต่อหน่วยงานนี้ทางใดมากที่สุด", LabelEN: "How you mostly contacted this agency",
		Options: []ProfileOption{
			{"in_person", "ไปติดต่อด้วยตนเอง", "In person"},
			{"phone", "โทรศัพท์", "By telephone"},
			{"online", "ออนไลน์ (เว็บไซต์ อีเมล สื่อสังคมออนไลน์)", "Online (website, e-mail, social media)"},
			{"letter", "หนังสือราชการ / ไปรษณีย์", "Official letter or post"},
			{"other", "อื่น ๆ", "Other"},
		},
	},
}

// ProfileQuestions returns the demographic questions of a survey (IIT or EIT), in the order
// they are asked; nil for another survey.
func ProfileQuestions(survey string) []ProfileQuestion {
	switch survey {
	case IIT:
		return iitProfile
	case EIT:
		return eitProfile
	}
	return nil
}

// option returns the option whose code or Thai or English label is s (ignoring case and
// surrounding space).
func (q ProfileQuestion) option(s string) (ProfileOption, bool) {
	s = fold(s)
	for _, o := range q.Options {
		if fold(o.Code) == s || fold(o.Label) == s || fold(o.LabelEN) == s {
			return o, true
		}
	}
	return ProfileOption{}, false
}
