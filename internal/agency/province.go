package agency

// Province is one of Thailand's 77 provinces (76 and Bangkok) with the
// assessment group (กลุ่ม) its regional agencies and local administrations
// belong to in the ITA manual (section 1.2): groups 1–9 by province, and
// group 10 for Bangkok and every central agency.
type Province struct {
	Name   string // Thai, without the prefix "จังหวัด"
	NameEN string
	Group  int
}

// CentralGroup is the group of every agency that is not a province or a
// local administration, and of Bangkok.
const CentralGroup = 10

// Provinces lists the provinces by group, then in the manual's order. The
// slice must not be modified.
var Provinces = []Province{
	{"ชัยนาท", "Chai Nat", 1}, {"นนทบุรี", "Nonthaburi", 1}, {"ปทุมธานี", "Pathum Thani", 1},
	{"พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", 1}, {"ลพบุรี", "Lop Buri", 1},
	{"สมุทรปราการ", "Samut Prakan", 1}, {"สระบุรี", "Saraburi", 1}, {"สิงห์บุรี", "Sing Buri", 1},
	{"อ่างทอง", "Ang Thong", 1},

	{"จันทบุรี", "Chanthaburi", 2}, {"ฉะเชิงเทรา", "Chachoengsao", 2}, {"ชลบุรี", "Chon Buri", 2},
	{"ตราด", "Trat", 2}, {"นครนายก", "Nakhon Nayok", 2}, {"ปราจีนบุรี", "Prachin Buri", 2},
	{"ระยอง", "Rayong", 2}, {"สระแก้ว", "Sa Kaeo", 2},

	{"ชัยภูมิ", "Chaiyaphum", 3}, {"นครราชสีมา", "Nakhon Ratchasima", 3}, {"บุรีรัมย์", "Buri Ram", 3},
	{"ยโสธร", "Yasothon", 3}, {"ศรีสะเกษ", "Si Sa Ket", 3}, {"สุรินทร์", "Surin", 3},
	{"อุบลราชธานี", "Ubon Ratchathani", 3}, {"อำนาจเจริญ", "Amnat Charoen", 3},

	{"กาฬสินธุ์", "Kalasin", 4}, {"ขอนแก่น", "Khon Kaen", 4}, {"นครพนม", "Nakhon Phanom", 4},
	{"บึงกาฬ", "Bueng Kan", 4}, {"มหาสารคาม", "Maha Sarakham", 4}, {"มุกดาหาร", "Mukdahan", 4},
	{"ร้อยเอ็ด", "Roi Et", 4}, {"เลย", "Loei", 4}, {"สกลนคร", "Sakon Nakhon", 4},
	{"หนองคาย", "Nong Khai", 4}, {"หนองบัวลำภู", "Nong Bua Lam Phu", 4}, {"อุดรธานี", "Udon Thani", 4},

	{"เชียงราย", "Chiang Rai", 5}, {"เชียงใหม่", "Chiang Mai", 5}, {"น่าน", "Nan", 5},
	{"แพร่", "Phrae", 5}, {"พะเยา", "Phayao", 5}, {"แม่ฮ่องสอน", "Mae Hong Son", 5},
	{"ลำปาง", "Lampang", 5}, {"ลำพูน", "Lamphun", 5},

	{"กำแพงเพชร", "Kamphaeng Phet", 6}, {"ตาก", "Tak", 6}, {"นครสวรรค์", "Nakhon Sawan", 6},
	{"พิจิตร", "Phichit", 6}, {"พิษณุโลก", "Phitsanulok", 6}, {"เพชรบูรณ์", "Phetchabun", 6},
	{"สุโขทัย", "Sukhothai", 6}, {"อุตรดิตถ์", "Uttaradit", 6}, {"อุทัยธานี", "Uthai Thani", 6},

	{"กาญจนบุรี", "Kanchanaburi", 7}, {"นครปฐม", "Nakhon Pathom", 7},
	{"ประจวบคีรีขันธ์", "Prachuap Khiri Khan", 7}, {"เพชรบุรี", "Phetchaburi", 7},
	{"ราชบุรี", "Ratchaburi", 7}, {"สมุทรสงคราม", "Samut Songkhram", 7},
	{"สมุทรสาคร", "Samut Sakhon", 7}, {"สุพรรณบุรี", "Suphan Buri", 7},

	{"กระบี่", "Krabi", 8}, {"ชุมพร", "Chumphon", 8}, {"นครศรีธรรมราช", "Nakhon Si Thammarat", 8},
	{"พังงา", "Phangnga", 8}, {"ภูเก็ต", "Phuket", 8}, {"ระนอง", "Ranong", 8},
	{"สุราษฎร์ธานี", "Surat Thani", 8},

	{"ตรัง", "Trang", 9}, {"นราธิวาส", "Narathiwat", 9}, {"ปัตตานี", "Pattani", 9},
	{"พัทลุง", "Phatthalung", 9}, {"ยะลา", "Yala", 9}, {"สงขลา", "Songkhla", 9}, {"สตูล", "Satun", 9},

	{"กรุงเทพมหานคร", "Bangkok", CentralGroup},
}

var provinceByName = func() map[string]Province {
	m := make(map[string]Province, 2*len(Provinces))
	for _, p := range Provinces {
		m[p.Name] = p
		m[p.NameEN] = p
	}
	return m
}()

// ProvinceByName returns the province whose Thai or English name equals
// name, with or without the prefix "จังหวัด" or "จ.", and reports whether
// one matched.
func ProvinceByName(name string) (Province, bool) {
	p, ok := provinceByName[NormalizeProvince(name)]
	return p, ok
}

// NormalizeProvince trims name and its prefix "จังหวัด" or "จ." and maps
// the common short form "กรุงเทพฯ" to "กรุงเทพมหานคร". Unknown names are
// returned trimmed.
func NormalizeProvince(name string) string {
	name = collapseSpace(name)
	for _, prefix := range []string{"จังหวัด", "จ."} {
		if len(name) > len(prefix) && name[:len(prefix)] == prefix {
			name = collapseSpace(name[len(prefix):])
		}
	}
	switch name {
	case "กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม":
		return "กรุงเทพมหานคร"
	}
	return name
}

// SuggestGroup returns the group an agency of type typeCode in province
// should belong to under the manual's rule: provinces and their local
// administrations are grouped by province, all other agencies (and
// Bangkok) are group 10. It returns 0 when the type is unknown, or a
// provincial type's province is unknown.
func SuggestGroup(typeCode, province string) int {
	t, ok := TypeByCode(typeCode)
	if !ok {
		return 0
	}
	if !t.Local && t.Code != TypeProvince {
		return CentralGroup
	}
	p, ok := ProvinceByName(province)
	if !ok {
		return 0
	}
	return p.Group
}
