package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// agency is one synthetic agency.
type agency struct {
	code, name         string
	internal, external int // stakeholder populations
	// quality is the agency's level of integrity on the 0–100 scale: the score its
	// respondents and OIT items tend towards.
	quality float64
}

// kind is a type of agency with its share of a national year (fiscal 2563: 8,302 agencies,
// 7,852 of them local administrations) and the ranges its stakeholder populations are drawn
// from, log-uniformly so that small ones are common.
type kind struct {
	prefix   string // of the agency code
	count    int    // agencies of this kind among 8,302
	internal [2]int
	external [2]int
	// nameOf names the kind's j-th agency.
	nameOf func(r *rand.Rand, j int) string
}

var kinds = []kind{
	{"C", 3, [2]int{3000, 12000}, [2]int{50_000, 500_000}, inTurn("สำนักงานศาลยุติธรรม", "สำนักงานศาลปกครอง", "สำนักงานศาลรัฐธรรมนูญ")},
	{"I", 8, [2]int{300, 3000}, [2]int{5000, 100_000}, prefixed("สำนักงานคณะกรรมการ", fields)},
	{"D", 146, [2]int{400, 30_000}, [2]int{5000, 1_000_000}, prefixed("กรม", duties)},
	{"P", 76, [2]int{150, 600}, [2]int{5000, 50_000}, prefixed("จังหวัด", places)},
	{"O", 55, [2]int{50, 800}, [2]int{1000, 50_000}, prefixed("สถาบัน", duties)},
	{"S", 52, [2]int{200, 25_000}, [2]int{10_000, 2_000_000}, prefixed("", enterprises, places)},
	{"U", 84, [2]int{500, 12_000}, [2]int{5000, 60_000}, prefixed("", universities, places)},
	{"X", 26, [2]int{30, 500}, [2]int{500, 20_000}, prefixed("กองทุน", duties)},
	{"J", 76, [2]int{300, 1500}, [2]int{2000, 30_000}, prefixed("องค์การบริหารส่วนจังหวัด", places)},
	{"N", 30, [2]int{800, 4000}, [2]int{5000, 50_000}, prefixed("เทศบาลนคร", places)},
	{"M", 195, [2]int{150, 800}, [2]int{800, 6000}, prefixed("เทศบาลเมือง", places)},
	{"B", 2247, [2]int{30, 200}, [2]int{200, 1500}, prefixed("เทศบาลตำบล", places)},
	{"T", 5304, [2]int{20, 150}, [2]int{150, 1200}, prefixed("องค์การบริหารส่วนตำบล", places)},
}

// makeAgencies draws n agencies, the kinds in their national proportions (largest remainder,
// so that a small year still gets a few large agencies when n allows).
func makeAgencies(r *rand.Rand, n int) []agency {
	total := 0
	for _, k := range kinds {
		total += k.count
	}
	counts := apportion(n, len(kinds), func(i int) float64 { return float64(kinds[i].count) / float64(total) })
	list := make([]agency, 0, n)
	for i, k := range kinds {
		for j := range counts[i] {
			name := k.nameOf(r, j)
			list = append(list, agency{
				code:     k.prefix + pad5(j+1),
				name:     name,
				internal: logUniform(r, k.internal),
				external: logUniform(r, k.external),
				// Skewed towards the top: the median agency scores about 85, a long tail
				// reaches down to 65.
				quality: 98 - 33*math.Pow(r.Float64(), 1.3),
			})
		}
	}
	return list
}

// apportion splits n into len parts by the shares share(i) (summing to 1), rounding by the
// largest remainder so that the parts sum to n exactly.
func apportion(n, parts int, share func(int) float64) []int {
	counts := make([]int, parts)
	rem := make([]float64, parts)
	left := n
	for i := range counts {
		x := float64(n) * share(i)
		counts[i] = int(x)
		rem[i] = x - float64(counts[i])
		left -= counts[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		counts[best]++
		rem[best] = -1
	}
	return counts
}

func logUniform(r *rand.Rand, span [2]int) int {
	lo, hi := math.Log(float64(span[0])), math.Log(float64(span[1]))
	return int(math.Exp(lo + r.Float64()*(hi-lo)))
}

func pad5(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 5 {
		s = "0" + s
	}
	return s
}
