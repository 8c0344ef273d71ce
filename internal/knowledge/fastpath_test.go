package knowledge

// Tests that hold the hand-written fast paths of this package to the
// library functions they stand in for.

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/planlint/planlint/internal/glversion"
)

// allStrings returns every string of length up to n over the alphabet.
func allStrings(alphabet string, n int) []string {
	out := []string{""}
	level := []string{""}
	for range n {
		var next []string
		for _, s := range level {
			for _, c := range []byte(alphabet) {
				next = append(next, s+string(c))
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

func TestCanonicalVersionAgreesWithParse(t *testing.T) {
	inputs := allStrings("0129.x -", 5)
	nums := []string{"0", "1", "9", "00", "01", "10", "99", "100", "010", "999", "1000"}
	for _, a := range nums {
		for _, b := range nums {
			inputs = append(inputs, a+"."+b, a+"."+b+".x")
			for _, c := range nums {
				inputs = append(inputs, a+"."+b+"."+c, a+"."+b+"."+c+".1")
			}
		}
	}
	inputs = append(inputs, "v17.8.1", "17.8.1-ee", " 17.8", "17.8.1 ")
	for _, s := range inputs {
		got, ok := canonicalVersion(s)
		want, err := glversion.Parse(s)
		if ok && (err != nil || got != want) {
			t.Errorf("canonicalVersion(%q) = %#v, glversion.Parse = %#v, %v", s, got, want, err)
		}
		v, perr := parseVersion([]byte(s))
		if (perr == nil) != (err == nil) || v != want || perr != nil && perr.Error() != err.Error() {
			t.Errorf("parseVersion(%q) = %#v, %v; glversion.Parse = %#v, %v", s, v, perr, want, err)
		}
	}
	for _, s := range []string{"17.8", "17.8.1", "9.0.10"} {
		if _, ok := canonicalVersion(s); !ok {
			t.Errorf("canonicalVersion(%q) leaves the plain form to glversion.Parse", s)
		}
	}
}

func TestParseDayAgreesWithTime(t *testing.T) {
	inputs := []string{"", "2026-08-21", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29",
		"2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "2026-01-1", "+026-01-01", "2026-01-01 ",
		" 2026-01-01", "2026/01/01", "2026-01-0x", "20260-01-01", "-026-01-01", "2026-+1-01", "2026-01-+1"}
	for y := 2023; y <= 2024; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")+"-"+two(m)+"-"+two(d))
			}
		}
	}
	for _, s := range inputs {
		got, ok := parseDay([]byte(s))
		want, err := time.Parse(time.DateOnly, s)
		if ok != (err == nil) || got != want {
			t.Errorf("parseDay(%q) = %v, %v; time.Parse = %v, %v", s, got, ok, want, err)
		}
	}
}

func two(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestLineReaderAgreesWithScanner(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	inputs := []string{"", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\r", "\r\r\n", "a\n\nb\n\n",
		long(65535), long(65536), long(65535) + "\n", long(65536) + "\n", long(65534) + "\r\n", long(65535) + "\r\n",
		"x\n" + long(65535) + "\ny\n", "x\n" + long(65536) + "\ny\n", "x\n" + long(70000)}
	for _, in := range inputs {
		var want []string
		sc := bufio.NewScanner(strings.NewReader(in))
		for sc.Scan() {
			want = append(want, sc.Text())
		}
		var got []string
		lr := lineReader{data: []byte(in)}
		for {
			line, ok := lr.next()
			if !ok {
				break
			}
			got = append(got, string(line))
		}
		if len(got) != len(want) || lr.err != sc.Err() {
			t.Errorf("input of %d bytes: %d lines, err %v; scanner: %d lines, err %v", len(in), len(got), lr.err, len(want), sc.Err())
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("input of %d bytes, line %d: %q, scanner %q", len(in), i+1, got[i], want[i])
			}
		}
	}
}

func TestPatchSet(t *testing.T) {
	var s patchSet
	in := []int{0, 5, 63, 64, 65, 127, 128, 1000, maxBitPatch - 1, maxBitPatch, 1 << 40, -1, -(1 << 40)}
	for _, p := range in {
		if !s.add(p) {
			t.Errorf("add(%d) the first time = false", p)
		}
		if s.add(p) {
			t.Errorf("add(%d) the second time = true", p)
		}
	}
	want := map[int]bool{}
	for _, p := range in {
		want[p] = true
	}
	for p := -70; p < maxBitPatch+70; p++ {
		if s.has(p) != want[p] {
			t.Errorf("has(%d) = %v", p, s.has(p))
		}
	}
	for _, p := range in {
		if !s.has(p) {
			t.Errorf("has(%d) = false", p)
		}
	}
}

func TestParseReleasesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "no releases"},
		{"# date: 2020-13-01\n", `line 1: bad date "2020-13-01"`},
		{"1.2.3 2020-01-01\n", `line 1: want version<TAB>date, got "1.2.3 2020-01-01"`},
		{"\n1.2\t2020-01-01\n", `line 2: bad version "1.2"`},
		{"1.2.3\t2020-02-30 \n", `line 1: bad date "2020-02-30"`},
		{"1.2.3\t 2020-02-3x\n", `line 1: bad date " 2020-02-3x"`},
		{"1.2.3\t2020-02-03\n#" + strings.Repeat(" ", 70000), bufio.ErrTooLong.Error()},
	}
	for _, tt := range tests {
		_, err := ParseReleases([]byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseReleases(%.40q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
	r, err := ParseReleases([]byte("  # date: 2020-01-05 \r\n1.2.3\t2020-02-03\r\n1.2.3\t2020-02-04\n1.2.4\t2020-02-01\n1.1.0\t2019-12-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Date.Format(time.DateOnly); got != "2020-01-05" {
		t.Errorf("date = %s", got)
	}
	l, ok := r.Line(glversion.NewMinor(1, 2))
	if !ok || l.Latest.String() != "1.2.4" || l.First.Format(time.DateOnly) != "2020-02-01" || l.LastPatch.Format(time.DateOnly) != "2020-02-03" {
		t.Errorf("line 1.2 = %+v", l)
	}
	if len(r.All()) != 3 || r.Oldest().Version.String() != "1.1.0" || !r.Has(glversion.New(1, 2, 3)) || r.Has(glversion.New(1, 2, 5)) {
		t.Errorf("releases = %+v", r.All())
	}
	if _, ok := r.Line(glversion.NewMinor(1, 3)); ok {
		t.Errorf("line 1.3 found")
	}
}

func TestParseChartsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "no chart versions"},
		{"# date: 2020-01-01\n", "no chart versions"},
		{"1.2.3 4.5.6\n", `line 1: want chart<TAB>gitlab, got "1.2.3 4.5.6"`},
		{"1.2.3\t4.5\n", `line 1: bad versions "1.2.3\t4.5"`},
	}
	for _, tt := range tests {
		_, err := ParseCharts([]byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseCharts(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
	c, err := ParseCharts([]byte("# date: 2020-02-02\n1.2.3\t14.5.6\nv1.2.4 \tgitlab-ee-14.5.7-ee.0\n"))
	if err != nil || c.Date != "2020-02-02" {
		t.Fatalf("ParseCharts: %v, %+v", err, c)
	}
	if v, exact, ok := c.GitLab(glversion.New(1, 2, 4)); !ok || !exact || v.String() != "14.5.7" {
		t.Errorf("chart 1.2.4 -> %v %v %v", v, exact, ok)
	}
	if !c.Known(glversion.New(1, 2, 3)) || c.Known(glversion.NewMinor(1, 2)) {
		t.Errorf("Known is wrong")
	}
	if got := c.Chart(glversion.NewMinor(14, 5)); len(got) != 2 || got[0].String() != "1.2.3" {
		t.Errorf("Chart(14.5) = %v", got)
	}
	if _, err := ParseCharts(bytes.Repeat([]byte("#"), 70000)); err == nil || err.Error() != "no chart versions" {
		t.Errorf("long comment only: %v", err)
	}
}

func TestKebabCase(t *testing.T) {
	// The pattern the check replaced, kept here as its specification.
	spec := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	inputs := allStrings("a9-_A.", 5)
	inputs = append(inputs, "new-secrets-every-node-17-8", "é", "a\n", "a-\u00e9", "x--y", "-", "--")
	for _, id := range inputs {
		if got, want := kebabCase(id), spec.MatchString(id); got != want {
			t.Errorf("kebabCase(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestOSVersionPartsAgreesWithSplit(t *testing.T) {
	// The first version of osVersionParts, kept as its specification.
	spec := func(s string) ([]int, bool) {
		if s == "" || s[0] < '0' || s[0] > '9' {
			return nil, false
		}
		var out []int
		for _, p := range strings.Split(s, ".") {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || len(p) > 5 {
				return nil, false
			}
			out = append(out, n)
		}
		return out, true
	}
	inputs := append(allStrings("09.+-a", 5), "22.04", "7.9.2009", "123456", "1.123456", "15.6")
	for _, s := range inputs {
		got, ok := osVersionParts(s)
		want, wantOK := spec(s)
		if ok != wantOK || !slices.Equal(got, want) {
			t.Errorf("osVersionParts(%q) = %v, %v; want %v, %v", s, got, ok, want, wantOK)
		}
	}
}

func TestChartsOutOfOrderAndRepeated(t *testing.T) {
	c, err := ParseCharts([]byte("9.1.0\t18.1.0\n8.7.3\t17.7.1\n9.1.0\t18.1.1\n8.7.2\t17.7.0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if v, exact, ok := c.GitLab(glversion.New(9, 1, 0)); !ok || !exact || v.String() != "18.1.1" {
		t.Errorf("chart 9.1.0 -> %v %v %v, want the last row's 18.1.1", v, exact, ok)
	}
	if got := c.Chart(glversion.NewMinor(17, 7)); len(got) != 2 || got[0].String() != "8.7.2" || got[1].String() != "8.7.3" {
		t.Errorf("Chart(17.7) = %v", got)
	}
	if got := c.Chart(glversion.New(18, 1, 0)); len(got) != 0 {
		t.Errorf("Chart(18.1.0) = %v, want none: the repeat replaced it", got)
	}
	if c.Known(glversion.New(1<<20, 1, 0)) || c.Known(glversion.Version{Major: 9, Minor: 1, Patch: -1, HasPatch: true}) {
		t.Errorf("Known accepts a version no chart has")
	}
}

// TestReleasesAgreeWithRows builds release tables from random rows, out
// of order and repeated, in each way a table is built, and checks every
// answer against the rows.
func TestReleasesAgreeWithRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	patches := []int{0, 1, 2, 3, 5, 9, 63, 64, 65, 130, 9999}
	day0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for round := range 300 {
		var rows []Release
		for range 1 + rng.IntN(60) {
			v := glversion.New(1+rng.IntN(3), rng.IntN(5), patches[rng.IntN(len(patches))])
			rows = append(rows, Release{Version: v, Date: day0.AddDate(0, 0, rng.IntN(2000))})
		}
		if round%3 == 0 {
			// The usual table: in version order, without repeats.
			slices.SortFunc(rows, func(a, b Release) int { return a.Version.Compare(b.Version) })
			rows = slices.CompactFunc(rows, func(a, b Release) bool { return a.Version == b.Version })
		}
		// What the table must say: the first row of each version counts.
		var want []Release
		for _, r := range rows {
			if !slices.ContainsFunc(want, func(w Release) bool { return w.Version == r.Version }) {
				want = append(want, r)
			}
		}
		slices.SortFunc(want, func(a, b Release) int { return a.Version.Compare(b.Version) })
		var text strings.Builder
		text.WriteString("# date: 2026-01-02\n")
		for _, r := range rows {
			text.WriteString(r.Version.String() + "\t" + r.Date.Format(time.DateOnly) + "\n")
		}
		parsed, err := ParseReleases([]byte(text.String()))
		if err != nil {
			t.Fatal(err)
		}
		// A table built from the snapshot of this one, as the embedded
		// table is, reads its list from the text.
		lazy, err := releasesFromSnapshot(releasesSnapshot(parsed), text.String())
		if err != nil {
			t.Fatal(err)
		}
		built, err := NewReleases(rows, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for name, r := range map[string]*Releases{"ParseReleases": parsed, "releasesFromSnapshot": lazy, "NewReleases": built} {
			fail := func(format string, args ...any) {
				t.Helper()
				t.Fatalf("round %d, %s: %s\nrows: %v", round, name, fmt.Sprintf(format, args...), rows)
			}
			if r.Newest() != want[len(want)-1] || r.Oldest() != want[0] {
				fail("newest %v, oldest %v", r.Newest(), r.Oldest())
			}
			if r.Date.Format(time.DateOnly) != "2026-01-02" {
				fail("date %v", r.Date)
			}
			var lines []glversion.Version
			for _, w := range want {
				if len(lines) == 0 || lines[len(lines)-1].CompareMinor(w.Version) != 0 {
					lines = append(lines, w.Version.Line())
				}
			}
			if len(r.Lines()) != len(lines) {
				fail("%d lines, want %d", len(r.Lines()), len(lines))
			}
			for i, line := range lines {
				l, ok := r.Line(line)
				if !ok || r.Lines()[i] != l {
					fail("line %s: %v, %v", line, l, ok)
				}
				var latest glversion.Version
				var first, last time.Time
				for _, w := range want {
					if w.Version.CompareMinor(line) == 0 {
						latest = w.Version
						if first.IsZero() || w.Date.Before(first) {
							first = w.Date
						}
						if w.Date.After(last) {
							last = w.Date
						}
					}
				}
				if l.Line != line || l.Latest != latest || !l.First.Equal(first) || !l.LastPatch.Equal(last) {
					fail("line %s = %+v, want latest %s, first %v, last %v", line, *l, latest, first, last)
				}
			}
			for major := 0; major <= 4; major++ {
				wantLast, wantOK := 0, false
				for _, l := range lines {
					if l.Major == major {
						wantLast, wantOK = l.Minor, true
					}
				}
				for minor := 0; minor <= 6; minor++ {
					line := glversion.NewMinor(major, minor)
					inLines := slices.Contains(lines, line)
					if _, ok := r.Line(line); ok != inLines || r.Has(line) != inLines {
						fail("Line(%s) found = %v, Has = %v", line, ok, r.Has(line))
					}
					for _, p := range patches {
						v := glversion.New(major, minor, p)
						if got, want := r.Has(v), slices.ContainsFunc(want, func(w Release) bool { return w.Version == v }); got != want {
							fail("Has(%s) = %v", v, got)
						}
					}
				}
				if last, ok := r.lastMinor(major); last != wantLast || ok != wantOK {
					fail("lastMinor(%d) = %d, %v", major, last, ok)
				}
			}
			if got := r.All(); !slices.Equal(got, want) {
				fail("All() = %v, want %v", got, want)
			}
		}
	}
}

// TestEmbeddedReleases checks that the embedded table, built from the
// snapshot of its minor lines, says what ParseReleases says of its text,
// and that it lists its releases only when All asks.
func TestEmbeddedReleases(t *testing.T) {
	b, err := load()
	if err != nil {
		t.Fatal(err)
	}
	got := b.Releases
	want, err := ParseReleases([]byte(releasesTSV))
	if err != nil {
		t.Fatal(err)
	}
	if got.list != nil {
		t.Errorf("the list was made before All asked for it")
	}
	if got.Newest() != want.Newest() || got.Oldest() != want.Oldest() || got.Date != want.Date {
		t.Errorf("newest %v, oldest %v, date %v; want %v, %v, %v", got.Newest(), got.Oldest(), got.Date, want.Newest(), want.Oldest(), want.Date)
	}
	if len(got.Lines()) != len(want.Lines()) {
		t.Fatalf("%d lines, want %d", len(got.Lines()), len(want.Lines()))
	}
	for i, l := range got.Lines() {
		w := want.Lines()[i]
		if l.Line != w.Line || l.Latest != w.Latest || l.First != w.First || l.LastPatch != w.LastPatch || l.patches.low != w.patches.low || (l.patches.more == nil) != (w.patches.more == nil) {
			t.Errorf("line %d = %+v, want %+v", i, *l, *w)
		}
		if gl, ok := got.Line(w.Line); !ok || gl != l {
			t.Errorf("Line(%s) = %v, %v", w.Line, gl, ok)
		}
	}
	if all := got.All(); !slices.Equal(all, want.All()) || len(all) < 1000 {
		t.Errorf("All() lists %d releases, ParseReleases %d", len(all), len(want.All()))
	}
}

func TestParsePGVersionAgreesWithSplit(t *testing.T) {
	// The first version of parsePGVersion, kept as its specification.
	spec := func(s string) ([3]int, bool) {
		var out [3]int
		parts := strings.Split(strings.TrimSpace(s), ".")
		if len(parts) == 0 || len(parts) > 3 {
			return out, false
		}
		for i, p := range parts {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || p == "" || p[0] == '+' {
				return out, false
			}
			out[i] = n
		}
		return out, out[0] > 0
	}
	inputs := append(allStrings("01.+- ", 5), "17", "16.5", "14.11.2", "1.2.3.4", " 16.5 ", "99999999999999999999", "1.-0")
	for _, s := range inputs {
		got, ok := parsePGVersion(s)
		want, wantOK := spec(s)
		if got != want || ok != wantOK {
			t.Errorf("parsePGVersion(%q) = %v, %v; want %v, %v", s, got, ok, want, wantOK)
		}
	}
}
