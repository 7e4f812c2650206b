package agency

import (
	"strconv"
	"strings"
)

// Row is one agency as a person writes it in an import file: every field
// as text, with the type, supervising body and group in any of the forms
// people use.
type Row struct {
	Code, Name, ShortName, Type, Ministry, Province, Group, Supervisor, Website string
}

// noSupervisor are the cells that say an agency has no supervising body;
// an empty cell instead takes the body that usually oversees the type.
var noSupervisor = map[string]bool{"-": true, "ไม่มี": true, "none": true}

// Agency returns the normalised agency the row describes and, keyed by
// field name, Thai messages for the cells it cannot read:
//
//   - Type is a type code ("sao") or its Thai or English name, with or
//     without the parenthesised part;
//   - Group is 1–10, or empty for the group the manual's rule gives the
//     type and province (SuggestGroup);
//   - Supervisor is a code, the Thai short or full name or the English
//     name; empty means the body that usually oversees the type
//     (Type.Supervisor), and "-" or "ไม่มี" means none.
//
// The result is not validated: call Validate on it and give the row's
// messages precedence over Validate's for the same field.
func (r Row) Agency() (Agency, map[string]string) {
	bad := map[string]string{}
	a := Agency{Code: r.Code, Name: r.Name, ShortName: r.ShortName, Ministry: r.Ministry,
		Province: r.Province, Website: r.Website}
	typ := collapseSpace(r.Type)
	t, typeOK := TypeByName(typ)
	switch {
	case typeOK:
		a.Type = t.Code
	case typ != "":
		a.Type = typ
		bad[FieldType] = "ไม่รู้จักประเภทหน่วยงาน \"" + clip(typ) + "\" ใช้รหัสหรือชื่อประเภทตามคู่มือ เช่น sao หรือ องค์การบริหารส่วนตำบล"
	}
	sup := collapseSpace(r.Supervisor)
	switch {
	case sup == "" && typeOK:
		a.Supervisor = t.Supervisor
	case sup == "" || noSupervisor[strings.ToLower(sup)]:
	default:
		if s, ok := ParseSupervisor(sup); ok {
			a.Supervisor = s
		} else {
			bad[FieldSupervisor] = "ไม่รู้จักหน่วยงานกำกับติดตาม \"" + clip(sup) + "\" ใช้ ป.ป.ท. สคร. สป.อว. สถ. หรือ - เมื่อไม่มี"
		}
	}
	a = a.Normalize()
	switch g := strings.TrimSpace(r.Group); {
	case g == "":
		a.Group = SuggestGroup(a.Type, a.Province)
	default:
		n, err := strconv.Atoi(g)
		if err != nil {
			bad[FieldGroup] = "กลุ่มการประเมินต้องเป็นเลข 1 ถึง 10 หรือเว้นว่างให้ระบบกำหนด"
		}
		a.Group = n
	}
	return a, bad
}

// clip shortens a cell quoted in a message.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// ImportResult tells what importing a batch of agencies changed, by
// agency code in the order of the batch.
type ImportResult struct {
	Created   []string
	Updated   []string
	Unchanged []string
}
