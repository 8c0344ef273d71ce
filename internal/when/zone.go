package when

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type zoneCand struct {
	iana       string
	off        int
	fixed      bool
	i, j       int // tokens [i, j)
	start, end int
}

type abbrZone struct {
	off   int    // seconds east of UTC, when fixed
	iana  string // only for UTC and the generic US names
	fixed bool
	weak  bool // also an ordinary word or acronym: needs a clock or date in the line
}

const hour = 3600

// abbrevOf returns the offset of an upper-case zone abbreviation. Several are
// ambiguous; the choice made here is the one a GitLab upgrade plan most
// likely means:
//
//   - IST is India Standard Time (+05:30), not Irish (+01:00) or Israel (+02:00).
//   - BST is British Summer Time (+01:00), not Bangladesh (+06:00).
//   - CST/CDT are US Central (-06:00/-05:00), not China (+08:00) or Cuba.
//   - AST/ADT are Atlantic (-04:00/-03:00), not Arabia (+03:00).
//   - PST is US Pacific (-08:00), not Philippine.
//   - ART is Argentina (-03:00); it is weak because "ART" is also a word.
//   - ET and PT are the generic US Eastern/Pacific names: they carry an IANA
//     location instead of a fixed offset, since they mean EST or EDT by season.
//
// Abbreviations name an offset, not a place, so apart from UTC they get no
// IANA name: "CET" in July is a fixed +01:00, which lets a linter notice that
// the author probably meant CEST.
func abbrevOf(w string) (abbrZone, bool) {
	switch w {
	case "UTC":
		return abbrZone{0, "UTC", true, false}, true
	case "GMT":
		return abbrZone{0, "", true, false}, true
	case "WET":
		return abbrZone{0, "", true, false}, true
	case "WEST":
		return abbrZone{1 * hour, "", true, true}, true
	case "BST":
		return abbrZone{1 * hour, "", true, false}, true
	case "CET":
		return abbrZone{1 * hour, "", true, false}, true
	case "MEZ":
		return abbrZone{1 * hour, "", true, false}, true
	case "CEST":
		return abbrZone{2 * hour, "", true, false}, true
	case "MESZ":
		return abbrZone{2 * hour, "", true, false}, true
	case "EET":
		return abbrZone{2 * hour, "", true, false}, true
	case "SAST":
		return abbrZone{2 * hour, "", true, false}, true
	case "EEST":
		return abbrZone{3 * hour, "", true, false}, true
	case "MSK":
		return abbrZone{3 * hour, "", true, false}, true
	case "TRT":
		return abbrZone{3 * hour, "", true, false}, true
	case "PKT":
		return abbrZone{5 * hour, "", true, false}, true
	case "IST":
		return abbrZone{5*hour + 1800, "", true, false}, true
	case "WIB":
		return abbrZone{7 * hour, "", true, true}, true
	case "SGT":
		return abbrZone{8 * hour, "", true, false}, true
	case "HKT":
		return abbrZone{8 * hour, "", true, false}, true
	case "AWST":
		return abbrZone{8 * hour, "", true, false}, true
	case "PHT":
		return abbrZone{8 * hour, "", true, true}, true
	case "JST":
		return abbrZone{9 * hour, "", true, false}, true
	case "KST":
		return abbrZone{9 * hour, "", true, false}, true
	case "ACST":
		return abbrZone{9*hour + 1800, "", true, false}, true
	case "AEST":
		return abbrZone{10 * hour, "", true, false}, true
	case "ACDT":
		return abbrZone{10*hour + 1800, "", true, false}, true
	case "AEDT":
		return abbrZone{11 * hour, "", true, false}, true
	case "NZST":
		return abbrZone{12 * hour, "", true, false}, true
	case "NZDT":
		return abbrZone{13 * hour, "", true, false}, true
	case "NST":
		return abbrZone{-3*hour - 1800, "", true, true}, true
	case "BRT":
		return abbrZone{-3 * hour, "", true, false}, true
	case "ART":
		return abbrZone{-3 * hour, "", true, true}, true
	case "ADT":
		return abbrZone{-3 * hour, "", true, true}, true
	case "AST":
		return abbrZone{-4 * hour, "", true, true}, true
	case "CLT":
		return abbrZone{-4 * hour, "", true, true}, true
	case "CLST":
		// Chile's summer time, December to April.
		return abbrZone{-3 * hour, "", true, false}, true
	case "EDT":
		return abbrZone{-4 * hour, "", true, false}, true
	case "EST", "HNE":
		// (HNE: heure normale de l'Est, Quebec's EST.)
		return abbrZone{-5 * hour, "", true, false}, true
	case "HAE":
		return abbrZone{-4 * hour, "", true, false}, true
	case "CDT":
		return abbrZone{-5 * hour, "", true, false}, true
	case "COT":
		return abbrZone{-5 * hour, "", true, true}, true
	case "CST":
		return abbrZone{-6 * hour, "", true, false}, true
	case "MDT":
		return abbrZone{-6 * hour, "", true, false}, true
	case "MST":
		return abbrZone{-7 * hour, "", true, false}, true
	case "PDT":
		return abbrZone{-7 * hour, "", true, false}, true
	case "PST":
		return abbrZone{-8 * hour, "", true, false}, true
	case "AKDT":
		return abbrZone{-8 * hour, "", true, false}, true
	case "AKST":
		return abbrZone{-9 * hour, "", true, false}, true
	case "HST":
		return abbrZone{-10 * hour, "", true, false}, true
	case "ET":
		return abbrZone{0, "America/New_York", false, true}, true
	case "PT":
		return abbrZone{0, "America/Los_Angeles", false, true}, true
	case "CT":
		return abbrZone{0, "America/Chicago", false, true}, true
	case "MT":
		return abbrZone{0, "America/Denver", false, true}, true
	}
	return abbrZone{}, false
}

// places are cities and countries people name a zone after: "Berlin time",
// "hora de Madrid", "heure de Paris".
var places = [][2]string{
	{"berlin", "Europe/Berlin"}, {"germany", "Europe/Berlin"}, {"german", "Europe/Berlin"},
	{"deutschland", "Europe/Berlin"}, {"frankfurt", "Europe/Berlin"}, {"munich", "Europe/Berlin"},
	{"paris", "Europe/Paris"}, {"france", "Europe/Paris"}, {"french", "Europe/Paris"},
	{"madrid", "Europe/Madrid"}, {"spain", "Europe/Madrid"}, {"spanish", "Europe/Madrid"},
	{"españa", "Europe/Madrid"}, {"espana", "Europe/Madrid"}, {"barcelona", "Europe/Madrid"},
	{"london", "Europe/London"}, {"uk", "Europe/London"}, {"british", "Europe/London"},
	{"londres", "Europe/London"}, {"dublin", "Europe/Dublin"}, {"ireland", "Europe/Dublin"},
	{"irish", "Europe/Dublin"}, {"lisbon", "Europe/Lisbon"}, {"lisboa", "Europe/Lisbon"},
	{"portugal", "Europe/Lisbon"}, {"vienna", "Europe/Vienna"}, {"wien", "Europe/Vienna"},
	{"austria", "Europe/Vienna"}, {"zurich", "Europe/Zurich"}, {"zürich", "Europe/Zurich"},
	{"swiss", "Europe/Zurich"}, {"switzerland", "Europe/Zurich"}, {"amsterdam", "Europe/Amsterdam"},
	{"dutch", "Europe/Amsterdam"}, {"brussels", "Europe/Brussels"}, {"bruxelles", "Europe/Brussels"},
	{"rome", "Europe/Rome"}, {"roma", "Europe/Rome"}, {"italy", "Europe/Rome"},
	{"italian", "Europe/Rome"}, {"warsaw", "Europe/Warsaw"}, {"prague", "Europe/Prague"},
	{"stockholm", "Europe/Stockholm"}, {"oslo", "Europe/Oslo"}, {"copenhagen", "Europe/Copenhagen"},
	{"helsinki", "Europe/Helsinki"}, {"athens", "Europe/Athens"}, {"istanbul", "Europe/Istanbul"},
	{"moscow", "Europe/Moscow"}, {"kyiv", "Europe/Kyiv"}, {"kiev", "Europe/Kyiv"},
	{"new york", "America/New_York"}, {"chicago", "America/Chicago"}, {"denver", "America/Denver"},
	{"los angeles", "America/Los_Angeles"}, {"san francisco", "America/Los_Angeles"},
	{"seattle", "America/Los_Angeles"}, {"toronto", "America/Toronto"},
	{"vancouver", "America/Vancouver"}, {"montreal", "America/Toronto"}, {"montréal", "America/Toronto"}, {"québec", "America/Toronto"},
	{"mexico city", "America/Mexico_City"}, {"méxico", "America/Mexico_City"},
	{"mexico", "America/Mexico_City"}, {"bogotá", "America/Bogota"}, {"bogota", "America/Bogota"},
	{"lima", "America/Lima"}, {"santiago", "America/Santiago"},
	{"buenos aires", "America/Argentina/Buenos_Aires"}, {"argentina", "America/Argentina/Buenos_Aires"},
	{"são paulo", "America/Sao_Paulo"}, {"sao paulo", "America/Sao_Paulo"},
	{"chile", "America/Santiago"}, {"colombia", "America/Bogota"}, {"perú", "America/Lima"}, {"peru", "America/Lima"},
	{"brasília", "America/Sao_Paulo"}, {"brasilia", "America/Sao_Paulo"}, {"brasil", "America/Sao_Paulo"}, {"brazil", "America/Sao_Paulo"},
	{"venezuela", "America/Caracas"}, {"uruguay", "America/Montevideo"}, {"montevideo", "America/Montevideo"},
	{"ecuador", "America/Guayaquil"}, {"guatemala", "America/Guatemala"}, {"costa rica", "America/Costa_Rica"},
	{"panamá", "America/Panama"}, {"panama", "America/Panama"}, {"caracas", "America/Caracas"},
	{"tokyo", "Asia/Tokyo"}, {"japan", "Asia/Tokyo"}, {"seoul", "Asia/Seoul"},
	{"beijing", "Asia/Shanghai"}, {"shanghai", "Asia/Shanghai"}, {"hong kong", "Asia/Hong_Kong"},
	{"singapore", "Asia/Singapore"}, {"india", "Asia/Kolkata"}, {"bangalore", "Asia/Kolkata"},
	{"bengaluru", "Asia/Kolkata"}, {"mumbai", "Asia/Kolkata"}, {"delhi", "Asia/Kolkata"},
	{"dubai", "Asia/Dubai"}, {"sydney", "Australia/Sydney"}, {"melbourne", "Australia/Melbourne"},
	{"auckland", "Pacific/Auckland"},
	{"macau", "Asia/Macau"}, {"macao", "Asia/Macau"}, {"taipei", "Asia/Taipei"}, {"taiwan", "Asia/Taipei"},
	{"manila", "Asia/Manila"}, {"jakarta", "Asia/Jakarta"}, {"bangkok", "Asia/Bangkok"}, {"kuala lumpur", "Asia/Kuala_Lumpur"},
	{"hanoi", "Asia/Ho_Chi_Minh"}, {"osaka", "Asia/Tokyo"}, {"korea", "Asia/Seoul"}, {"china", "Asia/Shanghai"},
	{"perth", "Australia/Perth"}, {"brisbane", "Australia/Brisbane"}, {"adelaide", "Australia/Adelaide"},
	{"wellington", "Pacific/Auckland"}, {"nouméa", "Pacific/Noumea"}, {"noumea", "Pacific/Noumea"}, {"honolulu", "Pacific/Honolulu"},
	{"houston", "America/Chicago"}, {"dallas", "America/Chicago"}, {"austin", "America/Chicago"}, {"phoenix", "America/Phoenix"},
	{"boston", "America/New_York"}, {"atlanta", "America/New_York"}, {"miami", "America/New_York"},
	{"portland", "America/Los_Angeles"}, {"san diego", "America/Los_Angeles"}, {"san jose", "America/Los_Angeles"},
	{"johannesburg", "Africa/Johannesburg"}, {"cairo", "Africa/Cairo"}, {"lagos", "Africa/Lagos"}, {"nairobi", "Africa/Nairobi"},
	{"tel aviv", "Asia/Jerusalem"}, {"riyadh", "Asia/Riyadh"}, {"karachi", "Asia/Karachi"}, {"dhaka", "Asia/Dhaka"},
}

// named are spelled-out zone names. They imply a location but not an
// offset (the season decides), except the two that are UTC itself.
var named = []struct {
	text  string
	iana  string
	fixed bool
}{
	// Mexico's zones by their Spanish names.
	{"hora del centro de méxico", "America/Mexico_City", false},
	{"hora del centro de mexico", "America/Mexico_City", false},
	{"hora del pacífico de méxico", "America/Mazatlan", false},
	{"hora del pacifico de mexico", "America/Mazatlan", false},
	{"central european time", "Europe/Berlin", false},
	{"central european summer time", "Europe/Berlin", false},
	{"central european standard time", "Europe/Berlin", false},
	{"eastern european time", "Europe/Athens", false},
	{"eastern european summer time", "Europe/Athens", false},
	{"western european time", "Europe/Lisbon", false},
	{"western european summer time", "Europe/Lisbon", false},
	{"eastern time", "America/New_York", false},
	{"eastern standard time", "America/New_York", false},
	{"eastern daylight time", "America/New_York", false},
	{"us eastern time", "America/New_York", false},
	{"central time", "America/Chicago", false},
	{"central standard time", "America/Chicago", false},
	{"central daylight time", "America/Chicago", false},
	{"mountain time", "America/Denver", false},
	{"mountain standard time", "America/Denver", false},
	{"mountain daylight time", "America/Denver", false},
	{"pacific time", "America/Los_Angeles", false},
	{"pacific standard time", "America/Los_Angeles", false},
	{"pacific daylight time", "America/Los_Angeles", false},
	{"us pacific time", "America/Los_Angeles", false},
	{"us pacific", "America/Los_Angeles", false},
	{"us eastern", "America/New_York", false},
	{"us central", "America/Chicago", false},
	{"us mountain", "America/Denver", false},
	{"atlantic time", "America/Halifax", false},
	{"alaska time", "America/Anchorage", false},
	{"hawaii time", "Pacific/Honolulu", false},
	{"british summer time", "Europe/London", false},
	{"india standard time", "Asia/Kolkata", false},
	{"japan standard time", "Asia/Tokyo", false},
	{"korea standard time", "Asia/Seoul", false},
	{"china standard time", "Asia/Shanghai", false},
	{"australian eastern time", "Australia/Sydney", false},
	{"australian eastern standard time", "Australia/Sydney", false},
	{"greenwich mean time", "", true},
	{"coordinated universal time", "UTC", true},
	{"mitteleuropäische zeit", "Europe/Berlin", false},
	{"mitteleuropäischer zeit", "Europe/Berlin", false},
	{"mitteleuropaeische zeit", "Europe/Berlin", false},
	{"mitteleuropäische sommerzeit", "Europe/Berlin", false},
	{"mitteleuropäischer sommerzeit", "Europe/Berlin", false},
	{"osteuropäische zeit", "Europe/Athens", false},
	{"westeuropäische zeit", "Europe/Lisbon", false},
	{"deutsche zeit", "Europe/Berlin", false},
	{"deutscher zeit", "Europe/Berlin", false},
	{"berliner zeit", "Europe/Berlin", false},
	{"wiener zeit", "Europe/Vienna", false},
	{"schweizer zeit", "Europe/Zurich", false},
	{"heure d europe centrale", "Europe/Paris", false},
	{"heure normale d europe centrale", "Europe/Paris", false},
	{"heure d été d europe centrale", "Europe/Paris", false},
	{"heure de l est", "America/Toronto", false},
	{"heure normale de l est", "America/Toronto", false},
	{"heure avancée de l est", "America/Toronto", false},
	{"heure du pacifique", "America/Vancouver", false},
	{"heure française", "Europe/Paris", false},
	{"heure francaise", "Europe/Paris", false},
	{"hora central europea", "Europe/Madrid", false},
	{"hora de europa central", "Europe/Madrid", false},
	{"hora peninsular", "Europe/Madrid", false},
	{"hora peninsular española", "Europe/Madrid", false},
	{"hora peninsular espanola", "Europe/Madrid", false},
	{"hora española", "Europe/Madrid", false},
	{"hora espanola", "Europe/Madrid", false},
	{"ora italiana", "Europe/Rome", false},
	{"ora dell europa centrale", "Europe/Rome", false},
	{"nederlandse tijd", "Europe/Amsterdam", false},
}

type phrase struct {
	words []string // after the first word
	iana  string
	fixed bool
}

// buildPhrases maps the first word of each zone phrase to the phrases
// starting with it, longest first. build() lays them out in
// zonePhraseList, where the lexicon entry of the first word finds them.
func buildPhrases() map[string][]phrase {
	m := make(map[string][]phrase)
	addp := func(text, iana string, fixed bool) {
		w := strings.Fields(text)
		m[w[0]] = append(m[w[0]], phrase{words: w[1:], iana: iana, fixed: fixed})
	}
	for _, p := range places {
		addp(p[0]+" time", p[1], false)
		addp("hora de "+p[0], p[1], false)
		addp("horario de "+p[0], p[1], false)
		addp("heure de "+p[0], p[1], false)
		addp("horário de "+p[0], p[1], false)
		addp("ora di "+p[0], p[1], false)
	}
	for _, z := range named {
		addp(z.text, z.iana, z.fixed)
	}
	for _, list := range m {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	}
	return m
}

// ianaRegion reports whether w is the first component of IANA names
// worth trying.
func ianaRegion(w string) bool {
	switch w {
	case "Africa", "America", "Antarctica", "Arctic", "Asia",
		"Atlantic", "Australia", "Europe", "Indian", "Pacific",
		"Etc", "US", "Canada", "Brazil", "Mexico", "Chile":
		return true
	}
	return false
}

// Loaded locations are cached: time.LoadLocation parses tzdata every time.
var (
	locCache sync.Map // name -> *time.Location (nil when invalid)
	locCount atomic.Int32
)

const maxLocCache = 4096

// Location returns the IANA time zone name, or nil when the system's
// time zone data does not know it. Locations are loaded once per process.
func Location(name string) *time.Location {
	if v, ok := locCache.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "Local" {
		loc = nil
	}
	if locCount.Add(1) <= maxLocCache {
		locCache.Store(strings.Clone(name), loc)
	}
	return loc
}

// findZones collects time zones: IANA names, abbreviations with optional
// offsets, spelled-out names, and numeric offsets written after a time.
func (s *scanner) findZones() {
	t := s.toks
	for i := 0; i < len(t); i++ {
		if t[i].kind != kWord {
			continue
		}
		z, ok := s.zoneAt(i)
		if !ok {
			continue
		}
		s.addZone(z)
		i = z.j - 1
	}
	words := len(s.zones)
	for k := range s.times {
		it := &s.times[k]
		s.offsetAfter(&it.a)
		if it.rng {
			s.offsetAfter(&it.b)
		}
	}
	if len(s.zones) > words {
		slices.SortStableFunc(s.zones, func(a, b zoneCand) int { return a.start - b.start })
	}
}

func (s *scanner) addZone(z zoneCand) {
	z.start, z.end = s.toks[z.i].start, s.toks[z.j-1].end
	for k := z.i; k < z.j; k++ {
		s.toks[k].zone = true
	}
	s.zones = append(s.zones, z)
}

func (s *scanner) zoneAt(i int) (z zoneCand, ok bool) {
	t := &s.toks[i]
	word := s.text[t.start:t.end]
	if s.punctAt(i+1, '/') && (t.title || t.upper) && i+2 < len(s.toks) &&
		s.toks[i+2].kind == kWord && !s.toks[i+2].space && ianaRegion(word) {
		if z, ok := s.ianaAt(i); ok {
			return z, true
		}
	}
	if t.end-t.start <= 4 && (t.upper || t.end-t.start == 3) {
		if z, ok := s.abbrAt(i, word); ok {
			return z, true
		}
	}
	if s.flags(i)&lxZoneStart != 0 {
		if z, ok := s.phraseAt(i); ok {
			return z, true
		}
	}
	if i > 0 && s.toks[i-1].clockEnd && (t.title || t.upper) && s.rightOK(i+1) {
		// "22:00 Pacific", "7 PM Eastern": a US zone named by its region
		// alone, capitalised, right after a clock time.
		if iana := usRegions[string(s.low[t.lo:t.hi])]; iana != "" {
			return zoneCand{iana: iana, i: i, j: i + 1}, true
		}
	}
	return z, false
}

// usRegions are the US zones a plan may name by region alone after a
// clock time.
var usRegions = map[string]string{
	"pacific":  "America/Los_Angeles",
	"mountain": "America/Denver",
	"central":  "America/Chicago",
	"eastern":  "America/New_York",
}

// abbrAt reads an upper-case abbreviation ("CET", "Z", "UTC+1").
func (s *scanner) abbrAt(i int, word string) (z zoneCand, ok bool) {
	t := s.toks
	n := len(t)
	if word == "Z" {
		// Only glued to, or right after, a clock time: "22:00Z", "22:00 Z".
		if i == 0 || !t[i-1].clockEnd || !s.rightOK(i+1) {
			return z, false
		}
		return zoneCand{iana: "", off: 0, fixed: true, i: i, j: i + 1}, true
	}
	var az abbrZone
	found := false
	if t[i].upper {
		az, found = abbrevOf(word)
	}
	utcLike := word == "UTC" || word == "GMT"
	if !found {
		// UTC and GMT are unambiguous in any case; the others must be upper case.
		switch string(s.low[t[i].lo:t[i].hi]) {
		case "utc":
			az, _ = abbrevOf("UTC")
		case "gmt":
			az, _ = abbrevOf("GMT")
		default:
			return z, false
		}
		utcLike = true
	}
	if az.weak && !s.hasClock && len(s.dates) == 0 {
		return z, false
	}
	// Standalone: not part of "IST-Version", "us-west", "x/CET".
	if i > 0 && !t[i].space {
		p := &t[i-1]
		if p.kind != kPunct {
			return z, false
		}
		switch p.val {
		case '(', '[', '{', '"', '\'', '`', '*', ',', ';', ':':
		case '/':
			if i < 2 || !t[i-2].zone {
				return z, false
			}
		default:
			return z, false
		}
	}
	z = zoneCand{iana: az.iana, off: az.off, fixed: az.fixed, i: i, j: i + 1}
	if utcLike {
		// UTC+1, GMT-5, UTC +01:00, GMT−05:00
		p := i + 1
		if p+1 < n && t[p].kind == kPunct && (t[p].val == '+' || t[p].val == '-' || t[p].val == '−') &&
			t[p+1].kind == kNum && !t[p+1].space {
			if off, e, ok := s.offsetAt(p); ok {
				return zoneCand{off: off, fixed: true, i: i, j: e}, true
			}
		}
	}
	if !s.rightOK(i+1) && !(s.punctAt(i+1, '/') && i+2 < n && t[i+2].kind == kWord && t[i+2].upper) {
		return z, false
	}
	return z, true
}

// offsetAt reads "+1", "+01", "+01:00", "+0100", "-5", "−05:00" at the sign
// token p and returns the offset in seconds and the end token.
func (s *scanner) offsetAt(p int) (off, end int, ok bool) {
	t := s.toks
	sign := 1
	if t[p].val != '+' {
		sign = -1
	}
	a := &t[p+1]
	var h, m int
	e := p + 2
	switch a.ndig {
	case 1, 2:
		h = a.val
		if s.punctAt(e, ':') && s.numAt(e+1, 2) {
			m = t[e+1].val
			e += 2
		}
	case 4:
		h, m = a.val/100, a.val%100
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 || !s.rightOK(e) {
		return 0, 0, false
	}
	return sign * (h*hour + m*60), e, true
}

// offsetAfter records a numeric offset written right after clock c:
// "22:00+01:00", "22:00 -0500", "T22:00:00-05:00".
func (s *scanner) offsetAfter(c *clockCand) {
	t := s.toks
	p := c.j
	if p+1 >= len(t) || t[p].kind != kPunct || t[p+1].kind != kNum || t[p+1].space || t[p+1].used || t[p].zone {
		return
	}
	switch {
	case t[p].val == '+':
	case t[p].val == '-' || t[p].val == '−':
		// A glued "-05:00" is a range end unless the time is ISO 8601;
		// "-0500" and a spaced " -05:00" are offsets.
		if !c.iso && t[p+1].ndig != 4 && !t[p].space {
			return
		}
	default:
		return
	}
	off, e, ok := s.offsetAt(p)
	if !ok {
		return
	}
	s.addZone(zoneCand{off: off, fixed: true, i: p, j: e})
}

// ianaAt reads an IANA location name such as "Europe/Berlin" or
// "America/Argentina/Buenos_Aires" starting at word i and checks it
// against the time zone database.
func (s *scanner) ianaAt(i int) (z zoneCand, ok bool) {
	t := s.toks
	if i > 0 && !t[i].space {
		p := &t[i-1]
		if p.kind != kPunct {
			return z, false
		}
		switch p.val {
		case '(', '[', '"', '\'', '`', '*', ',', ';', ':':
		default:
			return z, false
		}
	}
	text := s.text
	start := t[i].start
	j := start
	for j < len(text) && j-start < 64 && ianaByte(text[j]) {
		j++
	}
	for j > start && !alnum(text[j-1]) {
		j--
	}
	if j < len(text) && alnum(text[j]) {
		return z, false // longer than any zone name
	}
	name := text[start:j]
	if !ianaShape(name) {
		return z, false
	}
	if Location(name) == nil {
		k := strings.LastIndexByte(name, '/')
		if k < 0 || strings.Count(name, "/") < 2 {
			return z, false
		}
		name = name[:k]
		if Location(name) == nil {
			return z, false
		}
	}
	end := start + len(name)
	e := i
	for e < len(t) && t[e].end <= end {
		e++
	}
	if t[e-1].end != end {
		return z, false
	}
	return zoneCand{iana: name, i: i, j: e}, true
}

// ianaShape reports whether every component of name starts with an
// upper-case letter, as all IANA location names do; it spares the time
// zone database most lookups of things that are not zones.
func ianaShape(name string) bool {
	for i := 0; i < len(name); i++ {
		if (i == 0 || name[i-1] == '/') && (name[i] < 'A' || name[i] > 'Z') {
			return false
		}
	}
	return true
}

func alnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func ianaByte(c byte) bool {
	return alnum(c) || c == '_' || c == '-' || c == '+' || c == '/'
}

// phraseAt reads a spelled-out zone name starting at word i.
func (s *scanner) phraseAt(i int) (z zoneCand, ok bool) {
	t := s.toks
	n := len(t)
	e := t[i].entry()
	list := zonePhraseList[e.phrases : e.phrases+e.nphrases]
	for pi := range list {
		ph := &list[pi]
		k := i + 1
		match := true
		for _, w := range ph.words {
			if k < n && t[k].kind == kPunct && (t[k].val == '\'' || t[k].val == '’') && !t[k].space {
				k++
				if k >= n || t[k].space {
					match = false
					break
				}
			} else if k >= n || !t[k].space {
				match = false
				break
			}
			if !s.is(k, w) {
				match = false
				break
			}
			k++
		}
		if match && s.rightOK(k) {
			return zoneCand{iana: ph.iana, fixed: ph.fixed, i: i, j: k}, true
		}
	}
	return z, false
}
