package web

func init() { addMessages(evidenceTH, evidenceEN) }

// evidenceTH holds the evidence feature's messages: the reasons and flags of a fetch
// (evidenceFetches builds their keys at run time) and the labels the OIT pages use around
// EvidenceFetch lists.
var evidenceTH = map[string]string{
	"evidence.reason.saved":     "บันทึกคำตอบ",
	"evidence.reason.confirmed": "ผู้บริหารยืนยันการตรวจ",
	"evidence.reason.opened":    "ผู้ประเมินเปิดดู",
	"evidence.reason.clarified": "หน่วยงานชี้แจงเพิ่มเติม",

	"evidence.flag.off_site":     "ไม่อยู่บนเว็บไซต์หลักของหน่วยงาน",
	"evidence.flag.unreachable":  "เข้าถึงไม่ได้",
	"evidence.flag.not_found":    "ไม่พบหน้า (404/410)",
	"evidence.flag.needs_person": "ให้เจ้าหน้าที่ตรวจด้วยตนเอง (เว็บไซต์อาจปิดกั้นระบบอัตโนมัติ)",
	"evidence.flag.changed":      "เนื้อหาเปลี่ยนไปจากตอนที่หน่วยงานส่ง",
	"evidence.flag.refused":      "ระบบไม่เปิด: ที่อยู่ภายในหรือที่อยู่สงวน",

	"evidence.history":   "ประวัติการตรวจลิงก์",
	"evidence.none":      "ยังไม่มีผลการตรวจลิงก์ ระบบจะตรวจเมื่อบันทึกคำตอบ",
	"evidence.when":      "เวลาตรวจ",
	"evidence.reason":    "เหตุที่ตรวจ",
	"evidence.status":    "รหัสตอบกลับ",
	"evidence.title":     "ชื่อหน้า",
	"evidence.final":     "ปลายทาง",
	"evidence.sha256":    "ลายนิ้วมือ SHA-256",
	"evidence.truncated": "ไฟล์ใหญ่เกินกำหนด เก็บและคำนวณเฉพาะส่วนต้น",
	"evidence.copy":      "ดาวน์โหลดสำเนาที่ระบบเก็บไว้",
	"evidence.ok":        "เปิดได้ตามปกติ",
}

var evidenceEN = map[string]string{
	"evidence.reason.saved":     "Answer saved",
	"evidence.reason.confirmed": "Executive confirmed",
	"evidence.reason.opened":    "Assessor opened",
	"evidence.reason.clarified": "Agency clarified",

	"evidence.flag.off_site":     "Not on the agency's main website",
	"evidence.flag.unreachable":  "Unreachable",
	"evidence.flag.not_found":    "Page not found (404/410)",
	"evidence.flag.needs_person": "A person should check (the site may block robots)",
	"evidence.flag.changed":      "Changed since the agency submitted it",
	"evidence.flag.refused":      "Refused: private or reserved address",

	"evidence.history":   "Evidence check history",
	"evidence.none":      "Not checked yet; ITAS checks the links when the answer is saved",
	"evidence.when":      "Checked at",
	"evidence.reason":    "Why",
	"evidence.status":    "Status",
	"evidence.title":     "Page title",
	"evidence.final":     "Ended at",
	"evidence.sha256":    "SHA-256 fingerprint",
	"evidence.truncated": "Larger than the limit: only the start is kept and hashed",
	"evidence.copy":      "Download the copy ITAS kept",
	"evidence.ok":        "Opens normally",
}
