package synth

import (
	"math/rand/v2"
	"strconv"
)

// blankBelow leaves an answer cell blank when 32 random bits fall below it: 1 cell in 50.
const blankBelow = (1 << 32) / 50

// Demographic columns: passed over by scoring, present because real exports carry them.
var (
	genders       = []string{"ชาย", "หญิง", "หญิง", "ชาย", "หญิง", "ไม่ระบุ"}
	relationships = []string{"ประชาชน", "ประชาชน", "ประชาชน", "ภาคธุรกิจ", "หน่วยงานของรัฐ"}
	years         = func() []string {
		s := make([]string, 41)
		for i := range s {
			s[i] = strconv.Itoa(i)
		}
		return s
	}()
)

// writeSurvey writes one survey file: agency,respondent[,part], demographics, then one column
// per item. Rows come agency by agency, in the agencies file's order.
func writeSurvey(path string, y *year, sv *survey, r *rand.Rand) error {
	header := []string{"agency", "respondent"}
	parts := len(sv.ins.Parts)
	if parts > 0 {
		header = append(header, "part")
	}
	internal := sv.ins.Population == "internal"
	if internal {
		header = append(header, "gender", "years_of_service")
	} else {
		header = append(header, "gender", "relationship")
	}
	first := len(header)
	for _, it := range sv.items {
		header = append(header, it.key)
	}
	c, err := createCSV(path, header)
	if err != nil {
		return err
	}
	rec := make([]string, len(header))
	target := make([]float64, len(sv.items))
	// Respondent ids look like opaque tokens and are unique in the file: the row number
	// through a bijection of uint32.
	salt := r.Uint32()
	var idBuf [8]byte
	row := uint32(0)
	// EIT respondents lean a few points kinder than the agency's own staff, as published
	// results do.
	lean := 0.0
	if !internal {
		lean = 3
	}
	for ai, a := range y.agencies {
		n := sv.counts[ai]
		if n == 0 {
			continue
		}
		q := a.quality + lean + r.NormFloat64()*3
		for k, it := range sv.items {
			target[k] = clamp((q+it.difficulty+r.NormFloat64()*5)/100, 0, 1)
		}
		rec[0] = a.code
		for range n {
			rec[1] = hexID(&idBuf, row*0x9E3779B1+salt)
			row++
			col := 2
			if parts > 0 {
				// Part 1 comes through the agency's link or QR code, part 2 from the assessors:
				// most respondents are part 1.
				rec[col] = years[1]
				if r.IntN(10) >= 7 {
					rec[col] = years[2]
				}
				col++
			}
			rec[col] = genders[r.IntN(len(genders))]
			if internal {
				u := r.Float64()
				rec[col+1] = years[1+int(34*u*u)]
			} else {
				rec[col+1] = relationships[r.IntN(len(relationships))]
			}
			fillAnswers(rec[first:], sv.items, target, r)
			if err := c.write(rec); err != nil {
				c.close()
				return err
			}
		}
	}
	return c.close()
}

// fillAnswers draws one respondent's answer codes. A respondent is kinder or harsher than
// the agency's mean by a personal offset; each answer is the target level plus that offset,
// rounded at random so that the mean over respondents stays on target.
func fillAnswers(rec []string, items []item, target []float64, r *rand.Rand) {
	offset := r.NormFloat64() * 0.1
	answered := false
	for k := range items {
		bits := r.Uint64()
		if uint32(bits>>32) < blankBelow {
			rec[k] = ""
			continue
		}
		codes := items[k].codes
		top := len(codes) - 1
		x := (target[k]+offset)*float64(top) + float64(uint32(bits))/(1<<32)
		level := min(max(int(x), 0), top)
		rec[k] = codes[level]
		answered = true
	}
	if !answered {
		// Nobody submits an empty form: scoring rejects one.
		rec[0] = items[0].codes[len(items[0].codes)-1]
	}
}

// hexID formats v as 8 lower-case hex digits.
func hexID(buf *[8]byte, v uint32) string {
	const digits = "0123456789abcdef"
	for i := 7; i >= 0; i-- {
		buf[i] = digits[v&15]
		v >>= 4
	}
	return string(buf[:])
}
