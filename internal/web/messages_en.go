package web

import (
	"regexp"
	"strings"

	"github.com/openitas/itas/internal/apperr"
)

// messagesEN is the English message catalogue, chosen by the language switch or
// Accept-Language.
var messagesEN = map[string]string{
	"app.subtitle":                  "Integrity and Transparency Assessment of public agencies",
	"layout.skip":                   "Skip to content",
	"layout.language":               "Language",
	"layout.menu":                   "Main menu",
	"layout.footer":                 "Open ITAS · NACC's Integrity & Transparency Assessment (ITA)",
	"nav.dashboard":                 "Home",
	"nav.agencies":                  "Agencies",
	"nav.years":                     "Assessment years",
	"nav.audit":                     "Audit log",
	"nav.profile":                   "Profile",
	"nav.password":                  "Change password",
	"nav.logout":                    "Log out",
	"role.central_admin":            "Central administrator (NACC)",
	"role.assessor":                 "Assessor",
	"role.supervisor":               "Supervising body",
	"role.agency_admin":             "Agency administrator",
	"role.agency_executive":         "Agency executive",
	"role.system":                   "System",
	"error.title":                   "Something went wrong",
	"error.home":                    "Back to the home page",
	"login.title":                   "Log in to ITAS",
	"login.username":                "Username",
	"login.password":                "Password",
	"login.submit":                  "Log in",
	"login.help":                    "Forgot your password? Ask NACC's central administrators for a new one.",
	"login.failed":                  "Wrong username or password",
	"login.missing":                 "Enter your username and password",
	"login.throttled":               "Too many failed logins; please wait a minute and try again",
	"password.title":                "Change password",
	"password.forced":               "This is your first login, or your password was just reset: please set your own password before going on.",
	"password.current":              "Current password",
	"password.new":                  "New password",
	"password.confirm":              "New password again",
	"password.policy":               "At least 10 characters, of at least two kinds (e.g. letters and digits), not containing your username",
	"password.submit":               "Save the new password",
	"password.changed":              "Your password has been changed",
	"password.wrong":                "The current password is wrong",
	"password.mismatch":             "The two new passwords differ",
	"password.same":                 "The new password must differ from the old one",
	"profile.title":                 "Profile",
	"profile.forced":                "Please complete your profile to register for the assessment.",
	"profile.name":                  "Full name",
	"profile.position":              "Position",
	"profile.phone":                 "Phone number",
	"profile.phone.hint":            "e.g. 02 141 1234 or 081 234 5678",
	"profile.email":                 "E-mail",
	"profile.submit":                "Save",
	"profile.saved":                 "Your profile has been saved",
	"logo.title":                    "Agency logo",
	"logo.alt":                      "Agency logo",
	"logo.file":                     "Logo file",
	"logo.hint":                     "PNG or JPEG, at most 1 MB",
	"logo.submit":                   "Upload the logo",
	"logo.saved":                    "The logo has been saved",
	"form.save":                     "Save",
	"form.cancel":                   "Cancel",
	"form.all":                      "All",
	"form.choose":                   "– choose –",
	"date.hint":                     "Dates as dd/mm/yyyy in the Buddhist era, e.g. 01/10/2569",
	"pager.label":                   "Pages",
	"pager.prev":                    "Previous",
	"pager.next":                    "Next",
	"dashboard.title":               "Home",
	"dashboard.me":                  "About me",
	"dashboard.role":                "Role",
	"dashboard.groups":              "Agency groups",
	"dashboard.agency":              "My agency",
	"dashboard.registry":            "Agency registry",
	"dashboard.agency_count":        "Agencies in the registry:",
	"dashboard.year":                "Assessment of fiscal year (BE)",
	"dashboard.no_year":             "No assessment year has been opened yet.",
	"dashboard.progress":            "Agency progress",
	"agencies.title":                "Agencies",
	"agencies.search":               "Search by name",
	"agencies.search.hint":          "Part of the Thai name or short name, or the agency code",
	"agencies.filter":               "Search",
	"agencies.new":                  "Add an agency",
	"agencies.count":                "Found",
	"agencies.showing":              "showing",
	"agencies.none":                 "No agency matches.",
	"agency.title":                  "Agency",
	"agency.facts":                  "Registry record",
	"agency.new.title":              "Add an agency",
	"agency.edit.title":             "Edit agency",
	"agency.edit":                   "Edit",
	"agency.saved":                  "The agency has been saved",
	"agency.code":                   "Agency code",
	"agency.code.hint":              "3–12 digits, e.g. 6100101",
	"agency.name":                   "Name",
	"agency.short_name":             "Short name",
	"agency.type":                   "Type",
	"agency.ministry":               "Ministry / parent body",
	"agency.province":               "Province",
	"agency.group":                  "Group",
	"agency.group.hint":             "Leave empty to take the group from the type and province",
	"agency.supervisor":             "Supervising body",
	"agency.supervisor.none":        "None",
	"agency.website":                "Main website",
	"agency.website.hint":           "The site checked for the OIT, e.g. https://www.example.go.th",
	"agency.registered":             "Registration",
	"agency.registered.yes":         "Registered",
	"agency.registered.no":          "Not registered",
	"accounts.title":                "Agency accounts",
	"accounts.state":                "State",
	"accounts.disabled":             "Disabled",
	"accounts.onetime":              "One-time password not yet changed",
	"accounts.no_profile":           "Profile not yet completed",
	"accounts.ready":                "Active",
	"accounts.none":                 "This agency has no accounts yet.",
	"accounts.generate":             "Create the admin and executive accounts (XLSX download)",
	"accounts.generate.hint":        "One-time passwords are generated and sent once, as an XLSX file. Keep the file safe.",
	"accounts.generate.bulk":        "Create accounts for listed agencies that have none (XLSX)",
	"accounts.generate.confirm":     "Create accounts for every listed agency that has none (at most 500 at a time)?",
	"accounts.reset":                "Reset password",
	"accounts.reset.confirm":        "Give this account a new one-time password? The user is logged out everywhere.",
	"onetime.title":                 "One-time password",
	"onetime.note":                  "This password is shown once. Hand it to the user through a safe channel; they must change it at login.",
	"onetime.password":              "One-time password",
	"onetime.back":                  "Back",
	"years.title":                   "Assessment years",
	"years.new":                     "Open a year",
	"years.none":                    "No assessment year yet.",
	"year.new.title":                "Open an assessment year",
	"year.edit.title":               "Assessment year",
	"year.saved":                    "The assessment year has been saved",
	"year.fiscal":                   "Fiscal year (BE)",
	"year.fiscal.hint":              "e.g. 2569",
	"year.framework":                "Framework year (BE)",
	"year.status":                   "Status",
	"year.open_now":                 "Open now",
	"year.phases":                   "Timeline",
	"year.phase":                    "Phase",
	"year.dates":                    "Dates",
	"year.state":                    "State",
	"year.start":                    "Start",
	"year.end":                      "End",
	"year.status.draft":             "Draft",
	"year.status.open":              "Open",
	"year.status.closed":            "Closed",
	"phase.open":                    "Open",
	"phase.past":                    "Over",
	"phase.future":                  "Not yet open",
	"step.required":                 "required",
	"step.done":                     "done",
	"step.todo":                     "to do",
	"audit.title":                   "Audit log",
	"audit.at":                      "When",
	"audit.actor":                   "Who",
	"audit.role":                    "Role",
	"audit.agency":                  "Agency code",
	"audit.action":                  "Action",
	"audit.subject":                 "Subject",
	"audit.change":                  "Change",
	"audit.before":                  "before",
	"audit.after":                   "after",
	"audit.from":                    "From",
	"audit.to":                      "To",
	"audit.none":                    "No entries.",
	"audit.action.agency.create":    "Agency added",
	"audit.action.agency.update":    "Agency changed",
	"audit.action.agency.import":    "Agencies imported",
	"audit.action.account.create":   "Account created",
	"audit.action.account.password": "Password changed",
	"audit.action.account.profile":  "Profile changed",
	"audit.action.account.reset":    "Password reset",
	"audit.action.account.disable":  "Account disabled",
	"audit.action.account.enable":   "Account enabled",
	"audit.action.year.create":      "Year opened",
	"audit.action.year.update":      "Year changed",
	"audit.action.session.login":    "Logged in",
	"audit.action.session.logout":   "Logged out",
	"phase.registration":            "Registration",
	"phase.stakeholder_data":        "Stakeholder data",
	"phase.iit_collection":          "IIT collection",
	"phase.eit_collection":          "EIT collection",
	"phase.oit_answering":           "OIT answering",
	"phase.oit_review":              "OIT review",
	"phase.clarification":           "Clarification",
	"phase.processing":              "Processing",
	"phase.publication":             "Publication",
	"step.registered":               "Registered",
	"step.internal_data_approved":   "Internal stakeholder data approved",
	"step.external_data_approved":   "External stakeholder data approved",
	"step.iit_minimum":              "IIT respondents reached the minimum",
	"step.eit_minimum":              "EIT respondents reached the minimum",
	"step.oit_submitted":            "OIT answers submitted",
	"step.oit_approved":             "OIT answers approved",
	"import.title":                  "Import the agency registry from a file",
	"import.upload":                 "Upload a file",
	"import.file":                   "Registry file (.xlsx or .csv)",
	"import.file.hint":              "Excel (.xlsx) or CSV UTF-8 following the template, at most",
	"import.submit":                 "Check and import",
	"import.columns":                "Columns of the file",
	"import.template":               "Download the template (XLSX)",
	"import.rules":                  "The whole file is checked first: if any row is wrong nothing is imported, and every problem is listed with its row and cell. Agencies whose code exists are updated from the file; importing the same file again changes nothing. Headers may be in English or Thai, and every column must be there.",
	"import.column":                 "Header",
	"import.thai_header":            "Thai header",
	"import.meaning":                "Meaning",
	"import.problems":               "Problems found",
	"import.more_problems":          "and more problems:",
	"import.done":                   "Imported",
	"import.created":                "New agencies",
	"import.updated":                "Changed",
	"import.unchanged":              "Unchanged",
	"import.and_more":               "and more:",
	"import.where.file":             "The whole file",
	"import.col.code":               "Agency code, 3–12 digits, once per file",
	"import.col.name":               "Full name of the agency",
	"import.col.short_name":         "Short name (optional)",
	"import.col.type":               "Code or name of one of the 17 agency types, e.g. sao",
	"import.col.ministry":           "Ministry or parent body (optional)",
	"import.col.province":           "Province in Thai; required for provinces and local administrations",
	"import.col.group":              "Assessment group 1–10, or empty for the group the type and province give",
	"import.col.supervisor":         "PACC, SEPO, OPS-MHESI or DLA (in Thai or as codes); empty for the type's usual body, - for none",
	"import.col.website":            "Main website checked by the OIT (optional)",
	"agencies.import":               "Import from a file",
}

// fieldMessagesEN gives the English of the Thai per-field messages that the domain packages
// and the platform's forms return. Domain validators speak Thai only (apperr keeps one Thai
// message per field); English pages look each message up here and show the Thai when it is
// not listed, which is still correct, only untranslated.
var fieldMessagesEN = map[string]string{
	// agency.Validate and agency.Row
	"กรุณากรอกรหัสหน่วยงาน":                    "Enter the agency code",
	"รหัสหน่วยงานต้องเป็นตัวเลข 3 ถึง 12 หลัก": "The agency code must be 3 to 12 digits",
	"กรุณากรอกชื่อหน่วยงาน":                    "Enter the agency's name",
	"กรุณาเลือกประเภทหน่วยงาน":                 "Choose the agency type",
	"ประเภทหน่วยงานไม่ถูกต้อง ต้องเป็นหนึ่งใน 17 ประเภทตามคู่มือการประเมิน":                          "Unknown agency type: use one of the manual's 17 types",
	"ไม่พบชื่อจังหวัดนี้ กรุณาตรวจสอบการสะกด":                                                        "Unknown province: check the spelling",
	"กรุณาระบุจังหวัดของหน่วยงาน":                                                                    "Give the agency's province",
	"กลุ่มการประเมินต้องเป็นเลข 1 ถึง 10":                                                            "The group must be a number from 1 to 10",
	"กลุ่มการประเมินต้องเป็นเลข 1 ถึง 10 หรือเว้นว่างให้ระบบกำหนด":                                   "The group must be a number from 1 to 10, or empty to let the system choose",
	"หน่วยงานกำกับติดตามต้องเป็น ป.ป.ท. สคร. สป.อว. หรือ สถ.":                                        "The supervising body must be PACC, SEPO, OPS-MHESI or DLA",
	"ที่อยู่เว็บไซต์ไม่ถูกต้อง ต้องขึ้นต้นด้วย http:// หรือ https:// เช่น https://www.example.go.th": "Invalid website address: it must start with http:// or https://, e.g. https://www.example.go.th",
	"มีหน่วยงานรหัสนี้อยู่แล้ว":                                                                      "An agency with this code already exists",
	"ไม่สามารถเปลี่ยนรหัสหน่วยงานได้":                                                                "The agency code cannot change",
	// account.Validate, CheckUsername, CheckPassword, Profile
	"กรุณาเลือกบทบาทของบัญชีผู้ใช้งาน":                                                       "Choose the account's role",
	"กรุณาเลือกกลุ่มหน่วยงานที่รับผิดชอบอย่างน้อยหนึ่งกลุ่ม":                                 "Choose at least one agency group",
	"กลุ่มหน่วยงานต้องเป็นเลข 1 ถึง 10":                                                      "Groups must be numbers from 1 to 10",
	"กรุณาเลือกหน่วยงานกำกับติดตาม (ป.ป.ท. สคร. สป.อว. หรือ สถ.)":                            "Choose the supervising body (PACC, SEPO, OPS-MHESI or DLA)",
	"ระบุหน่วยงานกำกับติดตามได้เฉพาะบัญชีของหน่วยงานกำกับติดตาม":                             "Only supervising-body accounts have a supervising body",
	"ระบุกลุ่มหน่วยงานได้เฉพาะบัญชีของคณะที่ปรึกษา":                                          "Only assessor accounts have agency groups",
	"กรุณากรอกชื่อผู้ใช้งาน":                                                                 "Enter the username",
	"ชื่อผู้ใช้งานต้องยาว 3 ถึง 40 ตัวอักษร":                                                 "The username must be 3 to 40 characters long",
	"ชื่อผู้ใช้งานใช้ได้เฉพาะอักษรภาษาอังกฤษตัวเล็ก ตัวเลข และ . _ - โดยขึ้นต้นด้วยตัวอักษร": "Use lower-case English letters, digits and . _ - only, starting with a letter",
	"ชื่อผู้ใช้งานที่ขึ้นต้นด้วย a หรือ t ตามด้วยตัวเลข สงวนไว้สำหรับบัญชีของหน่วยงาน":       "Names of \"a\" or \"t\" followed by digits are reserved for agency accounts",
	"มีชื่อผู้ใช้งานนี้อยู่แล้ว":                                                             "This username is taken",
	"กรุณากรอกรหัสผ่าน":                                                                      "Enter the password",
	"รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร":                                                   "The password must be at least 10 characters long",
	"รหัสผ่านต้องยาวไม่เกิน 128 ตัวอักษร":                                                    "The password must be at most 128 characters long",
	"รหัสผ่านต้องไม่ใช่หรือมีชื่อผู้ใช้งานอยู่ในนั้น":                                        "The password must not be or contain the username",
	"รหัสผ่านต้องมีตัวอักษรอย่างน้อยสองชนิด เช่น ตัวอักษรและตัวเลข (ห้ามเป็นตัวเลขล้วนหรือตัวอักษรชนิดเดียวล้วน)": "The password needs at least two kinds of character, e.g. letters and digits",
	"รหัสผ่านปัจจุบันไม่ถูกต้อง":                                               "The current password is wrong",
	"รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม":                                    "The new password must differ from the old one",
	"รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน":                                         "The two new passwords differ",
	"กรุณากรอกชื่อ–นามสกุล":                                                    "Enter your full name",
	"กรุณากรอกตำแหน่ง":                                                         "Enter your position",
	"กรุณากรอกเบอร์โทรศัพท์":                                                   "Enter a phone number",
	"เบอร์โทรศัพท์ไม่ถูกต้อง ตัวอย่าง 02-123-4567 หรือ 081-234-5678 (ต่อ 123)": "Invalid phone number, e.g. 02-123-4567 or 081-234-5678 (ext. 123)",
	"กรุณากรอกอีเมล":                                                           "Enter an e-mail address",
	"อีเมลไม่ถูกต้อง ตัวอย่าง name@agency.go.th":                               "Invalid e-mail address, e.g. name@agency.go.th",
}

// fieldPatternsEN translate the field messages that carry a name or a number.
var fieldPatternsEN = []struct {
	re *regexp.Regexp
	en string
}{
	{regexp.MustCompile(`^(?:ชื่อหน่วยงาน|ชื่อย่อ|ชื่อกระทรวงหรือหน่วยงานต้นสังกัด|ที่อยู่เว็บไซต์|ชื่อ–นามสกุล|ตำแหน่ง)ยาวเกิน (\d+) ตัวอักษร$`), "Too long: at most $1 characters"},
	{regexp.MustCompile(`^จังหวัด(\S+) อยู่ในกลุ่มการประเมินที่ (\d+)$`), "Agencies of $1 province are in group $2"},
	{regexp.MustCompile(`^หน่วยงานประเภท(.+) อยู่ในกลุ่มการประเมินที่ (\d+)$`), "Agencies of this type are in group $2"},
	{regexp.MustCompile(`^รหัสหน่วยงาน (\d+) ซ้ำกับแถวที่ (\d+)$`), "Agency code $1 repeats row $2"},
	{regexp.MustCompile(`^รหัสหน่วยงาน (\d+) ซ้ำกับบรรทัดที่ (\d+)$`), "Agency code $1 repeats line $2"},
	{regexp.MustCompile(`^ไม่รู้จักประเภทหน่วยงาน "(.*)" `), `Unknown agency type "$1": use a type code or name from the manual, e.g. sao`},
	{regexp.MustCompile(`^ไม่รู้จักหน่วยงานกำกับติดตาม "(.*)" `), `Unknown supervising body "$1": use PACC, SEPO, OPS-MHESI, DLA or - for none`},
	{regexp.MustCompile(`^ชื่อผู้ใช้งานของหน่วยงานต้องเป็น (\S+)$`), "An agency account's username must be $1"},
}

// fieldMessageEN returns the English of a Thai field message, or the message itself when it
// has none. Messages joined with " และ" (the password rules) are translated part by part.
func fieldMessageEN(th string) string {
	if en, ok := fieldMessagesEN[th]; ok {
		return en
	}
	for _, p := range fieldPatternsEN {
		if m := p.re.FindStringSubmatchIndex(th); m != nil {
			return string(p.re.ExpandString(nil, p.en, th, m))
		}
	}
	if parts := strings.Split(th, " และ"); len(parts) > 1 {
		out := make([]string, len(parts))
		for i, part := range parts {
			if out[i] = fieldMessageEN(part); out[i] == part {
				return th // untranslated: keep the Thai whole
			}
		}
		return strings.Join(out, "; ")
	}
	return th
}

// localFields returns the per-field messages of err in lang: the Thai messages themselves, or
// their English where fieldMessageEN knows it.
func localFields(lang Lang, err error) map[string]string {
	f := apperr.FieldsOf(err)
	if lang != LangEN || len(f) == 0 {
		return f
	}
	out := make(map[string]string, len(f))
	for k, v := range f {
		out[k] = fieldMessageEN(v)
	}
	return out
}
