package synth

import (
	"math/rand/v2"
	"strconv"
)

// Thai-looking agency names. Place names are built from the syllables village and sub-district
// names are commonly made of (บาง + แก้ว = บางแก้ว); they repeat across the country, as real
// ones do, so an agency is known by its code.

// word draws one part of a name.
type word func(r *rand.Rand) string

var placeHeads = []string{
	"บาง", "นา", "หนอง", "ท่า", "ดอน", "โคก", "คลอง", "ห้วย", "บ้าน", "วัง",
	"ทุ่ง", "เขา", "โนน", "สระ", "บึง", "ลำ", "แม่", "ป่า", "หาด", "เกาะ",
}

var placeTails = []string{
	"ใหญ่", "แก้ว", "ทอง", "เหนือ", "ใต้", "พระ", "ยาง", "ขาม", "เสือ", "ช้าง",
	"กลาง", "โพธิ์", "ไผ่", "มะม่วง", "จันทร์", "หลวง", "น้อย", "สะแก", "ตะเคียน", "ขี้เหล็ก",
	"บัว", "เตย", "ปลาหมอ", "กระทุ่ม", "เส", "งาม", "สามัคคี", "ศรี", "ทราย", "ม่วง",
}

// places draws a place name of two syllables, or three now and then.
func places(r *rand.Rand) string {
	s := placeHeads[r.IntN(len(placeHeads))] + placeTails[r.IntN(len(placeTails))]
	if r.IntN(10) < 3 {
		s += placeTails[r.IntN(len(placeTails))]
	}
	return s
}

var (
	duties = oneOf(
		"ส่งเสริมการเกษตร", "พัฒนาชุมชน", "การค้าภายใน", "ทรัพยากรน้ำ", "พัฒนาที่ดิน",
		"ส่งเสริมการท่องเที่ยว", "พัฒนาฝีมือแรงงาน", "สนับสนุนบริการสุขภาพ", "ประมง", "ป่าไม้",
		"พัฒนาพลังงานทดแทน", "ส่งเสริมการเรียนรู้", "ส่งเสริมอุตสาหกรรม", "ส่งเสริมสหกรณ์", "การขนส่งทางบก",
		"ป้องกันและบรรเทาสาธารณภัย", "ควบคุมโรค", "อนุรักษ์ทรัพยากรทางทะเล", "ส่งเสริมวัฒนธรรม", "บัญชีกลาง",
	)
	fields = oneOf(
		"การเลือกตั้ง", "การแข่งขันทางการค้า", "กำกับกิจการพลังงาน", "คุ้มครองผู้บริโภค",
		"ส่งเสริมการลงทุน", "การอาชีวศึกษา", "พัฒนาระบบราชการ", "ข้อมูลข่าวสารของราชการ",
	)
	enterprises  = oneOf("การไฟฟ้า", "การประปา", "การเคหะ", "องค์การตลาด", "สถานธนานุบาล", "องค์การขนส่ง")
	universities = oneOf("มหาวิทยาลัย", "มหาวิทยาลัยราชภัฏ", "มหาวิทยาลัยเทคโนโลยีราชมงคล", "วิทยาลัยชุมชน")
)

// oneOf draws one of the given words.
func oneOf(list ...string) word {
	return func(r *rand.Rand) string { return list[r.IntN(len(list))] }
}

// prefixed names an agency prefix + one draw of each word in turn ("กรม" + "ประมง").
func prefixed(prefix string, words ...word) func(*rand.Rand, int) string {
	return func(r *rand.Rand, _ int) string {
		s := prefix
		for _, w := range words {
			s += w(r)
		}
		return s
	}
}

// inTurn names the j-th agency after the j-th name of a short list, numbering the second
// round and later ones ("สำนักงานศาลปกครอง 2").
func inTurn(names ...string) func(*rand.Rand, int) string {
	return func(_ *rand.Rand, j int) string {
		s := names[j%len(names)]
		if round := j / len(names); round > 0 {
			s += " " + strconv.Itoa(round+1)
		}
		return s
	}
}
