// Package knowledge holds what planlint knows about GitLab releases: the
// release table, the required upgrade stops, conditional stops, and the
// algorithm that turns them into an upgrade path; PostgreSQL requirements,
// the operating systems the Linux package is built for, and known
// version-specific upgrade problems.
//
// Every fact lives in an embedded data file under data/ that names its
// source and date; refreshing knowledge is a data change, not a code change.
package knowledge

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/planlint/planlint/internal/glversion"
	"gopkg.in/yaml.v3"
)

// The TSV tables as strings, read in place. The YAML files reach the
// binary as snapshot_gen.go; only the tests read them (dataFS). load parses
// the chart table; the release table's rows are read only when
// Releases.All asks for them.
var (
	//go:embed data/releases.tsv
	releasesTSV string
	//go:embed data/helm_chart_versions.tsv
	chartsTSV string
)

//go:generate go test -run ^TestSnapshotIsCurrent$ -update

// Source describes where one data file came from.
type Source struct {
	File   string // file name under data/, or the path given by the user
	Origin string // where the facts were read
	Date   string // YYYY-MM-DD the facts were read, "" if unknown
}

// Base is one consistent set of knowledge. A Base is immutable once built
// and safe for concurrent use.
type Base struct {
	Releases    *Releases
	Stops       []Stop
	Conditional map[string]Conditional // by "major.minor"
	Charts      *Charts
	Sources     []Source

	postgres *postgresData
	os       *osTable
	notes    []Note
}

var (
	defaultOnce sync.Once
	defaultBase *Base
	defaultErr  error
)

// Default returns the knowledge embedded in the binary.
func Default() *Base {
	defaultOnce.Do(func() {
		defaultBase, defaultErr = load()
	})
	if defaultErr != nil {
		// The embedded data is checked by tests; failing here is a build bug.
		panic("knowledge: embedded data is broken: " + defaultErr.Error())
	}
	return defaultBase
}

// load builds the embedded knowledge. The YAML files, the minor lines of
// the release table and the headers of all files come from snapshot,
// made when the binary was built; only the chart table is parsed here.
// What is left takes well under a millisecond, and running it on several
// goroutines no longer pays for starting them.
func load() (*Base, error) {
	// A copy, since Sources is the caller's to change.
	b := &Base{Sources: append([]Source(nil), snapshot.Sources...)}
	var err error
	step := func(file string, build func() error) {
		if err == nil {
			if e := build(); e != nil {
				err = fmt.Errorf("%s: %w", file, e)
			}
		}
	}
	step("releases.tsv", func() (err error) { b.Releases, err = releasesFromSnapshot(snapshot.Releases, releasesTSV); return })
	step("helm_chart_versions.tsv", func() (err error) { b.Charts, err = ParseCharts(readOnlyBytes(chartsTSV)); return })
	step("upgrade_path.yml", func() (err error) { b.Stops, err = buildStops(snapshot.Stops); return })
	step("conditional_stops.yaml", func() (err error) { b.Conditional, err = buildConditional(snapshot.Conditional); return })
	step("postgres.yaml", func() (err error) { b.postgres, err = buildPostgres(snapshot.Postgres); return })
	step("os_support.yaml", func() (err error) { b.os, err = buildOS(snapshot.OS); return })
	step("version_notes.yaml", func() (err error) {
		b.notes, err = buildNotes(snapshot.Notes, parseLater, snapshot.NoteVerdicts, b.Releases)
		return
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// readOnlyBytes returns the bytes of s without copying them, for parsers
// that neither change their input nor keep it.
func readOnlyBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// rawSnapshot is every embedded YAML data file, decoded, the minor lines
// of the release table, go-version's answers for the notes' constraints
// and the releases, and the source header of every data file. The
// generated file snapshot_gen.go holds it as a Go literal, so that
// start-up does not run a YAML parser or read the release rows and the
// headers, and a plan of released versions does not run go-version;
// TestSnapshotIsCurrent keeps it in step with data/.
type rawSnapshot struct {
	Sources     []Source         // the headers of dataFiles, in that order
	Releases    rawReleases      // releases.tsv
	Stops       []rawStop        // upgrade_path.yml
	Conditional []rawConditional // conditional_stops.yaml
	Postgres    rawPostgres      // postgres.yaml
	OS          rawOSData        // os_support.yaml
	Notes       []rawNote        // version_notes.yaml
	// NoteVerdicts is go-version's answers for the constraints of each
	// note that has any and the releases of releases.tsv.
	NoteVerdicts []rawVerdicts
}

// WithStops returns a copy of b that uses stops as the required-stop list,
// for example from a newer upstream upgrade_path.yml.
func (b *Base) WithStops(stops []Stop, src Source) *Base {
	c := *b
	c.Stops = stops
	c.Sources = append([]Source(nil), b.Sources...)
	for i := range c.Sources {
		if c.Sources[i].File == "upgrade_path.yml" {
			c.Sources[i] = src
		}
	}
	return &c
}

// DataDate returns the date of the release table, the knowledge that ages
// fastest.
func (b *Base) DataDate() time.Time { return b.Releases.Date }

// Stop is one entry of the required-stop list.
type Stop struct {
	Major, Minor int
	// Conditional is true when only some instances need the stop.
	Conditional bool
	// Comment is the list's own note, if any.
	Comment string
}

// Line returns the stop's minor release line.
func (s Stop) Line() glversion.Version { return glversion.NewMinor(s.Major, s.Minor) }

// ParseUpgradePath reads a required-stop list in the format of GitLab's
// config/upgrade_path.yml.
func ParseUpgradePath(data []byte) ([]Stop, error) {
	raw, err := decodeUpgradePath(data)
	if err != nil {
		return nil, err
	}
	return buildStops(raw)
}

// rawStop is one entry of upgrade_path.yml as written. Major and Minor are
// pointers so that a missing number can be told from a zero.
type rawStop struct {
	Major    *int   `yaml:"major"`
	Minor    *int   `yaml:"minor"`
	Comments string `yaml:"comments"`
}

func decodeUpgradePath(data []byte) ([]rawStop, error) {
	var raw []rawStop
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("not an upgrade path list: %v", firstLine(err.Error()))
	}
	return raw, nil
}

// buildStops checks the decoded entries and returns them as stops in
// version order.
func buildStops(raw []rawStop) ([]Stop, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("no stops in the upgrade path list")
	}
	stops := make([]Stop, 0, len(raw))
	for i, r := range raw {
		if r.Major == nil || r.Minor == nil {
			return nil, fmt.Errorf("entry %d has no major or minor", i+1)
		}
		if *r.Major < 1 || *r.Major > 99 || *r.Minor < 0 || *r.Minor > 99 {
			return nil, fmt.Errorf("entry %d: %d.%d is not a GitLab version", i+1, *r.Major, *r.Minor)
		}
		stops = append(stops, Stop{
			Major:       *r.Major,
			Minor:       *r.Minor,
			Conditional: strings.Contains(strings.ToLower(r.Comments), "conditional"),
			Comment:     r.Comments,
		})
	}
	slices.SortStableFunc(stops, func(a, b Stop) int { return a.Line().CompareMinor(b.Line()) })
	return stops, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Conditional describes a stop that only some instances must make.
type Conditional struct {
	Stop        glversion.Version // minor line
	Fact        string            // the plan fact that decides it
	Condition   string            // who needs the stop
	Check       string            // how to find out, on a Linux package instance
	AppliesFrom glversion.Version // paths starting below this never need it
	AppliesTo   glversion.Version

	runner, sql, decide string // the Rails code or SQL that finds out, and what its answer means
}

// Table returns the database table whose rows decide the stop, as its
// SQL names it ("relname='ci_pipeline_messages'"), or "".
func (c Conditional) Table() string {
	_, rest, ok := strings.Cut(c.sql, "relname='")
	if !ok {
		return ""
	}
	t, _, _ := strings.Cut(rest, "'")
	return t
}

// CheckFor says how to find out whether the stop applies, with the
// command of the install method ("linux-package", "docker", "helm",
// "operator", "source", "get"; anything else reads as the Linux
// package): a toolbox pod runs what "sudo gitlab-rails" runs on a VM.
func (c Conditional) CheckFor(method string) string {
	if c.runner == "" && c.sql == "" {
		return c.Check
	}
	var cmd string
	switch {
	case c.runner != "":
		code := "'" + c.runner + "'"
		switch method {
		case "docker":
			cmd = "`docker exec -t <container> gitlab-rails runner " + code + "`"
		case "helm", "operator":
			cmd = "`kubectl exec -it <toolbox pod> -- gitlab-rails runner " + code + "`"
		case "source":
			cmd = "`sudo -u git -H bundle exec rails runner -e production " + code + "`"
		default:
			cmd = "`sudo gitlab-rails runner " + code + "`"
		}
	default:
		query := `"` + c.sql + `"`
		switch method {
		case "docker":
			cmd = "`docker exec -t <container> gitlab-psql -c " + query + "`"
		case "helm", "operator":
			cmd = "`kubectl exec -it <toolbox pod> -- gitlab-rails dbconsole --database main`, then the query `" + c.sql + "`"
		case "source":
			cmd = "`sudo -u git -H bundle exec rails dbconsole -e production`, then the query `" + c.sql + "`"
		default:
			cmd = "`sudo gitlab-psql -c " + query + "`"
		}
	}
	return "run " + cmd + "; " + c.decide
}

// rawConditional is one entry of conditional_stops.yaml as written.
type rawConditional struct {
	Stop        string `yaml:"stop"`
	Fact        string `yaml:"fact"`
	Condition   string `yaml:"condition"`
	Check       string `yaml:"check"`
	Runner      string `yaml:"runner"`
	SQL         string `yaml:"sql"`
	Decide      string `yaml:"decide"`
	AppliesFrom string `yaml:"applies_from"`
	AppliesTo   string `yaml:"applies_to"`
}

func decodeConditional(data []byte) ([]rawConditional, error) {
	var raw []rawConditional
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

func buildConditional(raw []rawConditional) (map[string]Conditional, error) {
	out := make(map[string]Conditional, len(raw))
	for _, r := range raw {
		s, err := parseVersion(r.Stop)
		if err != nil {
			return nil, err
		}
		c := Conditional{Stop: s, Fact: r.Fact, Condition: r.Condition, Check: r.Check, runner: r.Runner, sql: r.SQL, decide: r.Decide}
		given := 0
		for _, f := range []string{r.Check, r.Runner, r.SQL} {
			if f != "" {
				given++
			}
		}
		if given != 1 || r.Check == "" && r.Decide == "" {
			return nil, fmt.Errorf("conditional stop %s: give either check, or runner or sql with decide", r.Stop)
		}
		c.Check = c.CheckFor("linux-package")
		if c.AppliesFrom, err = parseVersion(r.AppliesFrom); err != nil {
			return nil, err
		}
		if c.AppliesTo, err = parseVersion(r.AppliesTo); err != nil {
			return nil, err
		}
		out[s.MinorString()] = c
	}
	return out, nil
}

// RequiredStops returns the unconditional stops whose minor lies strictly
// between the minors of from and to, including stops newer than the
// release table when to lies beyond them.
func (b *Base) RequiredStops(from, to glversion.Version) []Stop {
	var out []Stop
	for _, s := range b.Stops {
		if s.Conditional {
			continue
		}
		l := s.Line()
		if l.CompareMinor(from) > 0 && l.CompareMinor(to) < 0 {
			// A stop newer than the release table is still on the way to
			// a target beyond it: 19.6 cannot exist without 19.5.
			out = append(out, s)
		}
	}
	return out
}

// ConditionalStops returns the conditional stops whose minor lies strictly
// between the minors of from and to and whose condition can arise on such
// a path, in version order.
func (b *Base) ConditionalStops(from, to glversion.Version) []Conditional {
	var out []Conditional
	seen := map[string]bool{}
	add := func(l glversion.Version) {
		key := l.MinorString()
		if seen[key] || l.CompareMinor(from) <= 0 || l.CompareMinor(to) >= 0 {
			return
		}
		if _, ok := b.Releases.Latest(l); !ok {
			return
		}
		c, ok := b.Conditional[key]
		if !ok {
			c = Conditional{Stop: l, Condition: "the required-stop list marks this stop as conditional"}
		}
		seen[key] = true
		out = append(out, c)
	}
	for _, s := range b.Stops {
		if s.Conditional {
			add(s.Line())
		}
	}
	for _, c := range b.Conditional {
		if !b.IsRequiredStop(c.Stop) {
			add(c.Stop)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Stop.CompareMinor(out[j].Stop) < 0 })
	return out
}

// IsRequiredStop reports whether the minor line of v is an unconditional
// required stop.
func (b *Base) IsRequiredStop(v glversion.Version) bool {
	for _, s := range b.Stops {
		if !s.Conditional && s.Line().CompareMinor(v) == 0 {
			return true
		}
	}
	return false
}
