package knowledge

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/internal/gentest"
)

// dataFS holds the data files as written, for the tests that decode them.
//
//go:embed data
var dataFS embed.FS

const (
	snapshotFile    = "snapshot_gen.go"
	snapshotCommand = "go test ./internal/knowledge -run TestSnapshotIsCurrent -update"
)

// dataFiles are the embedded data files, in the order of Base.Sources.
var dataFiles = [...]string{
	"releases.tsv", "upgrade_path.yml", "conditional_stops.yaml", "helm_chart_versions.tsv",
	"postgres.yaml", "os_support.yaml", "version_notes.yaml",
}

// headerSource reads "# source:" and "# date:" lines at the top of a data
// file. It stops reading at the first line of data.
func headerSource(name string, r io.Reader) Source {
	s := Source{File: name}
	sc := bufio.NewScanner(r)
	// Header lines are short; the scanner grows the buffer if one is not.
	sc.Buffer(make([]byte, 0, 512), bufio.MaxScanTokenSize)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '#' {
			if len(bytes.TrimSpace(line)) == 0 || string(line) == "---" {
				continue
			}
			break
		}
		body := bytes.TrimSpace(line[1:])
		if v, ok := bytes.CutPrefix(body, []byte("source:")); ok {
			s.Origin = string(bytes.TrimSpace(v))
		} else if v, ok := bytes.CutPrefix(body, []byte("date:")); ok {
			s.Date = string(bytes.TrimSpace(v))
		}
	}
	return s
}

// decodeSnapshot decodes every embedded YAML data file, the way the
// parsers for user-supplied files do, and reads the header of every data
// file.
func decodeSnapshot() (rawSnapshot, error) {
	var s rawSnapshot
	read := func(name string) []byte {
		data, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			panic(err) // the embedded file set is fixed at build time
		}
		return data
	}
	for _, name := range dataFiles {
		s.Sources = append(s.Sources, headerSource(name, bytes.NewReader(read(name))))
	}
	releases, err := ParseReleases(read("releases.tsv"))
	if err != nil {
		return s, fmt.Errorf("releases.tsv: %w", err)
	}
	s.Releases = releasesSnapshot(releases)
	wrap := func(name string, err error) error { return fmt.Errorf("%s: %w", name, err) }
	if s.Stops, err = decodeUpgradePath(read("upgrade_path.yml")); err != nil {
		return s, wrap("upgrade_path.yml", err)
	}
	if s.Conditional, err = decodeConditional(read("conditional_stops.yaml")); err != nil {
		return s, wrap("conditional_stops.yaml", err)
	}
	if s.Postgres, err = decodeStrict[rawPostgres](read("postgres.yaml")); err != nil {
		return s, wrap("postgres.yaml", err)
	}
	if s.OS, err = decodeStrict[rawOSData](read("os_support.yaml")); err != nil {
		return s, wrap("os_support.yaml", err)
	}
	if s.Notes, err = decodeStrict[[]rawNote](read("version_notes.yaml")); err != nil {
		return s, wrap("version_notes.yaml", err)
	}
	if s.NoteVerdicts, err = noteVerdicts(s.Notes, releases.All()); err != nil {
		return s, wrap("version_notes.yaml", err)
	}
	return s, nil
}

// releasesSnapshot returns the snapshot of a release table, which
// releasesFromSnapshot turns back into the table.
func releasesSnapshot(r *Releases) rawReleases {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	rel := func(r Release) rawRelease { return rawRelease{Version: r.Version.String(), Date: day(r.Date)} }
	out := rawReleases{Date: day(r.Date), Newest: rel(r.Newest()), Oldest: rel(r.Oldest()), Count: len(r.All())}
	for _, l := range r.Lines() {
		rl := rawLine{Major: l.Line.Major, Minor: l.Line.Minor, Latest: l.Latest.Patch, First: day(l.First), Last: day(l.LastPatch),
			Patches: int64(l.patches.low)}
		if m := l.patches.more; m != nil {
			for w, bits := range m.high {
				for b := range 64 {
					if bits&(1<<b) != 0 {
						rl.MorePatches = append(rl.MorePatches, 64*(w+1)+b)
					}
				}
			}
			rl.MorePatches = append(rl.MorePatches, slices.Sorted(maps.Keys(m.odd))...)
			slices.Sort(rl.MorePatches)
		}
		out.Lines = append(out.Lines, rl)
	}
	return out
}

// noteVerdicts asks go-version, for each note with constraints, which
// releases satisfy each of its constraint lists.
func noteVerdicts(notes []rawNote, releases []Release) ([]rawVerdicts, error) {
	var out []rawVerdicts
	for i := range notes {
		r := &notes[i]
		if !r.hasConstraints() {
			continue
		}
		v := rawVerdicts{Note: r.ID}
		for k, runs := range []*[]string{&v.Installs, &v.UnlessInstalls, &v.UnlessCurrent} {
			cs, err := constraints(r.list(k))
			if err != nil {
				return nil, fmt.Errorf("note %s: %s: %v", r.ID, listNames[k], err)
			}
			if len(cs) == 0 {
				continue
			}
			// The runs of consecutive releases that satisfy the list.
			for j := 0; j < len(releases); j++ {
				if !satisfies(cs, releases[j].Version.Semver()) {
					continue
				}
				first := releases[j].Version
				for j+1 < len(releases) && satisfies(cs, releases[j+1].Version.Semver()) {
					j++
				}
				run := first.String()
				if last := releases[j].Version; last != first {
					run += "-" + last.String()
				}
				*runs = append(*runs, run)
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// snapshotSource returns the Go source of snapshot_gen.go for s.
func snapshotSource(s rawSnapshot) ([]byte, error) {
	var lit goLiteral
	if err := lit.value(reflect.ValueOf(s), false); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by %q; DO NOT EDIT.\n\n", snapshotCommand)
	b.WriteString("package knowledge\n\n")
	b.WriteString("// snapshot is the embedded YAML data files, decoded ahead of time, and the\n// source headers of all data files.\n")
	b.WriteString("var snapshot = ")
	b.Write(lit.buf.Bytes())
	b.WriteString("\n")
	b.WriteString(lit.intVars())
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the snapshot: %v", err)
	}
	return out, nil
}

func TestSnapshotIsCurrent(t *testing.T) {
	decoded, err := decodeSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	src, err := snapshotSource(decoded)
	if err != nil {
		t.Fatal(err)
	}
	if gentest.Current(t, snapshotFile, src, snapshotCommand) {
		return
	}
	if diff := cmp.Diff(decoded, snapshot); diff != "" {
		t.Errorf("%s does not match the files under data/; run %q (-data +snapshot):\n%s", snapshotFile, snapshotCommand, diff)
	}
}

// TestGoLiteral checks the literal printer on the shapes the raw types
// use.
func TestGoLiteral(t *testing.T) {
	type inner struct {
		Name string
		N    *int
	}
	type outer struct {
		S     string
		I     int
		B     bool
		Skip  string
		P     *int
		Zero  *int
		Neg   *int
		List  stringList
		Empty []string
		Items []inner
	}
	zero, five, neg := 0, 5, -2
	v := outer{S: "a\"b\n", I: -3, B: true, P: &five, Zero: &zero, Neg: &neg, List: stringList{"x", "y"}, Empty: []string{},
		Items: []inner{{Name: "n"}, {}}}
	var lit goLiteral
	if err := lit.value(reflect.ValueOf(v), false); err != nil {
		t.Fatal(err)
	}
	got, err := format.Source([]byte("package p\n\nvar v = " + lit.buf.String() + "\n" + lit.intVars()))
	if err != nil {
		t.Fatalf("%v in\n%s", err, lit.buf.String())
	}
	want := `package p

var v = outer{
	S:     "a\"b\n",
	I:     -3,
	B:     true,
	P:     &snapshotInt5,
	Zero:  &snapshotInt0,
	Neg:   &snapshotIntMinus2,
	List:  stringList{"x", "y"},
	Empty: []string{},
	Items: []inner{
		{
			Name: "n",
		},
		{},
	},
}

// The values of the *int fields.
var (
	snapshotIntMinus2 = -2
	snapshotInt0      = 0
	snapshotInt5      = 5
)
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []any{map[string]int{}, new("x"), 1.5} {
		if err := lit.value(reflect.ValueOf(bad), false); err == nil {
			t.Errorf("a %T was printed", bad)
		}
	}
}

// goLiteral writes values as Go composite literals of this package's
// types. It knows the shapes the raw data types use: structs (zero fields
// left out), slices, strings, ints, bools and pointers to ints (written
// as the address of a variable that intVars declares).
type goLiteral struct {
	buf  bytes.Buffer
	ints map[int64]bool // the values *int fields point to
}

// intVar names the variable that holds n for the *int fields that point
// to n.
func intVar(n int64) string {
	if n < 0 {
		return "snapshotIntMinus" + strconv.FormatInt(-n, 10)
	}
	return "snapshotInt" + strconv.FormatInt(n, 10)
}

// intVars declares the variables intVar names for the values written.
func (l *goLiteral) intVars() string {
	if len(l.ints) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n// The values of the *int fields.\nvar (\n")
	for _, n := range slices.Sorted(maps.Keys(l.ints)) {
		fmt.Fprintf(&b, "%s = %d\n", intVar(n), n)
	}
	b.WriteString(")\n")
	return b.String()
}

// value writes v. elide leaves out the type of a composite literal, as
// Go allows for the elements of a slice.
func (l *goLiteral) value(v reflect.Value, elide bool) error {
	switch v.Kind() {
	case reflect.String:
		l.buf.WriteString(strconv.Quote(v.String()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		l.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Bool:
		l.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Pointer:
		if v.IsNil() {
			l.buf.WriteString("nil")
			return nil
		}
		if v.Type().Elem() != reflect.TypeFor[int]() {
			return fmt.Errorf("cannot write a %s", v.Type())
		}
		// new(5) would do, but the compiler sets up such a pointer when
		// the program starts, with an allocation, while the address of a
		// variable is laid out in the binary with the rest of the literal.
		n := v.Elem().Int()
		if l.ints == nil {
			l.ints = map[int64]bool{}
		}
		l.ints[n] = true
		l.buf.WriteString("&" + intVar(n))
	case reflect.Struct:
		if err := l.typePrefix(v.Type(), elide); err != nil {
			return err
		}
		l.buf.WriteString("{")
		t := v.Type()
		wrote := false
		for i := range t.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			if !t.Field(i).IsExported() {
				return fmt.Errorf("cannot write unexported field %s.%s", t, t.Field(i).Name)
			}
			l.buf.WriteString("\n" + t.Field(i).Name + ": ")
			if err := l.value(f, false); err != nil {
				return err
			}
			l.buf.WriteString(",")
			wrote = true
		}
		if wrote {
			l.buf.WriteString("\n")
		}
		l.buf.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			l.buf.WriteString("nil")
			return nil
		}
		if err := l.typePrefix(v.Type(), elide); err != nil {
			return err
		}
		// Scalars go on one line, composite elements one to a line.
		elem := v.Type().Elem().Kind()
		multiline := elem == reflect.Struct || elem == reflect.Slice
		l.buf.WriteString("{")
		for i := range v.Len() {
			if multiline {
				l.buf.WriteString("\n")
			} else if i > 0 {
				l.buf.WriteString(", ")
			}
			if err := l.value(v.Index(i), true); err != nil {
				return err
			}
			if multiline {
				l.buf.WriteString(",")
			}
		}
		if multiline && v.Len() > 0 {
			l.buf.WriteString("\n")
		}
		l.buf.WriteString("}")
	default:
		return fmt.Errorf("cannot write a %s", v.Type())
	}
	return nil
}

func (l *goLiteral) typePrefix(t reflect.Type, elide bool) error {
	if elide {
		return nil
	}
	name, err := typeName(t)
	if err != nil {
		return err
	}
	l.buf.WriteString(name)
	return nil
}

// typeName returns how this package spells t.
func typeName(t reflect.Type) (string, error) {
	if t.Name() != "" {
		if t.PkgPath() != "" && t.PkgPath() != reflect.TypeFor[rawSnapshot]().PkgPath() {
			return "", fmt.Errorf("type %s is from another package", t)
		}
		return t.Name(), nil
	}
	if t.Kind() == reflect.Slice {
		elem, err := typeName(t.Elem())
		return "[]" + elem, err
	}
	return "", fmt.Errorf("cannot name type %s", t)
}
