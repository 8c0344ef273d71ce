package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/planlint/planlint/internal/glversion"
)

// Release is one GitLab release and the day it was tagged.
type Release struct {
	Version glversion.Version
	Date    time.Time
}

// MinorLine is one minor release line (for example 16.11) and its patches.
type MinorLine struct {
	Line      glversion.Version // the minor, without patch
	Latest    glversion.Version // highest patch released
	First     time.Time         // day of the first release of the line
	LastPatch time.Time         // day of the newest patch
	patches   patchSet
}

// patchSet is the set of patch numbers a line has. Patches 0 to 63, all
// GitLab has needed so far, take one word; higher ones take more words,
// and negative or huge ones (only NewReleases can be given those) a map.
type patchSet struct {
	low  uint64
	high []uint64         // patches 64 and up, 64 to a word
	odd  map[int]struct{} // patches below 0 or from maxBitPatch on
}

const maxBitPatch = 1 << 16

func (s *patchSet) has(p int) bool {
	switch {
	case p >= 0 && p < 64:
		return s.low&(1<<p) != 0
	case p >= 64 && p < maxBitPatch:
		w := p/64 - 1
		return w < len(s.high) && s.high[w]&(1<<(p%64)) != 0
	}
	_, ok := s.odd[p]
	return ok
}

// add puts p in the set and reports whether it was new.
func (s *patchSet) add(p int) bool {
	if s.has(p) {
		return false
	}
	switch {
	case p >= 0 && p < 64:
		s.low |= 1 << p
	case p >= 64 && p < maxBitPatch:
		w := p/64 - 1
		for len(s.high) <= w {
			s.high = append(s.high, 0)
		}
		s.high[w] |= 1 << (p % 64)
	default:
		if s.odd == nil {
			s.odd = map[int]struct{}{}
		}
		s.odd[p] = struct{}{}
	}
	return true
}

// Releases is the release table.
type Releases struct {
	// Date is the day the table was compiled.
	Date   time.Time
	list   []Release
	store  []MinorLine    // lines in the order they first appeared
	index  map[[2]int]int // major, minor -> position in store
	sorted []*MinorLine   // store in version order
	majors map[int]int    // major -> highest minor
	// shuffled is set while building when a release came after a higher
	// one, so that finish has to sort.
	shuffled bool
}

// newReleases returns an empty table with room for size releases. GitLab
// releases about eight patches per line, hence the guess for the lines.
func newReleases(size int) *Releases {
	lines := size/8 + 1
	return &Releases{list: make([]Release, 0, size), store: make([]MinorLine, 0, lines), index: make(map[[2]int]int, lines)}
}

// ParseReleases reads the release table: "# date: YYYY-MM-DD" in the
// header, then one "version<TAB>date" row per release.
func ParseReleases(data []byte) (*Releases, error) {
	r := newReleases(bytes.Count(data, []byte{'\n'}) + 1)
	lines := lineReader{data: data}
	n := 0
	for {
		raw, ok := lines.next()
		if !ok {
			break
		}
		n++
		line := bytes.TrimSpace(raw)
		if len(line) == 0 {
			continue
		}
		if line[0] == '#' {
			body := bytes.TrimSpace(line[1:])
			if d, ok := bytes.CutPrefix(body, []byte("date:")); ok {
				d = bytes.TrimSpace(d)
				t, ok := parseDay(d)
				if !ok {
					return nil, fmt.Errorf("line %d: bad date %q", n, d)
				}
				r.Date = t
			}
			continue
		}
		ver, day, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("line %d: want version<TAB>date, got %q", n, line)
		}
		v, ok := plainVersion(ver)
		if !ok {
			return nil, fmt.Errorf("line %d: bad version %q", n, ver)
		}
		t, ok := parseDay(bytes.TrimSpace(day))
		if !ok {
			return nil, fmt.Errorf("line %d: bad date %q", n, day)
		}
		r.add(Release{Version: v, Date: t})
	}
	if lines.err != nil {
		return nil, lines.err
	}
	if len(r.list) == 0 {
		return nil, fmt.Errorf("no releases")
	}
	r.finish()
	if r.Date.IsZero() {
		r.Date = r.Newest().Date
	}
	return r, nil
}

// lineReader cuts data into lines as a bufio.Scanner with ScanLines does,
// limit on line length included, but hands out slices of data instead of
// copies.
type lineReader struct {
	data []byte
	err  error
}

func (l *lineReader) next() ([]byte, bool) {
	if len(l.data) == 0 || l.err != nil {
		return nil, false
	}
	var line []byte
	if i := bytes.IndexByte(l.data, '\n'); i >= 0 {
		line, l.data = l.data[:i], l.data[i+1:]
	} else {
		line, l.data = l.data, nil
	}
	if len(line) >= bufio.MaxScanTokenSize {
		// The scanner's buffer would fill up before the end of the line.
		l.err = bufio.ErrTooLong
		return nil, false
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// parseDay reads a YYYY-MM-DD date, accepting exactly what
// time.Parse(time.DateOnly, ...) accepts and returning the same time.
func parseDay(b []byte) (time.Time, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return time.Time{}, false
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[0:4]), num(b[5:7]), num(b[8:10])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// plainVersion reads "major.minor.patch" without decorations, the form
// of the data files, faster than glversion.Parse.
func plainVersion(s []byte) (glversion.Version, bool) {
	var parts [3]int
	n, cur, digits := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || n >= 3 {
				return glversion.Version{}, false
			}
			parts[n] = cur
			n++
			cur, digits = 0, 0
			continue
		}
		c := s[i]
		if c < '0' || c > '9' || digits >= 4 {
			return glversion.Version{}, false
		}
		cur = cur*10 + int(c-'0')
		digits++
	}
	if n != 3 || parts[0] == 0 {
		return glversion.Version{}, false
	}
	return glversion.New(parts[0], parts[1], parts[2]), true
}

// NewReleases builds a table from a list, for example one fetched from a
// GitLab instance.
func NewReleases(list []Release, date time.Time) (*Releases, error) {
	if len(list) == 0 {
		return nil, fmt.Errorf("no releases")
	}
	r := newReleases(len(list))
	r.Date = date
	for _, rel := range list {
		if !rel.Version.HasPatch {
			return nil, fmt.Errorf("release %q has no patch number", rel.Version)
		}
		r.add(rel)
	}
	r.finish()
	return r, nil
}

// add records a release; a version seen before is ignored.
func (r *Releases) add(rel Release) {
	v := rel.Version
	var l *MinorLine
	// Tables come in version order, so a release is most often on the line
	// the previous one started.
	if n := len(r.store); n > 0 && r.store[n-1].Line.Major == v.Major && r.store[n-1].Line.Minor == v.Minor {
		l = &r.store[n-1]
	} else if i, ok := r.index[[2]int{v.Major, v.Minor}]; ok {
		l = &r.store[i]
	} else {
		r.index[[2]int{v.Major, v.Minor}] = len(r.store)
		r.store = append(r.store, MinorLine{Line: v.Line(), Latest: v, First: rel.Date, LastPatch: rel.Date})
		l = &r.store[len(r.store)-1]
	}
	if !l.patches.add(v.Patch) {
		return
	}
	if v.Patch > l.Latest.Patch {
		l.Latest = v
	}
	if rel.Date.Before(l.First) {
		l.First = rel.Date
	}
	if rel.Date.After(l.LastPatch) {
		l.LastPatch = rel.Date
	}
	if n := len(r.list); n > 0 && v.Compare(r.list[n-1].Version) < 0 {
		r.shuffled = true
	}
	r.list = append(r.list, rel)
}

func (r *Releases) finish() {
	if r.shuffled {
		slices.SortFunc(r.list, func(a, b Release) int { return a.Version.Compare(b.Version) })
	}
	r.sorted = make([]*MinorLine, len(r.store))
	r.majors = map[int]int{}
	for i := range r.store {
		l := &r.store[i]
		r.sorted[i] = l
		if m, ok := r.majors[l.Line.Major]; !ok || l.Line.Minor > m {
			r.majors[l.Line.Major] = l.Line.Minor
		}
	}
	// Releases in version order open their lines in version order too.
	if r.shuffled {
		slices.SortFunc(r.sorted, func(a, b *MinorLine) int { return a.Line.CompareMinor(b.Line) })
	}
}

// All returns every release in version order.
func (r *Releases) All() []Release { return r.list }

// Lines returns every minor line in version order.
func (r *Releases) Lines() []*MinorLine { return r.sorted }

// Newest returns the release of the highest version.
func (r *Releases) Newest() Release { return r.list[len(r.list)-1] }

// Oldest returns the release of the lowest version.
func (r *Releases) Oldest() Release { return r.list[0] }

// Line returns the minor line of v.
func (r *Releases) Line(v glversion.Version) (*MinorLine, bool) {
	i, ok := r.index[[2]int{v.Major, v.Minor}]
	if !ok {
		return nil, false
	}
	return &r.store[i], true
}

// Latest returns the highest released patch of the minor line of v.
func (r *Releases) Latest(v glversion.Version) (glversion.Version, bool) {
	l, ok := r.Line(v)
	if !ok {
		return glversion.Version{}, false
	}
	return l.Latest, true
}

// Has reports whether v is in the table. A version without a patch is in
// the table when its minor line is.
func (r *Releases) Has(v glversion.Version) bool {
	l, ok := r.Line(v)
	if !ok {
		return false
	}
	return !v.HasPatch || l.patches.has(v.Patch)
}

// Status classifies a version against the release table.
type Status int

const (
	// Released: the table lists it, or it is older than the table.
	Released Status = iota
	// NeverReleased: GitLab did not and will not release it.
	NeverReleased
	// NewerThanData: it may exist, but the table is too old to tell.
	NewerThanData
	// TooFarAhead: monthly releases cannot have reached it by today.
	TooFarAhead
)

// Verdict explains a Status.
type Verdict struct {
	Status Status
	// Reason is a lower-case clause for a message, such as
	// "GitLab 16 ended with 16.11".
	Reason string
	// Newest is the newest release in the table.
	Newest Release
	// Reachable is the highest minor line monthly releases can have reached
	// by today.
	Reachable glversion.Version
}

// closedAfter is how long a minor line must have gone without patches,
// while newer minors exist, before planlint calls a higher patch
// impossible. GitLab patches the three newest minors and backports upgrade
// fixes to required stops, so lines stay open for months.
const closedAfter = 180 * 24 * time.Hour

// Check classifies v. today is the day the plan is read.
func (r *Releases) Check(v glversion.Version, today time.Time) Verdict {
	newest := r.Newest()
	out := Verdict{Status: Released, Newest: newest}
	if v.Compare(r.Oldest().Version) < 0 {
		return out
	}
	if l, ok := r.Line(v); ok {
		if !v.HasPatch || l.patches.has(v.Patch) || v.Patch < l.Latest.Patch {
			return out
		}
		newer := l.Line.CompareMinor(newest.Version) < 0
		if newer && r.Date.Sub(l.LastPatch) > closedAfter {
			out.Status = NeverReleased
			out.Reason = fmt.Sprintf("the last patch of %s is %s, released %s", l.Line, l.Latest, l.LastPatch.Format(time.DateOnly))
			return out
		}
		out.Status = NewerThanData
		return out
	}
	if v.Major < newest.Version.Major || v.Major == newest.Version.Major && v.Minor < newest.Version.Minor {
		out.Status = NeverReleased
		if last, ok := r.majors[v.Major]; ok && v.Minor > last {
			out.Reason = fmt.Sprintf("GitLab %d ended with %d.%d", v.Major, v.Major, last)
		} else {
			out.Reason = fmt.Sprintf("GitLab never released a %s line", v.MinorString())
		}
		return out
	}
	out.Reachable = reachable(newest, today)
	if v.CompareMinor(out.Reachable) <= 0 {
		out.Status = NewerThanData
		return out
	}
	out.Status = TooFarAhead
	out.Reason = fmt.Sprintf("with one minor release a month, GitLab can be at %s at most by %s", out.Reachable.MinorString(), today.Format(time.DateOnly))
	return out
}

// reachable returns the highest minor line GitLab's monthly cadence (a
// release on the third Thursday of each month, a new major after X.11)
// can have produced between the newest known release and today.
func reachable(newest Release, today time.Time) glversion.Version {
	v := newest.Version.Line()
	y, m, _ := newest.Date.Date()
	for {
		d := thirdThursday(y, m)
		if d.After(today) {
			break
		}
		if d.After(newest.Date) {
			if v.Minor >= 11 {
				v = glversion.NewMinor(v.Major+1, 0)
			} else {
				v = glversion.NewMinor(v.Major, v.Minor+1)
			}
		}
		m++
		if m > 12 {
			m, y = 1, y+1
		}
	}
	return v
}

func thirdThursday(y int, m time.Month) time.Time {
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	off := (int(time.Thursday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, off+14)
}
