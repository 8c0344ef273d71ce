package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"
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
	patches   map[int]bool
}

// Releases is the release table.
type Releases struct {
	// Date is the day the table was compiled.
	Date   time.Time
	list   []Release
	lines  map[[2]int]*MinorLine
	sorted []*MinorLine
	majors map[int]int // major -> highest minor
}

// ParseReleases reads the release table: "# date: YYYY-MM-DD" in the
// header, then one "version<TAB>date" row per release.
func ParseReleases(data []byte) (*Releases, error) {
	r := &Releases{lines: map[[2]int]*MinorLine{}, majors: map[int]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			if d, ok := strings.CutPrefix(body, "date:"); ok {
				t, err := time.Parse(time.DateOnly, strings.TrimSpace(d))
				if err != nil {
					return nil, fmt.Errorf("line %d: bad date %q", n, strings.TrimSpace(d))
				}
				r.Date = t
			}
			continue
		}
		ver, day, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want version<TAB>date, got %q", n, line)
		}
		v, ok := plainVersion(ver)
		if !ok {
			return nil, fmt.Errorf("line %d: bad version %q", n, ver)
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(day))
		if err != nil {
			return nil, fmt.Errorf("line %d: bad date %q", n, day)
		}
		r.add(Release{Version: v, Date: t})
	}
	if err := sc.Err(); err != nil {
		return nil, err
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

// plainVersion reads "major.minor.patch" without decorations, the form
// of the data files, faster than glversion.Parse.
func plainVersion(s string) (glversion.Version, bool) {
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
	r := &Releases{lines: map[[2]int]*MinorLine{}, majors: map[int]int{}, Date: date}
	for _, rel := range list {
		if !rel.Version.HasPatch {
			return nil, fmt.Errorf("release %q has no patch number", rel.Version)
		}
		r.add(rel)
	}
	r.finish()
	return r, nil
}

func (r *Releases) add(rel Release) {
	v := rel.Version
	key := [2]int{v.Major, v.Minor}
	l := r.lines[key]
	if l == nil {
		l = &MinorLine{Line: v.Line(), Latest: v, First: rel.Date, LastPatch: rel.Date, patches: map[int]bool{}}
		r.lines[key] = l
	}
	if l.patches[v.Patch] {
		return
	}
	l.patches[v.Patch] = true
	if v.Patch > l.Latest.Patch {
		l.Latest = v
	}
	if rel.Date.Before(l.First) {
		l.First = rel.Date
	}
	if rel.Date.After(l.LastPatch) {
		l.LastPatch = rel.Date
	}
	if m, ok := r.majors[v.Major]; !ok || v.Minor > m {
		r.majors[v.Major] = v.Minor
	}
	r.list = append(r.list, rel)
}

func (r *Releases) finish() {
	sort.Slice(r.list, func(i, j int) bool { return r.list[i].Version.Compare(r.list[j].Version) < 0 })
	r.sorted = r.sorted[:0]
	for _, l := range r.lines {
		r.sorted = append(r.sorted, l)
	}
	sort.Slice(r.sorted, func(i, j int) bool { return r.sorted[i].Line.CompareMinor(r.sorted[j].Line) < 0 })
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
	l, ok := r.lines[[2]int{v.Major, v.Minor}]
	return l, ok
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
	return !v.HasPatch || l.patches[v.Patch]
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
		if !v.HasPatch || l.patches[v.Patch] || v.Patch < l.Latest.Patch {
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
