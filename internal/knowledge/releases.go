package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"sync"
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
// and negative or huge ones (only NewReleases can be given those) a map,
// both kept apart so that the common set stays small.
type patchSet struct {
	low  uint64
	more *morePatches
}

type morePatches struct {
	high []uint64         // patches 64 and up, 64 to a word
	odd  map[int]struct{} // patches below 0 or from maxBitPatch on
}

const maxBitPatch = 1 << 16

func (s *patchSet) has(p int) bool {
	switch {
	case p >= 0 && p < 64:
		return s.low&(1<<p) != 0
	case s.more == nil:
		return false
	case p >= 64 && p < maxBitPatch:
		w := p/64 - 1
		return w < len(s.more.high) && s.more.high[w]&(1<<(p%64)) != 0
	}
	_, ok := s.more.odd[p]
	return ok
}

// add puts p in the set and reports whether it was new.
func (s *patchSet) add(p int) bool {
	if s.has(p) {
		return false
	}
	if p >= 0 && p < 64 {
		s.low |= 1 << p
		return true
	}
	if s.more == nil {
		s.more = &morePatches{}
	}
	if p >= 64 && p < maxBitPatch {
		w := p/64 - 1
		for len(s.more.high) <= w {
			s.more.high = append(s.more.high, 0)
		}
		s.more.high[w] |= 1 << (p % 64)
		return true
	}
	if s.more.odd == nil {
		s.more.odd = map[int]struct{}{}
	}
	s.more.odd[p] = struct{}{}
	return true
}

// Releases is the release table.
type Releases struct {
	// Date is the day the table was compiled.
	Date time.Time
	// lines are the minor lines in version order; sorted points to each.
	lines  []MinorLine
	sorted []*MinorLine
	// newest and oldest are the releases of the highest and lowest
	// versions, count the number of releases (repeats left out).
	newest, oldest Release
	count          int
	// list is every release in version order. The embedded table, built
	// from snapshot, makes it from its text only when All asks: nothing
	// else needs it.
	list     []Release
	text     string // the text list is read from, "" when list is set
	listOnce sync.Once
	// shuffled is set while building when a release came after a higher
	// one, so that finish has to sort.
	shuffled bool
}

// newReleases returns an empty table with room for size releases. GitLab
// releases about eight patches per line, hence the guess for the lines.
func newReleases(size int) *Releases {
	return &Releases{list: make([]Release, 0, size), lines: make([]MinorLine, 0, size/8+1)}
}

// ParseReleases reads the release table: "# date: YYYY-MM-DD" in the
// header, then one "version<TAB>date" row per release.
func ParseReleases(data []byte) (*Releases, error) {
	r := newReleases(bytes.Count(data, []byte{'\n'}) + 1)
	if err := scanReleases(data, &r.Date, r.add); err != nil {
		return nil, err
	}
	if r.count == 0 {
		return nil, fmt.Errorf("no releases")
	}
	r.finish()
	if r.Date.IsZero() {
		r.Date = r.Newest().Date
	}
	return r, nil
}

// scanReleases reads the rows of a release table, setting *date from
// the header.
func scanReleases(data []byte, date *time.Time, add func(Release)) error {
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
					return fmt.Errorf("line %d: bad date %q", n, d)
				}
				*date = t
			}
			continue
		}
		ver, day, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return fmt.Errorf("line %d: want version<TAB>date, got %q", n, line)
		}
		v, ok := plainVersion(ver)
		if !ok {
			return fmt.Errorf("line %d: bad version %q", n, ver)
		}
		t, ok := parseDay(bytes.TrimSpace(day))
		if !ok {
			return fmt.Errorf("line %d: bad date %q", n, day)
		}
		add(Release{Version: v, Date: t})
	}
	return lines.err
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

// find returns the position of the minor line of v in lines, or where it
// would go, and whether it is there.
func (r *Releases) find(v glversion.Version) (int, bool) {
	// slices.BinarySearchFunc would copy each MinorLine it looks at.
	lo, hi := 0, len(r.lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r.lines[m].Line.CompareMinor(v) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(r.lines) && r.lines[lo].Line.CompareMinor(v) == 0
}

// add records a release; a version seen before is ignored.
func (r *Releases) add(rel Release) {
	v := rel.Version
	var l *MinorLine
	// Tables come in version order, so a release is most often on the line
	// the previous one started, or on a new line after it.
	n := len(r.lines)
	if n > 0 && r.lines[n-1].Line.CompareMinor(v) == 0 {
		l = &r.lines[n-1]
	} else {
		i, found := n, false
		if n > 0 && r.lines[n-1].Line.CompareMinor(v) > 0 {
			i, found = r.find(v)
		}
		if !found {
			r.lines = slices.Insert(r.lines, i, MinorLine{Line: v.Line(), Latest: v, First: rel.Date, LastPatch: rel.Date})
		}
		l = &r.lines[i]
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
	switch {
	case r.count == 0:
		r.newest, r.oldest = rel, rel
	case v.Compare(r.newest.Version) > 0:
		r.newest = rel
	default:
		r.shuffled = true
		if v.Compare(r.oldest.Version) < 0 {
			r.oldest = rel
		}
	}
	r.count++
	r.list = append(r.list, rel)
}

func (r *Releases) finish() {
	if r.shuffled {
		slices.SortFunc(r.list, func(a, b Release) int { return a.Version.Compare(b.Version) })
	}
	r.sorted = make([]*MinorLine, len(r.lines))
	for i := range r.lines {
		r.sorted[i] = &r.lines[i]
	}
}

// All returns every release in version order.
func (r *Releases) All() []Release {
	if r.text != "" {
		r.listOnce.Do(r.readList)
	}
	return r.list
}

// readList makes the list of a table built from snapshot, out of the
// text the snapshot was made from.
func (r *Releases) readList() {
	list := make([]Release, 0, r.count)
	var date time.Time
	err := scanReleases(readOnlyBytes(r.text), &date, func(rel Release) { list = append(list, rel) })
	ordered := true
	for i := 1; i < len(list); i++ {
		if list[i-1].Version.Compare(list[i].Version) >= 0 {
			ordered = false
			break
		}
	}
	if !ordered {
		// Sort keeping rows of one version in order, then keep the first
		// of each, as add does.
		slices.SortStableFunc(list, func(a, b Release) int { return a.Version.Compare(b.Version) })
		list = slices.CompactFunc(list, func(a, b Release) bool { return a.Version.Compare(b.Version) == 0 })
	}
	if err != nil || len(list) != r.count {
		// TestSnapshotIsCurrent keeps the snapshot in step with the text.
		panic(fmt.Sprintf("knowledge: the release table does not match its snapshot: %d releases, want %d (%v)", len(list), r.count, err))
	}
	r.list = list
}

// Lines returns every minor line in version order.
func (r *Releases) Lines() []*MinorLine { return r.sorted }

// Newest returns the release of the highest version.
func (r *Releases) Newest() Release { return r.newest }

// Oldest returns the release of the lowest version.
func (r *Releases) Oldest() Release { return r.oldest }

// Line returns the minor line of v.
func (r *Releases) Line(v glversion.Version) (*MinorLine, bool) {
	i, ok := r.find(v)
	if !ok {
		return nil, false
	}
	return &r.lines[i], true
}

// lastMinor returns the highest minor of a major.
func (r *Releases) lastMinor(major int) (int, bool) {
	// The first line of the next major, and the one before it.
	i, _ := r.find(glversion.NewMinor(major+1, 0))
	if i == 0 || r.lines[i-1].Line.Major != major {
		return 0, false
	}
	return r.lines[i-1].Line.Minor, true
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

// maintainedMinors is how many of the newest minor lines get regular patch
// releases; lateBackports is how many more patches an older line may still
// see (an upgrade fix backported to a required stop).
const (
	maintainedMinors = 3
	lateBackports    = 3
)

// Check classifies v. today is the day the plan is read.
func (r *Releases) Check(v glversion.Version, today time.Time) Verdict {
	newest := r.Newest()
	out := Verdict{Status: Released, Newest: newest}
	if v.Compare(r.Oldest().Version) < 0 {
		return out
	}
	if l, ok := r.Line(v); ok {
		if !v.HasPatch || l.patches.has(v.Patch) {
			return out
		}
		if v.Patch < l.Latest.Patch {
			// The table lists every tag, so a patch between two listed
			// ones was skipped: no package or image was ever built.
			prev, next := v.Patch-1, v.Patch+1
			for prev >= 0 && !l.patches.has(prev) {
				prev--
			}
			for !l.patches.has(next) {
				next++
			}
			out.Status = NeverReleased
			if prev < 0 {
				out.Reason = fmt.Sprintf("the first release of %s is %d.%d.%d", l.Line, v.Major, v.Minor, next)
			} else {
				out.Reason = fmt.Sprintf("%s went from %d.%d.%d straight to %d.%d.%d", l.Line, v.Major, v.Minor, prev, v.Major, v.Minor, next)
			}
			return out
		}
		newer := l.Line.CompareMinor(newest.Version) < 0
		if newer && r.Date.Sub(l.LastPatch) > closedAfter {
			out.Status = NeverReleased
			out.Reason = fmt.Sprintf("the last patch of %s is %s, released %s", l.Line, l.Latest, l.LastPatch.Format(time.DateOnly))
			return out
		}
		// The lines newer than v's in the data, counted as released.
		i, _ := r.find(l.Line)
		if len(r.lines)-1-i >= maintainedMinors && v.Patch > l.Latest.Patch+lateBackports {
			// A line past the maintained minors gets an occasional
			// backport, never a run of patches: "18.5.17" when 18.5
			// ended at 18.5.7.
			out.Status = NeverReleased
			out.Reason = fmt.Sprintf("the last patch of %s is %s, and %s is no longer maintained (newest release in planlint's data: %s)", l.Line, l.Latest, l.Line, newest.Version)
			return out
		}
		out.Status = NewerThanData
		return out
	}
	if v.Major < newest.Version.Major || v.Major == newest.Version.Major && v.Minor < newest.Version.Minor {
		out.Status = NeverReleased
		if last, ok := r.lastMinor(v.Major); ok && v.Minor > last {
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

// rawReleases is the release table as snapshot holds it: its minor
// lines, worked out from releases.tsv when the snapshot was made, so that
// start-up does not read the release rows.
type rawReleases struct {
	Date           string // the day the table was compiled, YYYY-MM-DD
	Newest, Oldest rawRelease
	Count          int       // releases, repeats left out
	Lines          []rawLine // in version order
}

type rawRelease struct {
	Version string // major.minor.patch
	Date    string // YYYY-MM-DD
}

// rawLine is one MinorLine.
type rawLine struct {
	Major, Minor int
	Latest       int    // the highest patch
	First, Last  string // days of the first release and of the newest patch, YYYY-MM-DD
	Patches      int64  // bit p set for each patch p from 0 to 63
	MorePatches  []int  // the patches outside 0 to 63, in order
}

// releasesFromSnapshot builds the table snapshot describes; text is the
// table it was made from, which All reads its list from, and which must
// stay as it is for as long as the table is used.
func releasesFromSnapshot(raw rawReleases, text string) (*Releases, error) {
	if len(raw.Lines) == 0 || raw.Count == 0 {
		return nil, fmt.Errorf("no releases")
	}
	day := func(s string) (time.Time, error) {
		t, ok := parseDay(readOnlyBytes(s))
		if !ok {
			return t, fmt.Errorf("bad date %q", s)
		}
		return t, nil
	}
	release := func(raw rawRelease) (Release, error) {
		v, ok := plainVersion(readOnlyBytes(raw.Version))
		if !ok {
			return Release{}, fmt.Errorf("bad version %q", raw.Version)
		}
		t, err := day(raw.Date)
		return Release{Version: v, Date: t}, err
	}
	r := &Releases{count: raw.Count, text: text, lines: make([]MinorLine, len(raw.Lines)), sorted: make([]*MinorLine, len(raw.Lines))}
	var err error
	if r.Date, err = day(raw.Date); err != nil {
		return nil, err
	}
	if r.newest, err = release(raw.Newest); err != nil {
		return nil, err
	}
	if r.oldest, err = release(raw.Oldest); err != nil {
		return nil, err
	}
	for i, rl := range raw.Lines {
		l := &r.lines[i]
		l.Line = glversion.NewMinor(rl.Major, rl.Minor)
		l.Latest = glversion.New(rl.Major, rl.Minor, rl.Latest)
		if l.First, err = day(rl.First); err != nil {
			return nil, err
		}
		if l.LastPatch, err = day(rl.Last); err != nil {
			return nil, err
		}
		l.patches.low = uint64(rl.Patches)
		for _, p := range rl.MorePatches {
			l.patches.add(p)
		}
		if i > 0 && r.lines[i-1].Line.CompareMinor(l.Line) >= 0 {
			return nil, fmt.Errorf("line %s out of order", l.Line)
		}
		r.sorted[i] = l
	}
	return r, nil
}
