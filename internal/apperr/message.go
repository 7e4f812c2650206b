package apperr

// MessageOf returns the Thai user message for err: the first *Error's
// Message, or the generic text for its code. Errors that are not *Error,
// and CodeInternal errors, never leak their text. It returns "" for nil.
func MessageOf(err error) string {
	if err == nil {
		return ""
	}
	if e := As(err); e != nil && e.Message != "" && e.code() != CodeInternal {
		return e.Message
	}
	return genericTH[CodeOf(err)]
}

// MessageENOf returns the English user message for err, like MessageOf.
func MessageENOf(err error) string {
	if err == nil {
		return ""
	}
	if e := As(err); e != nil && e.MessageEN != "" && e.code() != CodeInternal {
		return e.MessageEN
	}
	return genericEN[CodeOf(err)]
}

var genericTH = map[Code]string{
	CodeInternal:     "เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่อีกครั้ง",
	CodeInvalid:      "ข้อมูลไม่ถูกต้อง",
	CodeNotFound:     "ไม่พบข้อมูลที่ต้องการ",
	CodeConflict:     "ข้อมูลนี้มีอยู่แล้ว หรือถูกแก้ไขโดยผู้อื่นในระหว่างนี้",
	CodeUnauthorized: "กรุณาเข้าสู่ระบบ",
	CodeForbidden:    "คุณไม่มีสิทธิ์ดำเนินการนี้",
	CodePhaseClosed:  "ขณะนี้ไม่อยู่ในช่วงเวลาที่เปิดให้ดำเนินการ",
	CodeRateLimited:  "ดำเนินการบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่",
}

var genericEN = map[Code]string{
	CodeInternal:     "Internal error; please try again",
	CodeInvalid:      "Invalid input",
	CodeNotFound:     "Not found",
	CodeConflict:     "Already exists, or changed by someone else meanwhile",
	CodeUnauthorized: "Please log in",
	CodeForbidden:    "You are not allowed to do this",
	CodePhaseClosed:  "This phase is not open now",
	CodeRateLimited:  "Too many attempts; please wait and try again",
}
