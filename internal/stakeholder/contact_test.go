package stakeholder

import (
	"slices"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/apperr"
)

func validContact() Contact {
	return Contact{Name: "สมหญิง ใจงาม", Type: TypePublic, Phone: "081-234-5678", Email: "somying@example.com", Service: "ขอใบอนุญาต"}
}

func TestContactValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Contact)
		fields []string // fields with a message; nil = valid
	}{
		{"Valid", func(c *Contact) {}, nil},
		{"PhoneOnly", func(c *Contact) { c.Email = "" }, nil},
		{"EmailOnly", func(c *Contact) { c.Phone = "" }, nil},
		{"NoWayToReach", func(c *Contact) { c.Phone, c.Email = "", "" }, []string{FieldPhone}},
		{"NoName", func(c *Contact) { c.Name = "  " }, []string{FieldName}},
		{"NoService", func(c *Contact) { c.Service = "" }, []string{FieldService}},
		{"NoType", func(c *Contact) { c.Type = "" }, []string{FieldType}},
		{"UnknownType", func(c *Contact) { c.Type = "นักท่องเที่ยว" }, []string{FieldType}},
		{"OfficialNeedsOrganisation", func(c *Contact) { c.Type = TypeOfficial }, []string{FieldOrganisation}},
		{"BusinessNeedsOrganisation", func(c *Contact) { c.Type = TypeBusiness }, []string{FieldOrganisation}},
		{"BusinessWithOrganisation", func(c *Contact) {
			c.Type, c.Organisation = TypeBusiness, "บริษัท ตัวอย่าง จำกัด"
		}, nil},
		{"Landline", func(c *Contact) { c.Phone = "02 123 4567" }, nil},
		{"International", func(c *Contact) { c.Phone = "+66 81 234 5678" }, nil},
		{"PhoneTooShort", func(c *Contact) { c.Phone = "081-234-56" }, []string{FieldPhone}},
		{"PhoneTooLong", func(c *Contact) { c.Phone = "081-234-56789" }, []string{FieldPhone}},
		{"PhoneLostLeadingZero", func(c *Contact) { c.Phone = "812345678" }, []string{FieldPhone}},
		{"PhoneLetters", func(c *Contact) { c.Phone = "081-ABC-5678" }, []string{FieldPhone}},
		{"PhoneExtension", func(c *Contact) { c.Phone = "02-123-4567 ต่อ 12" }, []string{FieldPhone}},
		{"EmailNoAt", func(c *Contact) { c.Email = "somying.example.com" }, []string{FieldEmail}},
		{"EmailNoDot", func(c *Contact) { c.Email = "somying@example" }, []string{FieldEmail}},
		{"EmailDisplayName", func(c *Contact) { c.Email = "Somying <somying@example.com>" }, []string{FieldEmail}},
		{"NameTooLong", func(c *Contact) { c.Name = strings.Repeat("ก", 201) }, []string{FieldName}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validContact()
			tt.edit(&c)
			c = c.Normalize()
			got := apperr.FieldsOf(c.Validate())
			var keys []string
			for k := range got {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, tt.fields) {
				t.Errorf("Validate(%+v) messages on %v (%v), want %v", c, keys, got, tt.fields)
			}
		})
	}
}

func TestContactNormalize(t *testing.T) {
	c := Contact{Name: "  สมหญิง   ใจงาม ", Phone: "+66 81-234-5678", Email: " SomYing@Example.COM "}.Normalize()
	if c.Name != "สมหญิง ใจงาม" || c.Phone != "0812345678" || c.Email != "somying@example.com" {
		t.Errorf("Normalize = %+v", c)
	}
	if bad := (Contact{Phone: "08x"}).Normalize(); bad.Phone != "08x" {
		t.Errorf("a malformed phone was changed to %q; keep it for the message", bad.Phone)
	}
}

func TestFormatPhone(t *testing.T) {
	for in, want := range map[string]string{
		"0812345678": "081-234-5678", "021234567": "02-123-4567", "053941000": "053-941-000", "12": "12", "": "",
	} {
		if got := FormatPhone(in); got != want {
			t.Errorf("FormatPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDuplicates(t *testing.T) {
	a := Contact{ID: 1, Name: "สมหญิง ใจงาม", Phone: "0812345678", Email: "a@example.com"}
	tests := []struct {
		name string
		b    Contact
		same bool
	}{
		{"SameNamePhone", Contact{Name: "สมหญิง  ใจงาม", Phone: "0812345678"}, true},
		{"SameNameEmail", Contact{Name: "สมหญิง ใจงาม", Email: "a@example.com", Phone: "021234567"}, true},
		{"LatinNameCase", Contact{Name: "SOMYING", Phone: "1"}, false},
		{"SameNameOnly", Contact{Name: "สมหญิง ใจงาม", Phone: "021234567"}, false},
		{"SamePhoneOnly", Contact{Name: "สมชาย ใจงาม", Phone: "0812345678"}, false},
		{"SameEmailOnly", Contact{Name: "สมชาย ใจงาม", Email: "a@example.com"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.SameAs(tt.b); got != tt.same {
				t.Errorf("SameAs = %v, want %v", got, tt.same)
			}
		})
	}
	latin := Contact{Name: "John Smith", Phone: "0812345678"}
	if !latin.SameAs(Contact{Name: "john  SMITH", Phone: "0812345678"}) {
		t.Errorf("letter case made two Latin names different")
	}
	list := []Contact{a}
	if DuplicateOf(a, list) != -1 {
		t.Errorf("a contact being edited is a duplicate of itself")
	}
	if DuplicateOf(Contact{Name: a.Name, Phone: a.Phone}, list) != 0 {
		t.Errorf("a new contact with a's name and phone is not found as a duplicate")
	}
	err := ErrDuplicate(Contact{Name: a.Name, Email: a.Email}, a)
	if apperr.CodeOf(err) != apperr.CodeConflict || apperr.FieldsOf(err)[FieldEmail] == "" {
		t.Errorf("ErrDuplicate = %v, want Conflict on %s", err, FieldEmail)
	}
}

func TestParseContactType(t *testing.T) {
	for _, typ := range ContactTypes {
		for _, s := range []string{string(typ), typ.Name(), " " + typ.Name() + " "} {
			if got, ok := ParseContactType(s); !ok || got != typ {
				t.Errorf("ParseContactType(%q) = %q, %v", s, got, ok)
			}
		}
	}
	if _, ok := ParseContactType("อื่น ๆ"); ok {
		t.Errorf("an unknown type was accepted")
	}
}
