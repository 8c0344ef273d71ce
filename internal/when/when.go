package when

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // StartTime must work on machines without zoneinfo files
)

// Span is a byte range [Start, End) in the scanned text.
type Span struct{ Start, End int }

// Date is a calendar date found in the text. Span covers the date as
// written ("12. Dez. 2026", "Dec 12", "12/12", "12 de diciembre de 2026"),
// without a leading weekday or preposition.
type Date struct {
	Year         int
	Month        time.Month
	Day          int
	YearInferred bool // the text gave no year; Year is the next occurrence on or after `today` (within 12 months)
	Span         Span
	// Back is how many days before the date written at Span the window
	// starts: 1 for "22:00–04:00, ending Sunday 13.12." (the end's date).
	Back int
}

// At returns the date at hour:minute in loc.
func (d Date) At(hour, minute int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc)
}

// Clock is a time of day found in the text. Span covers the time with its
// suffix ("10:30 p.m.", "22 Uhr", "22h00", "22:00:00") but not a
// preposition ("a las", "à") nor a zone; in a range each end has its own
// span ("22" and "4 Uhr" in "22–4 Uhr").
type Clock struct {
	Hour, Minute int // 24-hour clock
	Span         Span
}

// Zone is a time zone found in the text. Span is the byte range of Text,
// without surrounding parentheses.
type Zone struct {
	Text   string // as written, e.g. "CET", "Europe/Berlin", "UTC+1", "+01:00", "Z", "MEZ", "heure de Paris"
	IANA   string // location name when the text names or implies one ("Europe/Berlin", "Europe/Paris"); "" otherwise
	Offset int    // seconds east of UTC; meaningful only when Fixed
	Fixed  bool   // the offset is known from the text alone (abbreviation or numeric offset, "UTC", "Z")
	Span   Span
}

// Window is what one line says about a maintenance window. Every part is
// optional; a nil pointer means the line does not say.
type Window struct {
	Date         *Date
	Start        *Clock
	End          *Clock
	Zone         *Zone
	Duration     time.Duration // explicit ("6 hours", "4h", "360 minutes") or End-Start (crossing midnight adds 24h); 0 if unknown
	DurationSpan Span          // span of an explicit duration, zero if computed
	// Range is End-Start when both are known: crossing midnight adds 24h,
	// and a later date between the two times adds its days ("Saturday
	// 07:00 until Sunday 19:00" is 36h), whatever explicit duration the
	// text also names.
	Range time.Duration
}

var scanners = sync.Pool{New: func() any { return new(scanner) }}

// release returns s to the pool unless it grew unusually large.
func (s *scanner) release() {
	s.text = ""
	if cap(s.toks) > 1<<14 || cap(s.low) > 1<<16 {
		return
	}
	scanners.Put(s)
}

// Scan reads one line. today is used only to infer a missing year (the
// current time is used when today is zero). Scan is safe for concurrent use.
//
// When the line holds several candidates, the first range of clock times (or
// else the first clock time) is the window; the date is the last one written
// before that time (or else the first); the zone is the one written right
// after the start or end time (or else the first); an explicit duration wins
// over one computed from the range.
func Scan(text string, today time.Time) Window {
	return scan(text, today, false)
}

// ScanDayFirst is Scan for a text whose ambiguous numeric dates are
// written day first ("09/01/2027" is 9 January), as the rest of its
// document shows.
func ScanDayFirst(text string, today time.Time) Window {
	return scan(text, today, true)
}

func scan(text string, today time.Time, dayFirst bool) Window {
	digits := hasDigit(text)
	if !digits && !mayHaveZone(text) {
		// Without digits only a time zone can be found; this line has none.
		return Window{}
	}
	s := scanners.Get().(*scanner)
	s.reset(text, today)
	s.digits = digits
	s.dayFirst = dayFirst
	s.tokenize()
	if s.digits {
		s.findDates()
		s.findClocks()
		s.findDurations()
	}
	s.findZones()
	w := s.window()
	s.release()
	return w
}

// bracketAfter reports whether tokens [j, i) are an opening bracket and
// at most a weekday: the date at i is a remark on what stands before j.
func (s *scanner) bracketAfter(j, i int) bool {
	if j >= i || s.toks[j].kind != kPunct || s.toks[j].val != '(' {
		return false
	}
	for k := j + 1; k < i; k++ {
		if !s.isWeekday(k) && !s.punctAt(k, ',') {
			return false
		}
	}
	return true
}

// articleAfter reports whether the tokens from j up to i are a weekday
// with at most an article and commas: "le dimanche", "el domingo".
func (s *scanner) articleAfter(j, i int) bool {
	weekday := false
	for k := j; k < i; k++ {
		t := &s.toks[k]
		switch {
		case s.isWeekday(k):
			weekday = true
		case s.punctAt(k, ','):
		case t.kind == kWord && article(string(s.low[t.lo:t.hi])):
		default:
			return false
		}
	}
	return weekday
}

func article(w string) bool { return w == "le" || w == "el" || w == "il" }

// inBrackets reports whether token i stands inside an open bracket.
func (s *scanner) inBrackets(i int) bool {
	depth := 0
	for k := 0; k < i; k++ {
		if t := &s.toks[k]; t.kind == kPunct {
			switch {
			case t.val == '(':
				depth++
			case t.val == ')' && depth > 0:
				depth--
			}
		}
	}
	return depth > 0
}

func (s *scanner) span(i, j int) Span { return Span{s.toks[i].start, s.toks[j-1].end} }

// timeAfter reports whether a clock time h:m is written right after token
// j ("2026-12-19T21:00", "12/19 21:00").
func (s *scanner) timeAfter(j, h, m int) bool {
	for k := range s.times {
		a := &s.times[k].a
		if a.i >= j && a.i <= j+1 && a.h == h && a.m == m {
			return true
		}
	}
	return false
}

func (s *scanner) window() Window {
	var w Window
	var start, end *clockCand
	for k := range s.times {
		if s.times[k].rng {
			if k > 0 && !s.times[0].rng && s.inBrackets(s.times[k].a.i) {
				// "22:00 KST → donderdag 2026/12/03, 04:00 KST (13:00–19:00
				// UTC op 2026/12/02)": the range in brackets restates the
				// window written before it.
				break
			}
			start, end = &s.times[k].a, &s.times[k].b
			break
		}
	}
	if start == nil && len(s.times) > 0 {
		start = &s.times[0].a
		for k := 1; k < len(s.times); k++ {
			if c := &s.times[k].a; s.isEnd(start, c, k == 1) {
				end = c
				break
			}
		}
	}

	if len(s.dates) > 0 {
		d := &s.dates[0]
		if start != nil {
			for k := range s.dates {
				if s.dates[k].j <= start.i {
					d = &s.dates[k]
				}
			}
			// "Sunday 2027-01-17 and Sunday 2027-01-24, each 06:00–16:00":
			// a list of dates sharing the times starts with the first.
			for k := len(s.dates) - 1; k > 0; k-- {
				if &s.dates[k] != d || !s.dateList(k) {
					continue
				}
				d = &s.dates[k-1]
			}
			// "2026-12-19T21:00Z to 2026-12-20T03:00Z (21:00–03:00 UTC)":
			// the start time repeats the one written with the first date,
			// so that date is the start's.
			for k := range s.dates {
				if s.dates[k].j > start.i {
					break
				}
				if s.timeAfter(s.dates[k].j, start.h, start.m) {
					d = &s.dates[k]
					break
				}
			}
		}
		w.Date = &Date{Year: d.y, Month: d.m, Day: d.d, YearInferred: d.inferred, Span: Span{d.start, d.end}}
		// "9:00 PM – 3:00 AM ET, ending Sunday 12/13/2026": a date written
		// after the range behind an end word is the end's; a range that
		// crosses midnight started the day before.
		// So is one in brackets right after the end: "de 10:00 PM a 3:00
		// AM (domingo 12/13/2026)".
		// So is one that follows the end time with its weekday: "de 20 h
		// à 2 h le dimanche 10 janvier".
		if start != nil && end != nil && d.i >= end.j && (s.flagBefore(d.i, lxEndKw, 0, 3) || s.bracketAfter(end.j, d.i) || s.articleAfter(end.j, d.i)) &&
			end.h*60+end.m < start.h*60+start.m {
			t := time.Date(d.y, d.m, d.d-1, 0, 0, 0, 0, time.UTC)
			w.Date.Year, w.Date.Month, w.Date.Day, w.Date.Back = t.Year(), t.Month(), t.Day(), 1
		}
	}
	if start != nil {
		w.Start = &Clock{Hour: start.h, Minute: start.m, Span: s.span(start.i, start.j)}
	}
	if end != nil {
		w.End = &Clock{Hour: end.h, Minute: end.m, Span: s.span(end.i, end.j)}
	}

	if len(s.zones) > 0 {
		z := &s.zones[0]
		if zz := s.zoneNextTo(start); zz != nil {
			z = zz
		} else if zz := s.zoneNextTo(end); zz != nil {
			z = zz
		}
		z = s.clarified(z)
		w.Zone = &Zone{Text: s.text[z.start:z.end], IANA: z.iana, Offset: z.off, Fixed: z.fixed, Span: Span{z.start, z.end}}
	}

	if start != nil && end != nil {
		m := (end.h*60 + end.m) - (start.h*60 + start.m)
		// "Saturday 2026-12-12 06:00 until Sunday 2026-12-13 18:00": a
		// later date between the two times moves the end by days.
		days := 0
		if w.Date != nil {
			from := time.Date(w.Date.Year, w.Date.Month, w.Date.Day, 0, 0, 0, 0, time.UTC)
			for k := range s.dates {
				dk := &s.dates[k]
				if dk.i < start.j || dk.j > end.i {
					continue
				}
				if n := int(time.Date(dk.y, dk.m, dk.d, 0, 0, 0, 0, time.UTC).Sub(from).Hours() / 24); n > 0 && n <= 7 {
					days = n
				}
			}
		}
		if days == 0 {
			days = s.weekdaysApart(w.Date, start, end)
		}
		if days == 0 {
			days = end.days // "G 07:00 a G+1 20:00"
		}
		switch {
		case days > 0:
			m += days * 24 * 60
		case m < 0:
			m += 24 * 60
		}
		w.Range = time.Duration(m) * time.Minute
	}
	switch {
	case len(s.durs) > 0:
		w.Duration = s.durs[0].d
		w.DurationSpan = Span{s.durs[0].start, s.durs[0].end}
	case w.Range > 0:
		w.Duration = w.Range
	}
	return w
}

// weekdaysApart returns how many days the end of a range lies after its
// start when a weekday stands between the two times: "Saturday 12
// December 08:00 to Sunday 20:00" ends a day later. The start's weekday is
// its date's, or the weekday written before the start time; 0 when either
// is unknown.
func (s *scanner) weekdaysApart(d *Date, start, end *clockCand) int {
	to := -1
	for k := start.j; k < end.i; k++ {
		if s.isWeekday(k) {
			to = int(s.toks[k].entry().wday) - 1
		}
	}
	if to < 0 {
		return 0
	}
	from := -1
	if d != nil {
		from = int(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Weekday())
	} else {
		for k := start.i - 1; k >= 0 && k >= start.i-6; k-- {
			if s.isWeekday(k) {
				from = int(s.toks[k].entry().wday) - 1
				break
			}
		}
	}
	if from < 0 || from == to {
		return 0
	}
	return (to - from + 7) % 7
}

// clarified returns the zone that explains an ambiguous abbreviation right
// after it: "CST = China Standard Time" is Asia/Shanghai, not US Central.
// A zone after a time ("22:00 CST (04:00 UTC)") is a conversion, and one
// in another cell another column.
func (s *scanner) clarified(z *zoneCand) *zoneCand {
	switch s.text[z.start:z.end] {
	case "CST", "CDT", "IST", "BST", "AST", "ADT", "PST":
	default:
		return z
	}
	for k := range s.zones {
		zz := &s.zones[k]
		if zz.start <= z.start {
			continue
		}
		// Only the zone right after it explains it: "CST (UTC+08:00)",
		// "IST = India Standard Time".
		for i := z.j; i < zz.i; i++ {
			if t := &s.toks[i]; t.kind != kPunct || !strings.ContainsRune("=(,:[-–—", rune(t.val)) {
				return z
			}
		}
		if zz.fixed && zz.off != z.off && zz.off != 0 || !zz.fixed && zz.iana != "" {
			// (A bare UTC explains nothing.)
			return zz
		}
		return z
	}
	return z
}

// zoneNextTo returns the zone written right after clock c ("22:00 CET",
// "04:00 Uhr (MEZ)", "22:00+01:00"), or nil.
func (s *scanner) zoneNextTo(c *clockCand) *zoneCand {
	if c == nil {
		return nil
	}
	at := s.toks[c.j-1].end
	for k := range s.zones {
		z := &s.zones[k]
		if z.start < at || z.start-at > 3 {
			continue
		}
		gap := s.text[at:z.start]
		ok := true
		for i := 0; i < len(gap); i++ {
			if g := gap[i]; g != ' ' && g != '(' && g != '[' && g != ',' && g != '\t' {
				ok = false
				break
			}
		}
		if ok {
			return z
		}
	}
	return nil
}

// isEnd decides whether single clock c, written after start, is the end of
// the window: it is introduced by an end word ("End: 04:00", "bis 04:00"),
// or it is the next time and only dates, weekdays, zones and one range
// separator stand between the two ("22:00 CET – Sunday 04:00 CET").
func (s *scanner) isEnd(start, c *clockCand, next bool) bool {
	if s.flagBefore(c.i, lxEndKw, 0, 2) {
		return true
	}
	if !next || c.i-start.j > 16 {
		return false
	}
	seps := 0
	for k := start.j; k < c.i; k++ {
		tk := &s.toks[k]
		switch {
		case tk.zone, tk.used:
			// a date ("– Sunday 13.12.2026 04:00") or a zone
		case tk.kind == kPunct:
			switch {
			case isDash(tk.val) || tk.val == '→' || tk.val == '~':
				seps++
			case tk.val == ',' || tk.val == '(' || tk.val == ')' || tk.val == '.':
			default:
				return false
			}
		case tk.kind == kNum:
			return false
		case tk.kind == kWord:
			f := s.flags(k)
			switch {
			case seps > 0 && k+1 == c.i && (s.is(k, "às") || s.is(k, "alle") || s.is(k, "à")),
				seps > 0 && s.is(k, "a") && k+1 < c.i && s.flags(k+1)&lxArticle != 0:
				// "até domingo, 13 de dezembro, às 16:00", "hasta el
				// domingo 13 de diciembre a las 16:00": after the range
				// word, "at" before the end's clock.
			case f&lxRangeSep != 0 && !s.is(k, "a"):
				seps++
			case f&(lxWeekday|lxDatePrep|lxClockPrep|lxArticle|lxMonth) != 0, s.is(k, "uhr"), s.is(k, "t") && !tk.space:
				// "uhr", and the "T" of an ISO date-time ("2026-12-20T03:00")
			default:
				return false
			}
		}
	}
	return seps == 1
}

// Location returns the time zone z stands for: the IANA location when
// there is one (so that daylight saving time is right for the date), else
// a fixed zone. ok=false when z names neither.
func (z Zone) Location() (loc *time.Location, ok bool) {
	if z.IANA != "" {
		if l := Location(z.IANA); l != nil {
			return l, true
		}
	}
	if z.Fixed {
		return time.FixedZone(z.Text, z.Offset), true
	}
	return nil, false
}

// StartTime combines Date, Start and Zone into an instant. ok=false when
// date or start time is missing. Without a zone, or with a zone that has
// neither IANA nor Fixed, the instant is taken in UTC and zoned=false.
func (w Window) StartTime() (t time.Time, zoned bool, ok bool) {
	if w.Date == nil || w.Start == nil {
		return time.Time{}, false, false
	}
	loc := time.UTC
	if w.Zone != nil {
		if l, found := w.Zone.Location(); found {
			loc, zoned = l, true
		}
	}
	return time.Date(w.Date.Year, w.Date.Month, w.Date.Day, w.Start.Hour, w.Start.Minute, 0, 0, loc), zoned, true
}

// EndTime is StartTime plus Duration. ok=false when StartTime is not known
// or the duration is unknown.
func (w Window) EndTime() (t time.Time, zoned bool, ok bool) {
	t, zoned, ok = w.StartTime()
	if !ok || w.Duration <= 0 {
		return time.Time{}, false, false
	}
	return t.Add(w.Duration), zoned, true
}

func hasDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i]-'0' <= 9 {
			return true
		}
	}
	return false
}

// mayHaveZone is a quick filter for lines without digits: a zone needs two
// upper-case letters in a row (an abbreviation, most IANA names), a slash,
// or one of the words every spelled-out zone contains.
func mayHaveZone(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '/':
			return true
		case c >= 'A' && c <= 'Z':
			if i+1 < len(text) && text[i+1] >= 'A' && text[i+1] <= 'Z' {
				return true
			}
		}
		switch c | 0x20 {
		case 't':
			if hasFold(text[i:], "time") {
				return true
			}
		case 'z':
			if hasFold(text[i:], "zeit") {
				return true
			}
		case 'h':
			if hasFold(text[i:], "heure") || hasFold(text[i:], "hora") {
				return true
			}
		case 'u':
			if hasFold(text[i:], "utc") {
				return true
			}
		case 'g':
			if hasFold(text[i:], "gmt") {
				return true
			}
		case 's':
			if hasFold(text[i:], "sommerzeit") {
				return true
			}
		}
	}
	return false
}

// hasFold reports whether s starts with the lower-case ASCII word w, ignoring case.
func hasFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// dateList reports whether date k follows date k-1 as the next item of a
// list ("2027-01-17 and Sunday 2027-01-24", "12/5, 12/12").
func (s *scanner) dateList(k int) bool {
	between := strings.ToLower(s.text[s.dates[k-1].end:s.dates[k].start])
	for _, w := range strings.FieldsFunc(between, func(r rune) bool { return r == ' ' || r == ',' || r == '&' || r == '/' || r == '+' }) {
		switch w {
		case "and", "und", "y", "et", "e", "or", "oder":
		default:
			if !weekdayWord(w) {
				return false
			}
		}
	}
	return true
}

// weekdayWord reports whether w names a day of the week, in full or
// abbreviated ("sunday", "so.", "sam").
func weekdayWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	for d := range weekdayFull {
		for _, n := range weekdayFull[d] {
			if w == n {
				return true
			}
		}
		for _, n := range weekdayAbbr[d] {
			if w == n {
				return true
			}
		}
		if w == weekdayTwo[d] {
			return true
		}
	}
	return false
}
