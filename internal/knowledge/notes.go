package knowledge

import (
	"fmt"
	"slices"
	"strings"

	goversion "github.com/hashicorp/go-version"
	"github.com/planlint/planlint/internal/glversion"
	"gopkg.in/yaml.v3"
)

// Setup is what a plan says about the instance, for deciding which notes
// apply. An empty string means the plan does not say.
type Setup struct {
	InstallMethod string // linux-package, docker, helm, operator, source, get
	Topology      string // single-node, multi-node, geo
	Edition       string // ee, ce
	// ExternalDB is true when the plan says PostgreSQL runs outside the
	// Linux package (a separate server, RDS, Cloud SQL...).
	ExternalDB bool
	// ExternalRedis is true when the plan says Redis runs outside GitLab
	// (ElastiCache, Memorystore, redis.install: false).
	ExternalRedis bool
	// ZeroDowntime is true when the plan upgrades without downtime.
	ZeroDowntime bool
}

// Values the setup filters of the data files may use.
var (
	installMethods = []string{"linux-package", "docker", "helm", "operator", "source", "get"}
	topologies     = []string{"single-node", "multi-node", "geo"}
)

// filter limits a note or an automatic upgrade to some setups.
//
// The rules, shared by every filter:
//   - an install method or edition the plan does not state never excludes;
//   - an unstated topology counts as single-node, the common case, so a
//     note limited to multi-node or Geo instances needs the plan to say so,
//     and a single-node note applies;
//   - a Geo deployment counts as multi-node, since it always has more than
//     one node, but not as single-node;
//   - a database filter of "external" needs the plan to say the database
//     is external, and "bundled" applies unless it says so;
//   - a bundled filter ("bundled: [postgresql, redis]") applies unless
//     the plan says every service it lists runs outside GitLab;
//   - a zero-downtime filter needs the plan to say it upgrades without
//     downtime.
type filter struct {
	InstallMethods []string
	Topologies     []string
	Edition        string
	Database       string
	Bundled        []string
	ZeroDowntime   bool
}

func (f filter) match(s Setup) bool {
	if len(f.InstallMethods) > 0 && s.InstallMethod != "" && !slices.Contains(f.InstallMethods, s.InstallMethod) {
		return false
	}
	if len(f.Topologies) > 0 {
		t := s.Topology
		if t == "" {
			t = "single-node"
		}
		if !slices.Contains(f.Topologies, t) && !(t == "geo" && slices.Contains(f.Topologies, "multi-node")) {
			return false
		}
	}
	if f.Edition != "" && s.Edition != "" && f.Edition != s.Edition {
		return false
	}
	switch f.Database {
	case "external":
		if !s.ExternalDB {
			return false
		}
	case "bundled":
		if s.ExternalDB {
			return false
		}
	}
	if len(f.Bundled) > 0 {
		external := true
		for _, svc := range f.Bundled {
			switch svc {
			case "postgresql":
				external = external && s.ExternalDB
			case "redis":
				external = external && s.ExternalRedis
			}
		}
		if external {
			return false
		}
	}
	return !f.ZeroDowntime || s.ZeroDowntime
}

func (f filter) validate() error {
	for _, m := range f.InstallMethods {
		if !slices.Contains(installMethods, m) {
			return fmt.Errorf("unknown install method %q", m)
		}
	}
	for _, t := range f.Topologies {
		if !slices.Contains(topologies, t) {
			return fmt.Errorf("unknown topology %q", t)
		}
	}
	if f.Edition != "" && f.Edition != "ee" && f.Edition != "ce" {
		return fmt.Errorf("unknown edition %q", f.Edition)
	}
	if f.Database != "" && f.Database != "external" && f.Database != "bundled" {
		return fmt.Errorf("unknown database %q", f.Database)
	}
	for _, svc := range f.Bundled {
		if svc != "postgresql" && svc != "redis" {
			return fmt.Errorf("unknown bundled service %q", svc)
		}
	}
	return nil
}

// stringList reads a YAML string or list of strings.
type stringList []string

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*l = stringList{n.Value}
		return nil
	case yaml.SequenceNode:
		var s []string
		if err := n.Decode(&s); err != nil {
			return err
		}
		*l = s
		return nil
	}
	return fmt.Errorf("line %d: want a string or a list of strings", n.Line)
}

// Note is a known upgrade problem tied to GitLab versions and, where
// relevant, to a setup.
type Note struct {
	ID     string
	Text   string // lower-case clause without a final period
	Source string

	// Crosses is the minor line whose .0 release the path must cross
	// (current < X.Y.0 <= target); zero when the note has no such
	// condition.
	Crosses glversion.Version
	// Installs, UnlessInstalls and UnlessCurrent are hashicorp/go-version
	// constraints as written in the data; a list matches when any of its
	// constraints does.
	Installs       []string
	UnlessInstalls []string
	UnlessCurrent  []string

	InstallMethods []string
	Topologies     []string
	Edition        string
	Database       string
	Bundled        []string
	ZeroDowntime   bool

	// Review is true for notes a reviewer raises with every plan they
	// apply to: reconfigure failures, data loss, secrets that must match,
	// patch releases to avoid. The others are background for the path.
	Review bool

	installs, unlessInstalls, unlessCurrent []goversion.Constraints
}

// Avoids reports whether installing v is what the note asks for: v
// satisfies the note's unless_installs constraint ("18.11.9 or later").
func (n Note) Avoids(v glversion.Version) bool {
	return len(n.unlessInstalls) > 0 && satisfies(n.unlessInstalls, v)
}

func (n Note) filter() filter {
	return filter{InstallMethods: n.InstallMethods, Topologies: n.Topologies, Edition: n.Edition, Database: n.Database, Bundled: n.Bundled, ZeroDowntime: n.ZeroDowntime}
}

// Applies reports whether the note applies to a plan going from current
// to target that installs hops (ascending, target included; the target is
// added when missing). All of the note's conditions must hold:
//   - Crosses: current < X.Y.0 <= target;
//   - Installs: a version the plan installs (a hop above current, or the
//     target) satisfies it;
//   - UnlessInstalls: neither such a version nor current satisfies it;
//   - UnlessCurrent: current does not satisfy it;
//   - the setup filters, with the rules of filter: an unstated install
//     method or edition does not exclude the note, but an unstated
//     topology counts as single-node, so a note for multi-node or Geo
//     instances only applies when the plan says it has several nodes
//     (those notes would otherwise flood the single-node plans that do
//     not bother to say so), and an external-database note only applies
//     when the plan says the database is external.
//
// A version without a patch number is read as its .0 release.
func (n Note) Applies(current, target glversion.Version, hops []glversion.Version, s Setup) bool {
	if !n.filter().match(s) {
		return false
	}
	if !n.Crosses.IsZero() && !crosses(current, target, n.Crosses) {
		return false
	}
	run := installed(current, target, hops)
	if len(n.installs) > 0 && firstMatch(n.installs, run) < 0 {
		return false
	}
	if len(n.unlessInstalls) > 0 && (firstMatch(n.unlessInstalls, run) >= 0 || satisfies(n.unlessInstalls, current)) {
		return false
	}
	if len(n.unlessCurrent) > 0 && satisfies(n.unlessCurrent, current) {
		return false
	}
	return true
}

// Trigger returns the version at which the note applies, for placing a
// finding on the right line: the first installed version that satisfies
// Installs, else the first one at or past the crossed minor, else target.
func (n Note) Trigger(current, target glversion.Version, hops []glversion.Version) glversion.Version {
	run := installed(current, target, hops)
	if len(n.installs) > 0 {
		if i := firstMatch(n.installs, run); i >= 0 {
			return run[i]
		}
	}
	if !n.Crosses.IsZero() {
		x := glversion.New(n.Crosses.Major, n.Crosses.Minor, 0)
		for _, v := range run {
			if v.Compare(x) >= 0 {
				return v
			}
		}
	}
	return target
}

// Notes returns every upgrade note, in data file order.
func (b *Base) Notes() []Note { return append([]Note(nil), b.notes...) }

// Note returns the note with the given ID.
func (b *Base) Note(id string) (Note, bool) {
	for _, n := range b.notes {
		if n.ID == id {
			return n, true
		}
	}
	return Note{}, false
}

// NotesFor returns the notes that apply to a plan, in data file order.
func (b *Base) NotesFor(current, target glversion.Version, hops []glversion.Version, s Setup) []Note {
	var out []Note
	for _, n := range b.notes {
		if n.Applies(current, target, hops, s) {
			out = append(out, n)
		}
	}
	return out
}

// crosses reports whether current < line.0 <= target.
func crosses(current, target, line glversion.Version) bool {
	x := glversion.New(line.Major, line.Minor, 0)
	return current.Compare(x) < 0 && x.Compare(target) <= 0
}

// installed returns the versions a plan installs: hops above current,
// then target if the hops do not end with it.
func installed(current, target glversion.Version, hops []glversion.Version) []glversion.Version {
	out := make([]glversion.Version, 0, len(hops)+1)
	for _, h := range hops {
		if h.Compare(current) > 0 {
			out = append(out, h)
		}
	}
	if len(out) == 0 || out[len(out)-1].Compare(target) != 0 {
		out = append(out, target)
	}
	return out
}

func satisfies(cs []goversion.Constraints, v glversion.Version) bool {
	sv := v.Semver()
	for _, c := range cs {
		if c.Check(sv) {
			return true
		}
	}
	return false
}

func firstMatch(cs []goversion.Constraints, vs []glversion.Version) int {
	for i, v := range vs {
		if satisfies(cs, v) {
			return i
		}
	}
	return -1
}

// kebabCase reports whether id is words of lower-case ASCII letters and
// digits joined by single hyphens ("new-secrets-17-8").
func kebabCase(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// rawNote is one entry of version_notes.yaml as written.
type rawNote struct {
	ID             string     `yaml:"id"`
	Crosses        string     `yaml:"crosses"`
	Installs       stringList `yaml:"installs"`
	UnlessInstalls stringList `yaml:"unless_installs"`
	UnlessCurrent  stringList `yaml:"unless_current"`
	InstallMethod  stringList `yaml:"install_method"`
	Topology       stringList `yaml:"topology"`
	Edition        string     `yaml:"edition"`
	Database       string     `yaml:"database"`
	Bundled        stringList `yaml:"bundled"`
	ZeroDowntime   bool       `yaml:"zero_downtime"`
	Review         bool       `yaml:"review"`
	Note           string     `yaml:"note"`
	Source         string     `yaml:"source"`
}

func parseNotes(data []byte) ([]Note, error) {
	raw, err := decodeNotes(data)
	if err != nil {
		return nil, err
	}
	return buildNotes(raw)
}

func decodeNotes(data []byte) ([]rawNote, error) {
	var raw []rawNote
	if err := decodeStrict(data, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// buildNotes checks the decoded notes and parses their constraints.
func buildNotes(raw []rawNote) ([]Note, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("no notes")
	}
	seen := map[string]bool{}
	out := make([]Note, 0, len(raw))
	for i, r := range raw {
		if !kebabCase(r.ID) {
			return nil, fmt.Errorf("note %d: id %q is not kebab-case", i+1, r.ID)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("note %s: id used twice", r.ID)
		}
		seen[r.ID] = true
		n := Note{
			ID: r.ID, Text: strings.TrimSpace(r.Note), Source: strings.TrimSpace(r.Source),
			Installs: r.Installs, UnlessInstalls: r.UnlessInstalls, UnlessCurrent: r.UnlessCurrent,
			InstallMethods: r.InstallMethod, Topologies: r.Topology, Edition: r.Edition, Database: r.Database,
			Bundled: r.Bundled, ZeroDowntime: r.ZeroDowntime, Review: r.Review,
		}
		if n.Text == "" || n.Source == "" {
			return nil, fmt.Errorf("note %s: needs a note and a source", r.ID)
		}
		if r.Crosses != "" {
			v, err := minorLine(r.Crosses)
			if err != nil {
				return nil, fmt.Errorf("note %s: crosses: %v", r.ID, err)
			}
			n.Crosses = v
		}
		var err error
		if n.installs, err = constraints(r.Installs); err != nil {
			return nil, fmt.Errorf("note %s: installs: %v", r.ID, err)
		}
		if n.unlessInstalls, err = constraints(r.UnlessInstalls); err != nil {
			return nil, fmt.Errorf("note %s: unless_installs: %v", r.ID, err)
		}
		if n.unlessCurrent, err = constraints(r.UnlessCurrent); err != nil {
			return nil, fmt.Errorf("note %s: unless_current: %v", r.ID, err)
		}
		if n.Crosses.IsZero() && len(n.installs) == 0 {
			return nil, fmt.Errorf("note %s: needs crosses or installs", r.ID)
		}
		if err := n.filter().validate(); err != nil {
			return nil, fmt.Errorf("note %s: %v", r.ID, err)
		}
		out = append(out, n)
	}
	return out, nil
}

func constraints(list []string) ([]goversion.Constraints, error) {
	var out []goversion.Constraints
	for _, s := range list {
		c, err := goversion.NewConstraint(s)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
