package when

import "time"

type dateCand struct {
	y        int
	m        time.Month
	d        int
	inferred bool
	i, j     int // tokens [i, j)
	start    int
	end      int
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func validDate(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > monthDays[m] {
		return false
	}
	return m != 2 || d < 29 || isLeap(y)
}

// validYear bounds four-digit years to something a maintenance plan can mean.
func validYear(y int) bool { return y >= 1970 && y <= 2199 }

// findDates claims every date in the line.
func (s *scanner) findDates() {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		var dc dateCand
		ok := false
		switch t.kind {
		case kNum:
			if !s.leftOK(i) {
				continue
			}
			if dc, ok = s.numericDate(i); !ok {
				dc, ok = s.dayFirstDate(i)
			}
		case kWord:
			if t.fl&lxMonth != 0 {
				dc, ok = s.monthFirstDate(i)
			}
		}
		if !ok {
			continue
		}
		for k := dc.i; k < dc.j; k++ {
			s.toks[k].used = true
		}
		dc.start, dc.end = s.toks[dc.i].start, s.toks[dc.j-1].end
		s.dates = append(s.dates, dc)
		i = dc.j - 1
	}
}

// numericDate reads 2026-12-12, 12.12.2026, 12.12.26, 12/12/2026, 03/04/2026,
// 12-12-2026 and the year-less 12.12. and 12/12 starting at token i.
func (s *scanner) numericDate(i int) (dc dateCand, ok bool) {
	t := s.toks
	n := len(t)
	if i+2 >= n {
		return dc, false
	}
	a := &t[i]
	sep := &t[i+1]
	if sep.kind != kPunct || sep.space || (sep.val != '.' && sep.val != '/' && sep.val != '-') {
		return dc, false
	}
	if !s.numAt(i+2, 0) {
		return dc, false
	}
	b := &t[i+2]
	j := i + 3
	var c *token
	if s.punctAt(j, rune(sep.val)) && s.numAt(j+1, 0) {
		c = &t[j+1]
		j += 2
	}
	dc.i = i

	// Year first: 2026-12-12, 2026/12/12, optionally followed by T22:00.
	if a.ndig == 4 {
		if c == nil || b.ndig > 2 || c.ndig > 2 || !validYear(a.val) {
			return dc, false
		}
		if !validDate(a.val, time.Month(b.val), c.val) {
			return dc, false
		}
		if !s.rightOK(j) && !s.isoT(j) {
			return dc, false
		}
		dc.y, dc.m, dc.d, dc.j = a.val, time.Month(b.val), c.val, j
		return dc, true
	}
	if a.ndig > 2 || b.ndig > 2 {
		return dc, false
	}

	day, mon := a.val, b.val
	switch {
	case sep.val == '-' && c != nil && b.val <= 12:
		// "za 09-01-2027": dashes with the year last are written day
		// first; month-first dates use slashes.
	case sep.val != '.':
		day, mon = s.orderDM(a.val, b.val)
	}

	if c == nil {
		// Year-less: "12.12." (with its trailing dot) or "12/12".
		switch sep.val {
		case '.':
			if !s.punctAt(j, '.') {
				return dc, false
			}
			j++
			if !s.rightOK(j) || s.numAt(j, 0) {
				return dc, false
			}
			if !s.dotContext(i, j) {
				return dc, false
			}
		case '/':
			if !s.rightOK(j) || !s.slashContext(i, j) {
				return dc, false
			}
		default:
			return dc, false
		}
		y, ok := s.inferYear(time.Month(mon), day)
		if !ok {
			return dc, false
		}
		dc.y, dc.m, dc.d, dc.j, dc.inferred = y, time.Month(mon), day, j, true
		return dc, true
	}

	if !s.rightOK(j) {
		return dc, false
	}
	y := c.val
	switch c.ndig {
	case 4:
		if !validYear(y) {
			return dc, false
		}
	case 2:
		// Two-digit years are only believable close to today, and not after
		// a version word: "16.11.10" is GitLab 16.11.10, not 16 Nov 2010.
		y += 2000
		ty := s.year()
		if y < ty-1 || y > ty+3 || s.versionBefore(i) {
			return dc, false
		}
	default:
		return dc, false
	}
	if sep.val != '.' && a.val <= 12 && b.val <= 12 && a.val != b.val {
		// "Friday 11/12/2026": the order whose day falls on the named
		// weekday wins over the language's usual order.
		k := s.prevWord(i)
		if k > 0 && string(s.low[s.toks[k].lo:s.toks[k].hi]) == "feira" {
			// Portuguese "terça-feira, 01/12/2026": the weekday is
			// the word before "feira".
			k = s.prevWord(k)
		}
		if k >= 0 && s.isWeekday(k) {
			want := time.Weekday(s.toks[k].entry().wday - 1)
			if validDate(y, time.Month(mon), day) && time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC).Weekday() != want &&
				validDate(y, time.Month(day), mon) && time.Date(y, time.Month(day), mon, 0, 0, 0, 0, time.UTC).Weekday() == want {
				day, mon = mon, day
			}
		}
	}
	if !validDate(y, time.Month(mon), day) {
		return dc, false
	}
	dc.y, dc.m, dc.d, dc.j = y, time.Month(mon), day, j
	return dc, true
}

// orderDM decides between D/M and M/D for a slash or dash pair.
func (s *scanner) orderDM(a, b int) (day, mon int) {
	switch {
	case a > 12:
		return a, b
	case b > 12:
		return b, a
	case s.hint || s.dayFirst:
		return a, b
	}
	return b, a
}

// isoT reports whether token j is the "T" of an ISO 8601 date-time glued to
// the date before it and to the time after it.
func (s *scanner) isoT(j int) bool {
	if j+1 >= len(s.toks) {
		return false
	}
	t := &s.toks[j]
	return t.kind == kWord && !t.space && t.end-t.start == 1 && (s.text[t.start] == 'T' || s.text[t.start] == 't') &&
		s.toks[j+1].kind == kNum && !s.toks[j+1].space
}

// versionBefore reports whether a version word ("GitLab", "version",
// "upgrade to") precedes token i closely. A date preposition in between
// ("upgrade on 12.12.26") cancels it.
func (s *scanner) versionBefore(i int) bool {
	return s.flagBefore(i, lxVersion, lxDatePrep, 3)
}

// dotContext decides whether a year-less "D.M." between tokens [i, j) is a
// date. A weekday or a date preposition before it ("am 12.12.") or a clock
// time after it ("12.12. 22:00") is enough. Otherwise both parts must have
// two digits (so that the section number "1.2." stays a section number) and
// the line must be German/Spanish/French, or the date must open the line or
// follow a label ("Datum: 12.12.").
func (s *scanner) dotContext(i, j int) bool {
	if s.versionBefore(i) {
		return false
	}
	if s.weekdayOrPrepBefore(i, lxDotPrep) || s.clockFollows(j) {
		return true
	}
	if s.toks[i].ndig != 2 || s.toks[i+2].ndig != 2 {
		return false
	}
	if s.hint || i == 0 {
		return true
	}
	p := &s.toks[i-1]
	return p.kind == kPunct && p.val == ':' && i >= 2 && s.toks[i-2].kind == kWord
}

// slashContext decides whether a year-less "12/12" is a date and not a
// fraction or ratio ("1/2 of", "24/7").
func (s *scanner) slashContext(i, j int) bool {
	if s.flags(j)&lxFraction != 0 {
		return false
	}
	return s.weekdayOrPrepBefore(i, lxDatePrep) || s.clockFollows(j)
}

// weekdayOrPrepBefore reports whether the word before token i (skipping
// commas and dots) is a weekday or has a flag in prep.
func (s *scanner) weekdayOrPrepBefore(i int, prep lexFlag) bool {
	k := s.prevWord(i)
	if k < 0 {
		return false
	}
	if s.flags(k)&prep != 0 {
		return true
	}
	return s.isWeekday(k)
}

// isWeekday reports whether token k is a weekday word, applying the guard
// for the German two-letter forms ("Sa.", "So,").
func (s *scanner) isWeekday(k int) bool {
	if s.flags(k)&lxWeekday == 0 {
		return false
	}
	if s.toks[k].entry().guard == gTwoLetter {
		return s.toks[k].title && (s.punctAt(k+1, '.') || s.punctAt(k+1, ','))
	}
	return true
}

// clockFollows reports whether a clock time starts at token j, possibly after
// a comma and a preposition ("12.12. um 22 Uhr", "Sat 12/12, 22:00").
func (s *scanner) clockFollows(j int) bool {
	for k := j; k < len(s.toks) && k < j+4; k++ {
		t := &s.toks[k]
		switch t.kind {
		case kNum:
			c, ok := s.parseClock(k)
			if !ok {
				return false
			}
			return c.form == fColon || c.unit != uNone || c.form == fH
		case kWord:
			if s.flags(k)&(lxClockPrep|lxArticle|lxRangeIntro) == 0 {
				return false
			}
		case kPunct:
			if t.val != ',' && !isDash(t.val) {
				return false
			}
		}
	}
	return false
}

// monthOK reports whether token k is a usable month word.
func (s *scanner) monthOK(k int) bool {
	if s.flags(k)&lxMonth == 0 {
		return false
	}
	t := &s.toks[k]
	switch t.entry().guard {
	case gMay:
		return t.title || t.upper || s.punctAt(k+1, '.')
	case gNeedDot:
		return s.punctAt(k+1, '.') || s.is(k-1, "de")
	}
	return true
}

// monthEnd returns the token after month word k, including its abbreviation dot.
func (s *scanner) monthEnd(k int) int {
	if s.toks[k].entry().abbr && s.punctAt(k+1, '.') {
		return k + 2
	}
	return k + 1
}

// yearAt reads an optional year after a month or a day at token q: ", 2026",
// " 2026", " de 2026", "-2026". It returns the year and the end token.
func (s *scanner) yearAt(q int) (y, end int, ok bool) {
	t := s.toks
	n := len(t)
	if q < n && t[q].kind == kPunct && (t[q].val == ',' || t[q].val == '-') {
		q++
	}
	if q < n && (s.is(q, "de") || s.is(q, "del")) {
		q++
	}
	if q >= n || t[q].kind != kNum || t[q].ndig != 4 || !validYear(t[q].val) {
		return 0, 0, false
	}
	if !s.rightOK(q + 1) {
		return 0, 0, false
	}
	return t[q].val, q + 1, true
}

// dayFirstDate reads "12 December 2026", "12th of December", "12. Dez. 2026",
// "12 de diciembre de 2026", "1er décembre", "12-Dec-2026" starting at token i.
func (s *scanner) dayFirstDate(i int) (dc dateCand, ok bool) {
	t := s.toks
	n := len(t)
	a := &t[i]
	if a.ndig > 2 || a.val < 1 || a.val > 31 {
		return dc, false
	}
	k := i + 1
	if k < n && !t[k].space {
		switch {
		case t[k].kind == kWord && s.flags(k)&lxOrdinal != 0:
			k++
		case t[k].kind == kPunct && (t[k].val == '.' || t[k].val == '-'):
			k++
		case t[k].kind == kWord && s.flags(k)&lxMonth != 0:
		default:
			return dc, false
		}
	}
	if k < n && s.flags(k)&lxOf != 0 && t[k].space {
		k++
	}
	if k >= n || !s.monthOK(k) {
		return dc, false
	}
	m := t[k].entry().month
	end := s.monthEnd(k)
	dc.i = i
	if y, e, ok := s.yearAt(end); ok {
		if !validDate(y, m, a.val) {
			return dc, false
		}
		dc.y, dc.m, dc.d, dc.j = y, m, a.val, e
		return dc, true
	}
	y, ok := s.inferYear(m, a.val)
	if !ok {
		return dc, false
	}
	dc.y, dc.m, dc.d, dc.j, dc.inferred = y, m, a.val, end, true
	return dc, true
}

// monthFirstDate reads "December 12, 2026", "Dec 12 2026", "Dec. 12th" at
// month word i.
func (s *scanner) monthFirstDate(i int) (dc dateCand, ok bool) {
	if !s.monthOK(i) {
		return dc, false
	}
	t := s.toks
	n := len(t)
	k := s.monthEnd(i)
	if k >= n || t[k].kind != kNum || t[k].ndig > 2 || t[k].val < 1 || t[k].val > 31 || t[k].used {
		return dc, false
	}
	if !t[k].space && t[k-1].kind == kPunct && t[k-1].val != '.' && t[k-1].val != '-' {
		return dc, false
	}
	day := t[k].val
	e := k + 1
	if e < n && !t[e].space && t[e].kind == kWord && s.flags(e)&lxOrdinal != 0 {
		e++
	} else if s.timeSuffixAt(e) {
		// "December 10 pm", "Dec 12:00" are not this kind of date.
		return dc, false
	}
	m := t[i].entry().month
	dc.i = i
	if y, end, ok := s.yearAt(e); ok && (e >= n || t[e].kind == kPunct || t[e].space) {
		if !validDate(y, m, day) {
			return dc, false
		}
		dc.y, dc.m, dc.d, dc.j = y, m, day, end
		return dc, true
	}
	if !s.rightOK(e) {
		return dc, false
	}
	y, ok := s.inferYear(m, day)
	if !ok {
		return dc, false
	}
	dc.y, dc.m, dc.d, dc.j, dc.inferred = y, m, day, e, true
	return dc, true
}

// timeSuffixAt reports whether token e continues a number into a clock
// time: ":30", ".30", "h", "Uhr", "am", "pm", "p.m.".
func (s *scanner) timeSuffixAt(e int) bool {
	if e >= len(s.toks) {
		return false
	}
	t := &s.toks[e]
	if t.kind == kPunct && !t.space && (t.val == ':' || t.val == '.') && s.numAt(e+1, 2) {
		return true
	}
	if t.kind != kWord {
		return false
	}
	if s.is(e, "h") || s.is(e, "uhr") || s.is(e, "am") || s.is(e, "pm") {
		return true
	}
	if _, ap := s.meridiem(e); ap != 0 {
		return true
	}
	return false
}

// year returns the year of today (the current year when today is zero).
func (s *scanner) year() int {
	if s.today.IsZero() {
		s.today = time.Now()
	}
	return s.today.Year()
}

// inferYear returns the year of the next occurrence of month m, day d on or
// after today. February 29 moves on to the next leap year.
func (s *scanner) inferYear(m time.Month, d int) (int, bool) {
	y := s.year()
	_, tm, td := s.today.Date()
	if m < tm || (m == tm && d < td) {
		y++
	}
	for k := 0; k < 8; k++ {
		if validDate(y+k, m, d) {
			return y + k, true
		}
	}
	return 0, false
}
