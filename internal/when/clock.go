package when

import "time"

// cform is the written shape of a clock time.
type cform uint8

const (
	fColon cform = iota + 1 // 22:00, 9:30, 22:00:00
	fDot                    // 22.00
	fH                      // 22h, 22h00, 22 h 30 (also a duration shape: 4h)
	fBare                   // 22 (only with a unit, or as the start of a range)
)

// cunit is the suffix written after a clock time.
type cunit uint8

const (
	uNone   cunit = iota
	uUhr          // Uhr
	uH            // 22:00 h
	uAMPM         // am, pm, a.m., p.m.
	uHrs          // 22:00 hrs
	uPeriod       // 8 Uhr abends, 9 de la noche: a part of the day
)

type clockCand struct {
	h, m    int // 24-hour value
	raw     int // hour as written
	i, j    int // tokens [i, j)
	form    cform
	unit    cunit
	ampm    byte // 'a', 'p' or 0
	hasMin  bool
	zeroPad bool // "08h", "04:00"
	iso     bool // follows the T of an ISO date-time
	// days is the run-sheet day written before a range's end ("D+1
	// 06h00"): the days after the start's day.
	days int
}

func (c *clockCand) strong() bool {
	return c.form == fColon || c.form == fH || c.unit != uNone
}

// dotNoUnit reports whether c is a dotted time without any unit ("22.00"),
// which could as well be a version number.
func (c *clockCand) dotNoUnit() bool { return c.form == fDot && c.unit == uNone }

// timeItem is a single clock time or a range of two.
type timeItem struct {
	a, b clockCand
	rng  bool
}

// parseClock reads the clock-time shape starting at number token i without
// deciding whether the context makes it a time. The left boundary is the
// caller's business.
func (s *scanner) parseClock(i int) (c clockCand, ok bool) {
	t := s.toks
	n := len(t)
	a := &t[i]
	if a.kind != kNum || a.used || a.ndig > 2 {
		return c, false
	}
	c.i = i
	c.raw = a.val
	c.zeroPad = a.ndig == 2 && a.val < 10
	h, m := a.val, 0
	k := i + 1
	switch {
	case s.punctAt(k, ':') && s.numAt(k+1, 2):
		m = t[k+1].val
		k += 2
		c.form, c.hasMin = fColon, true
		if s.punctAt(k, ':') && s.numAt(k+1, 2) {
			if t[k+1].val > 59 {
				return c, false
			}
			k += 2
			if (s.punctAt(k, '.') || s.punctAt(k, ',')) && s.numAt(k+1, 0) && s.isoAfterT(i) {
				k += 2 // fractional seconds: T22:00:00.000Z
			}
		}
	case s.punctAt(k, '.') && s.numAt(k+1, 2):
		m = t[k+1].val
		k += 2
		c.form, c.hasMin = fDot, true
		if s.punctAt(k, '.') && s.numAt(k+1, 0) {
			return c, false // 16.11.10: a version or an address
		}
	case s.is(k, "h"):
		c.form = fH
		k++
		if k < n && t[k].kind == kNum && t[k].ndig == 2 && !t[k].used &&
			(!t[k].space || t[k-1].space) {
			if s.minuteUnitAt(k + 1) {
				return c, false // "1 h 30 min" is a duration
			}
			m = t[k].val
			c.hasMin = true
			k++
		}
	default:
		c.form = fBare
	}

	if c.form != fH && k < n {
		switch {
		case s.is(k, "uhr"):
			c.unit = uUhr
			k++
		case c.form != fBare && s.is(k, "h"):
			c.unit = uH
			k++
		case c.form == fColon && (s.is(k, "hrs") || s.is(k, "hr")):
			c.unit = uHrs
			k++
		default:
			if e, ap := s.meridiem(k); ap != 0 {
				c.ampm = ap
				c.unit = uAMPM
				k = e
			}
		}
	}

	if c.ampm != 0 {
		if h < 1 || h > 12 {
			return c, false
		}
		if c.ampm == 'a' {
			if h == 12 {
				h = 0
			}
		} else if h < 12 {
			h += 12
		}
	}
	if c.ampm == 0 && h <= 12 {
		if e, add := s.dayPeriod(k, h, c.unit == uNone); e > k {
			h = (h + add) % 24
			k = e
			if c.unit == uNone {
				c.unit = uPeriod
			}
		}
	}
	if h == 24 && m == 0 {
		h = 0
	}
	if h > 23 || m > 59 {
		return c, false
	}
	if !s.clockRightOK(k) {
		return c, false
	}
	c.h, c.m, c.j = h, m, k
	return c, true
}

// clockRightOK is rightOK plus what may be glued to a clock time: a "Z", or
// a numeric UTC offset "+01:00".
func (s *scanner) clockRightOK(k int) bool {
	if s.rightOK(k) {
		return true
	}
	t := s.toks
	if k >= len(t) {
		return true
	}
	if t[k].kind == kWord && t[k].end-t[k].start == 1 && s.text[t[k].start] == 'Z' {
		return s.rightOK(k + 1)
	}
	if t[k].kind == kPunct && (t[k].val == '+' || t[k].val == '−') && k+1 < len(t) && t[k+1].kind == kNum {
		return true
	}
	return false
}

// meridiem reads "am", "pm", "a.m.", "p.m.", "a. m." at token k and
// returns the end token and 'a' or 'p'.
func (s *scanner) meridiem(k int) (end int, ap byte) {
	t := s.toks
	n := len(t)
	if k >= n || t[k].kind != kWord {
		return k, 0
	}
	switch {
	case s.is(k, "am") || s.is(k, "pm"):
		ap = s.low[t[k].lo]
		if ap == 'a' && t[k].space && !t[k].upper {
			// German "am": "Phase 1 am 12.12.", "10 am Samstag".
			nx := k + 1
			if nx < n && (t[nx].kind == kNum || (s.hint && (s.isWeekday(nx) || s.flags(nx)&lxMonth != 0))) {
				return k, 0
			}
		}
		return k + 1, ap
	case s.is(k, "a") || s.is(k, "p"):
		// a.m., p.m., a. m.
		if !s.punctAt(k+1, '.') || !s.is(k+2, "m") {
			return k, 0
		}
		end = k + 3
		if s.punctAt(end, '.') {
			end++
		}
		return end, s.low[t[k].lo]
	}
	return k, 0
}

// dayPeriod reads the part of the day that follows a clock time of hour
// h at token k ("8 Uhr abends", "8h du soir", "las 9 de la noche", "10 in
// the evening", "'s avonds") and returns its end token and the hours to add
// to h. A bare number may be followed by an hour word first ("uur").
// Evening and afternoon words move 1 to 11 o'clock past noon; night
// words do so only from 6 o'clock ("2 Uhr nachts" is early morning) and
// make 12 midnight.
func (s *scanner) dayPeriod(k, h int, bare bool) (end, add int) {
	j := k
	if bare && (s.is(j, "uur") || s.is(j, "heures") || s.is(j, "ore")) {
		j++ // "8 uur 's avonds"
	}
	joined := j
	for range 2 {
		if j < len(s.toks) && s.toks[j].kind == kPunct && (s.toks[j].val == '\'' || s.toks[j].val == '’') {
			j++ // "'s avonds"
		}
		if !(s.is(j, "de") || s.is(j, "la") || s.is(j, "du") || s.is(j, "di") || s.is(j, "da") ||
			s.is(j, "in") || s.is(j, "the") || s.is(j, "at") || s.is(j, "s")) {
			break
		}
		j++
	}
	if j >= len(s.toks) || s.toks[j].kind != kWord {
		return k, 0
	}
	switch string(s.low[s.toks[j].lo:s.toks[j].hi]) {
	case "abends", "nachmittags", "tarde", "soir", "sera", "pomeriggio", "avonds", "middags", "evening", "afternoon":
		if h >= 1 && h <= 11 {
			return j + 1, 12
		}
		return j + 1, 0
	case "nachts", "noche", "nuit", "notte", "noite", "night":
		if h >= 6 && h <= 12 {
			return j + 1, 12
		}
		return j + 1, 0
	case "morgens", "madrugada", "matin", "mattina", "ochtends", "morning":
		return j + 1, 0
	case "mañana", "manhã":
		if j > joined {
			return j + 1, 0 // "3 de la mañana", not "3 mañana"
		}
	}
	return k, 0
}

// minuteUnitAt reports whether token k is a minute unit word.
func (s *scanner) minuteUnitAt(k int) bool {
	f := s.flags(k)
	return f&lxUnit != 0 && s.toks[k].entry().unit == time.Minute
}

// isoAfterT reports whether number token i directly follows the T of an
// ISO date-time whose date was recognised.
func (s *scanner) isoAfterT(i int) bool {
	return i >= 2 && !s.toks[i].space && s.isoT(i-1) && s.toks[i-2].used
}

// findClocks claims clock times and ranges of clock times.
func (s *scanner) findClocks() {
	t := s.toks
	for i := 0; i < len(t); i++ {
		if t[i].kind == kWord && s.flags(i)&lxNamedTime != 0 {
			s.namedTime(i)
			continue
		}
		if t[i].kind != kNum || t[i].used {
			continue
		}
		iso := false
		if !s.leftOK(i) {
			if !s.isoAfterT(i) {
				continue
			}
			iso = true
		}
		c1, ok := s.parseClock(i)
		if !ok {
			continue
		}
		c1.iso = iso
		if c2, ok := s.rangeEnd(&c1); ok {
			s.claimClock(&c1)
			s.claimClock(&c2)
			for k := c1.j; k < c2.i; k++ {
				t[k].used = true
			}
			s.times = append(s.times, timeItem{a: c1, b: c2, rng: true})
			i = c2.j - 1
			continue
		}
		if s.acceptSingle(&c1) {
			s.claimClock(&c1)
			s.times = append(s.times, timeItem{a: c1})
			i = c1.j - 1
		}
	}
	s.hasClock = len(s.times) > 0
}

func (s *scanner) claimClock(c *clockCand) {
	for k := c.i; k < c.j; k++ {
		s.toks[k].used = true
	}
	s.toks[c.j-1].clockEnd = true
}

// rangeEnd looks for a range separator and a second clock time after c1
// and decides whether the two make a range. It may adjust c1's hour when
// the am/pm of the end applies to the start ("9–11pm").
func (s *scanner) rangeEnd(c1 *clockCand) (c2 clockCand, ok bool) {
	t := s.toks
	n := len(t)
	k := c1.j
	if k >= n {
		return c2, false
	}
	sep := &t[k]
	intro := s.flagBefore(c1.i, lxRangeIntro, 0, 1)
	switch {
	case sep.kind == kPunct && (isDash(sep.val) || sep.val == '~'):
		if c1.iso && !sep.space {
			return c2, false // 2026-12-12T22:00-05:00: an offset
		}
		k++
		if sep.val == '-' && s.punctAt(k, '>') {
			k++
		}
		// "22:00 -04:00" reads as a UTC offset, not as a range.
		if (sep.val == '-' || sep.val == '−') && sep.space && k < n && !t[k].space {
			return c2, false
		}
	case sep.kind == kPunct && sep.val == '→':
		k++
	case sep.kind == kWord && sep.space:
		f := s.flags(k)
		switch {
		case f&lxPairAnd != 0:
			if !s.flagBefore(c1.i, lxBetween, 0, 1) {
				return c2, false
			}
			k++
		case f&lxRangeSep != 0:
			k++
			if s.is(k-1, "jusqu") {
				if !(s.punctAt(k, '\'') || s.punctAt(k, '’')) || !s.is(k+1, "à") {
					return c2, false
				}
				k += 2
			}
		default:
			return c2, false
		}
		if k < n && s.flags(k)&lxArticle != 0 {
			k++
		}
		if k < n && !t[k].space {
			return c2, false
		}
	default:
		return c2, false
	}
	days := 0
	if e := s.relativeDay(k); e > k && e < n && t[e].space {
		days = t[e-1].val // "de D 22h00 até D+1 06h00"
		k = e
	}
	if k < n && s.flags(k)&lxNamedTime != 0 && c1.strong() {
		// "22:00 to midnight", "von 22 Uhr bis Mitternacht"
		h := t[k].entry().hour
		return clockCand{h: h, raw: h, i: k, j: k + 1, form: fBare, unit: uUhr}, true
	}
	if k >= n || t[k].kind != kNum || t[k].used {
		return c2, false
	}
	c2, ok = s.parseClock(k)
	if !ok {
		return c2, false
	}
	c2.days = days

	// Which pairs are believable?
	if c2.form == fBare && c2.unit == uNone {
		return c2, false
	}
	if c1.form == fBare && c1.unit == uNone {
		if c1.raw > 24 {
			return c2, false
		}
		if c2.unit == uNone && c2.form != fH && !intro {
			return c2, false // "Phase 1 - 10:00"
		}
		if s.flags(c1.i-1)&lxCounter != 0 {
			return c2, false // "Step 3 - 4 PM"
		}
	}
	if c1.dotNoUnit() && !quarter(c1.m) {
		return c2, false
	}
	if c2.dotNoUnit() && (!quarter(c2.m) || (c1.form == fBare && c1.unit == uNone)) {
		return c2, false
	}
	if c1.dotNoUnit() && c2.form == fBare {
		return c2, false
	}

	// am/pm written once at the end applies to the start too.
	if c2.ampm != 0 && c1.ampm == 0 && c1.unit == uNone && c1.form != fH && c1.raw >= 1 && c1.raw <= 12 {
		same := c1.raw % 12
		if c2.ampm == 'p' {
			same += 12
		}
		if same*60+c1.m < c2.h*60+c2.m {
			c1.h = same
		} else {
			c1.h = (same + 12) % 24
		}
	}
	return c2, true
}

// relativeDay reads a day counted from the day of the change at token k,
// "D+1", "J+1", "T+1": a run sheet's next day. It returns the token after
// it, or k.
func (s *scanner) relativeDay(k int) int {
	t := s.toks
	if k+2 >= len(t) || t[k].kind != kWord || t[k].hi-t[k].lo != 1 {
		return k
	}
	switch s.low[t[k].lo] {
	case 'd', 'j', 't', 'x', 'g':
	default:
		return k
	}
	if !s.punctAt(k+1, '+') || !s.numAt(k+2, 1) {
		return k
	}
	return k + 3
}

// quarter reports whether a minute value is a quarter hour; a dotted time
// without unit needs one to be told apart from a version ("16.10").
func quarter(m int) bool { return m%15 == 0 }

// acceptSingle decides whether a clock time that is not part of a range
// stands on its own.
func (s *scanner) acceptSingle(c *clockCand) bool {
	switch c.form {
	case fColon:
		if s.flagBefore(c.i, lxDurNoun, 0, 2) {
			return false // "Dauer: 04:30"
		}
		if s.hoursWord(c.j) {
			return false // "4:30 hours"
		}
		if s.flags(c.i-1)&lxCounter != 0 {
			return false // "ratio 1:10"
		}
		return true
	case fDot:
		if c.unit != uNone {
			return true
		}
		return quarter(c.m) && s.flagBefore(c.i, lxClockPrep, 0, 1)
	case fBare:
		return c.unit == uUhr || c.unit == uAMPM || c.unit == uPeriod
	case fH:
		return s.hClock(c)
	}
	return false
}

// hClock decides whether "22h", "4h", "1h30" written alone is a clock time
// (French style) or a duration. Context words decide first; otherwise an
// hour of 13 or more, a leading zero, or "h00" make it a clock time.
func (s *scanner) hClock(c *clockCand) bool {
	if c.raw >= 24 {
		return false
	}
	if s.flagBefore(c.i, lxClockPrep, 0, 1) {
		return true // "à 22h", "a las 8h", "um 4h"
	}
	if p := s.prevWord(c.i); p > 0 && s.is(p, "de") && s.is(p-1, "partir") {
		return true // "à partir de 8h"
	}
	if s.flagBefore(c.i, lxDurNoun|lxDurCue, 0, 3) {
		return false // "Dauer: 4h", "for 4h", "window: 4h"
	}
	if s.flagAfter(c.j, lxDurAfter, 2) {
		return false
	}
	if c.hasMin {
		return c.raw >= 13 || c.zeroPad || c.m == 0
	}
	return c.zeroPad || c.raw >= 13
}

// hoursWord reports whether token k is a plural hour word ("hours",
// "Stunden", "horas", "heures") that turns "4:30" into a duration. The
// singular forms are left alone: "22:00 heure de Paris" is a time.
func (s *scanner) hoursWord(k int) bool {
	return s.is(k, "hours") || s.is(k, "stunden") || s.is(k, "horas") || s.is(k, "heures")
}

// namedTime accepts "at midnight", "um Mitternacht", "à midi" as a clock time.
func (s *scanner) namedTime(i int) {
	p := s.prevWord(i)
	if p != i-1 || !(s.is(p, "at") || s.is(p, "um") || s.is(p, "à") || s.is(p, "a") || s.is(p, "from") ||
		s.is(p, "von") || s.is(p, "ab") || s.is(p, "desde") || s.is(p, "dès") || s.is(p, "de") || s.is(p, "da") || s.is(p, "dalle") || s.is(p, "alle") ||
		s.is(p, "om") || s.is(p, "van") || s.is(p, "vanaf") || s.is(p, "às")) {
		return
	}
	h := s.toks[i].entry().hour
	c := clockCand{h: h, raw: h, i: i, j: i + 1, form: fBare, unit: uUhr}
	s.claimClock(&c)
	s.times = append(s.times, timeItem{a: c})
}
