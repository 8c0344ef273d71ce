package when

import (
	"strings"
	"time"
)

type durCand struct {
	d          time.Duration
	start, end int // byte span
}

// maxDuration bounds what is accepted as the length of a window.
const maxDuration = 31 * 24 * time.Hour

// findDurations claims explicit durations. Durations that describe a
// relative moment ("2 hours before", "every 6 hours") are claimed but not
// reported.
func (s *scanner) findDurations() {
	t := s.toks
	for i := 0; i+1 < len(t); i++ {
		// "2026-12-02T21:00:00+01:00/PT6H": an ISO 8601 interval of a
		// start and a duration.
		if t[i].kind != kPunct || t[i].val != '/' || t[i+1].space || t[i+1].kind != kWord || s.text[t[i+1].start] != 'P' {
			continue
		}
		d, end, ok := isoDuration(s.text, t[i+1].start)
		if !ok {
			continue
		}
		k := i + 1
		for ; k < len(t) && t[k].start < end; k++ {
			t[k].used = true
		}
		s.durs = append(s.durs, durCand{d: d, start: t[i+1].start, end: end})
		i = k - 1
	}
	for i := 0; i < len(t); i++ {
		if t[i].kind != kNum || t[i].used || !s.leftOK(i) {
			continue
		}
		d, j, ok := s.parseDur(i, true, true)
		if !ok {
			continue
		}
		for k := i; k < j; k++ {
			t[k].used = true
		}
		if !s.flagBefore(i, lxDurNegPre, 0, 1) && !s.flagAfter(j, lxDurNegPost, 1) {
			s.durs = append(s.durs, durCand{d: d, start: t[i].start, end: t[j-1].end})
		}
		i = j - 1
	}
}

// isoDuration reads an ISO 8601 duration such as "PT6H", "PT4H30M" or
// "P1DT2H" at byte i of text, and returns it with its end.
func isoDuration(text string, i int) (time.Duration, int, bool) {
	if i >= len(text) || text[i] != 'P' {
		return 0, i, false
	}
	var d time.Duration
	j, inTime, parts := i+1, false, 0
	for j < len(text) {
		if text[j] == 'T' && !inTime {
			inTime = true
			j++
			continue
		}
		k, v := j, 0
		for k < len(text) && text[k] >= '0' && text[k] <= '9' && k-j < 4 {
			v = v*10 + int(text[k]-'0')
			k++
		}
		if k == j || k >= len(text) {
			break
		}
		var unit time.Duration
		switch {
		case text[k] == 'W' && !inTime:
			unit = 7 * 24 * time.Hour
		case text[k] == 'D' && !inTime:
			unit = 24 * time.Hour
		case text[k] == 'H' && inTime:
			unit = time.Hour
		case text[k] == 'M' && inTime:
			unit = time.Minute
		default:
			return 0, i, false
		}
		d += time.Duration(v) * unit
		parts++
		j = k + 1
	}
	if parts == 0 || d <= 0 || d > maxDuration || j < len(text) && (text[j] >= '0' && text[j] <= '9' || (text[j]|0x20) >= 'a' && (text[j]|0x20) <= 'z') {
		return 0, i, false
	}
	return d, j, true
}

// unitAt reads a duration unit word at token k, with its abbreviation dot.
// The bare "m" is a minute only inside a compound ("1h30m").
func (s *scanner) unitAt(k int, compound bool) (u time.Duration, end int, ok bool) {
	if s.flags(k)&lxUnit == 0 {
		return 0, k, false
	}
	e := s.toks[k].entry()
	if e.guard == gCompound && !compound {
		return 0, k, false
	}
	end = k + 1
	if e.abbr && s.punctAt(end, '.') {
		end++
	}
	return e.unit, end, true
}

// parseDur reads a duration starting at number token i: "6h", "6 hours",
// "1h30", "1.5 hours", "1,5 Stunden", "90 min", "6-hour", "1 hour 30 minutes",
// "4–6 hours" (the larger bound), and in Scan "Dauer: 04:30".
func (s *scanner) parseDur(i int, scan, allowRange bool) (time.Duration, int, bool) {
	t := s.toks
	n := len(t)
	a := &t[i]
	if a.kind != kNum || a.ndig > 6 {
		return 0, 0, false
	}
	whole := time.Duration(a.val)
	k := i + 1
	frac, div := time.Duration(0), time.Duration(1)
	if (s.punctAt(k, '.') || s.punctAt(k, ',')) && s.numAt(k+1, 0) {
		if t[k+1].ndig > 3 || ((s.punctAt(k+2, '.') || s.punctAt(k+2, ',')) && s.numAt(k+3, 0)) {
			return 0, 0, false // 30,000 or 16.11.10
		}
		frac = time.Duration(t[k+1].val)
		for range t[k+1].ndig {
			div *= 10
		}
		k += 2
	}

	// H:MM as a duration: "04:30 h", or after "duration"/"Dauer".
	if div == 1 && a.ndig <= 2 && s.punctAt(k, ':') && s.numAt(k+1, 2) && t[k+1].val <= 59 {
		d := whole*time.Hour + time.Duration(t[k+1].val)*time.Minute
		q := k + 2
		if u, e, ok := s.unitAt(q, false); ok && u == time.Hour && (!scan || s.hoursWord(q)) {
			q = e
		} else if !scan || !s.flagBefore(i, lxDurNoun, 0, 2) {
			return 0, 0, false
		}
		if !s.rightOK(q) || d <= 0 {
			return 0, 0, false
		}
		return d, q, true
	}

	// A range of durations keeps its upper bound: "4–6 hours", "2 to 3 Stunden".
	if allowRange && div == 1 && k < n {
		p := -1
		switch {
		case t[k].kind == kPunct && isDash(t[k].val):
			p = k + 1
		case t[k].kind == kWord && t[k].space && (s.is(k, "to") || s.is(k, "bis") || s.is(k, "a") || s.is(k, "à")):
			p = k + 1
		}
		if p > 0 && p < n && t[p].kind == kNum && time.Duration(t[p].val) > whole {
			if d, e, ok := s.parseDur(p, scan, false); ok {
				return d, e, true
			}
		}
	}

	q := k
	if s.punctAt(q, '-') && q+1 < n && t[q+1].kind == kWord && !t[q+1].space {
		q++ // "6-hour window", "6-Stunden-Fenster"
	}
	u, e, ok := s.unitAt(q, false)
	if !ok && s.is(q, "u") && q+2 < n && t[q+1].kind == kNum && t[q+1].val <= 59 {
		// Dutch "1 u 10 min": the bare "u" counts as an hour only with
		// minutes after it.
		if u2, _, ok2 := s.unitAt(q+2, true); ok2 && u2 == time.Minute {
			u, e, ok = time.Hour, q+1, true
		}
	}
	if !ok {
		return 0, 0, false
	}
	if div == 100 && (s.is(q, "uur") || s.is(q, "u") || s.is(q, "h")) && whole <= 24 && frac < 60 {
		// "20.00 uur", "21.45 h": a clock time, not hours and a fraction.
		return 0, 0, false
	}
	d := whole*u + frac*u/div
	if u == time.Hour && div == 1 {
		spacedMinutes := s.is(q, "h") && t[q].space && e < n && t[e].kind == kNum && t[e].space && !t[e].used && t[e].ndig == 2 && t[e].val <= 59 &&
			!(e+1 < n && (t[e+1].kind == kPunct && (t[e+1].val == ':' || t[e+1].val == '.') || s.flags(e+1)&lxUnit != 0))
		if s.is(q, "h") && s.numAt(e, 0) && t[e].ndig <= 2 && t[e].val <= 59 || spacedMinutes {
			// 1h30, 1h30m, and "2 h 40" written with spaces
			// 1h30, 1h30m
			d += time.Duration(t[e].val) * time.Minute
			e++
			if u2, e2, ok := s.unitAt(e, true); ok && u2 == time.Minute {
				e = e2
			}
		} else {
			// 1 hour 30 minutes, 1 Stunde und 30 Minuten, 1h 30m
			p := e
			if p < n && (s.punctAt(p, ',') || s.flags(p)&lxPairAnd != 0) {
				p++
			}
			if p < n && t[p].kind == kNum && t[p].ndig <= 2 && t[p].val <= 59 {
				if u2, e2, ok := s.unitAt(p+1, true); ok && u2 == time.Minute {
					d += time.Duration(t[p].val) * time.Minute
					e = e2
				}
			}
		}
	}
	if !s.rightOK(e) || d <= 0 || d > maxDuration {
		return 0, 0, false
	}
	return d, e, true
}

// ParseDuration reads a duration written by a person: "6h", "6 h", "6 hours",
// "1h30", "1.5 hours", "90 min", "360 minutes", "6 Stunden", "6 horas",
// "6 heures", "2 days" (rare). Go's own notation ("1h30m") works too.
// ok=false when s holds no duration.
func ParseDuration(s string) (d time.Duration, ok bool) {
	if d, err := time.ParseDuration(strings.TrimSpace(s)); err == nil && d > 0 && d <= maxDuration {
		return d, true
	}
	sc := scanners.Get().(*scanner)
	defer sc.release()
	sc.reset(s, time.Time{})
	sc.digits = true // look every word up
	sc.tokenize()
	for i := range sc.toks {
		if sc.toks[i].kind != kNum || !sc.leftOK(i) {
			continue
		}
		if d, _, ok := sc.parseDur(i, false, true); ok {
			return d, true
		}
	}
	return 0, false
}
