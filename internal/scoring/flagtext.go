package scoring

// FlagText is the message catalogue for flags: what a person reads in a report or on screen.
var FlagText = map[Flag]struct{ TH, EN string }{
	FlagNotRegistered:           {"ไม่ได้ลงทะเบียนเข้าระบบการประเมิน", "did not register"},
	FlagInternalDataNotApproved: {"ข้อมูลผู้มีส่วนได้ส่วนเสียภายในไม่ได้รับการอนุมัติ", "internal stakeholder data not approved"},
	FlagExternalDataNotApproved: {"ข้อมูลผู้มีส่วนได้ส่วนเสียภายนอกไม่ได้รับการอนุมัติ", "external stakeholder data not approved"},
	FlagOITNotApproved:          {"ไม่ได้ตอบแบบ OIT ครบขั้นตอน", "OIT answers not completed and approved"},
	FlagIITBelowMinimum:         {"ผู้ตอบแบบ IIT น้อยกว่าจำนวนขั้นต่ำ จึงไม่ประมวลผลตัวชี้วัดที่ 1–5", "fewer IIT respondents than the minimum: indicators 1–5 not scored"},
	FlagEITBelowMinimum:         {"ผู้ตอบแบบ EIT น้อยกว่าจำนวนขั้นต่ำ", "fewer EIT respondents than the minimum"},
	FlagNoEITRespondents:        {"ไม่มีผู้ตอบแบบ EIT", "no EIT respondents"},
	FlagEITPartMissing:          {"EIT บางส่วนไม่มีผู้ตอบ", "an EIT part has no respondents"},
	FlagOITNotScored:            {"ยังไม่มีคะแนน OIT", "OIT not scored"},
	FlagOITItemsUnscored:        {"มีข้อ OIT ที่ไม่ได้รับคะแนน (นับเป็น 0)", "some OIT items unscored (counted as 0)"},
	FlagQuestionsBlank:          {"มีข้อคำถามที่ไม่มีผู้ตอบ", "some questions have no answers"},
}

// Text returns the flag's Thai description (English when en is true), or its code when the
// catalogue lacks it.
func (f Flag) Text(en bool) string {
	t, ok := FlagText[f]
	switch {
	case !ok:
		return string(f)
	case en:
		return t.EN
	}
	return t.TH
}
