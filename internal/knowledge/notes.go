package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"sync"

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
	// OneWebNode is true when the plan says a single node runs Rails
	// (Puma), whatever else runs on other nodes.
	OneWebNode bool
	// Patroni is true when the plan runs PostgreSQL as a Patroni cluster,
	// Repmgr as a repmgr one; DatabaseStated is true when it says anything
	// about its PostgreSQL.
	Patroni, Repmgr, DatabaseStated bool
	// OS is the name of the operating system release the plan runs on, as
	// the OS support table names it ("SLES 12 SP5"), or "".
	OS string
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
//     is external, and "bundled" applies unless it says so; "patroni"
//     ("repmgr") applies when the plan runs a Patroni (repmgr) cluster or
//     says nothing about its database;
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
	OS             []string
	// SeveralWebNodes needs the plan not to say it has one Rails node.
	SeveralWebNodes bool
}

func (f filter) match(s Setup) bool {
	if len(f.OS) > 0 && !slices.Contains(f.OS, s.OS) {
		// A note about one system's packages needs the plan to run on it.
		return false
	}
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
	case "patroni":
		if !s.Patroni && s.DatabaseStated {
			return false
		}
	case "repmgr":
		if !s.Repmgr && s.DatabaseStated {
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
	if f.SeveralWebNodes && s.OneWebNode {
		return false
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
	if f.Database != "" && f.Database != "external" && f.Database != "bundled" && f.Database != "patroni" && f.Database != "repmgr" {
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
	OS             []string
	// SeveralWebNodes limits the note to instances with more than one
	// Rails node.
	SeveralWebNodes bool

	// Review is true for notes a reviewer raises with every plan they
	// apply to: reconfigure failures, data loss, secrets that must match,
	// patch releases to avoid. The others are background for the path.
	Review bool

	// Blocks is true when the versions the note names stop the upgrade
	// outright (a pre-upgrade check refuses the next hop): the hop cannot
	// go as written.
	Blocks bool

	// BreaksOn are gitlab.rb settings, as written there, that the version
	// no longer accepts ("git_data_dirs", "grafana["): reconfigure fails
	// while the configuration still sets one.
	BreaksOn []string

	// BreaksBelow is a component and the lowest version of it the release
	// works with ("redis 7.0"): a plan that states an older one cannot
	// take the hop as written.
	BreaksBelow string

	// SupersededBy are the IDs of notes that say the same for a narrower
	// case ("18.11.7 blocks 19.0" within "stop on 18.11.9 or later"):
	// when one of them applies as well, this note is left out.
	SupersededBy []string

	// Requires are the words of the action the note asks for ("copy",
	// "sync"): a plan that says it does not need that action has not
	// handled the note, whatever else it says about it.
	Requires []string

	// Terms are words, in the plan languages, that name the note's
	// subject ("token", "scadenza", "Ablauf"): a line that names the
	// note's version and one of them speaks of the note.
	Terms []string

	// cs holds the constraints, shared by every copy of the note; nil
	// for a note without any, and for one not built from data.
	cs *noteConstraints
}

// The constraint lists of a note.
const (
	listInstalls = iota
	listUnlessInstalls
	listUnlessCurrent
	numLists
)

var listNames = [numLists]string{"installs", "unless_installs", "unless_current"}

// noteConstraints is a note's constraints. For the releases of the
// embedded table, go-version's answers come with the snapshot, worked out
// when it was made; for other versions, and for notes read from a file,
// go-version answers when asked. It parses the constraints the first time
// that happens: parsing every note when the data is loaded would compile
// and run go-version's regular expressions, which a plan of released
// versions never needs.
type noteConstraints struct {
	raw *rawNote // the lists as written, which no copy of the note can replace
	// known holds the snapshot's answers for the releases of releases,
	// as runs of releases that satisfy each list; nil for a note read
	// from a file.
	known    *[numLists][]releaseRun
	releases *Releases
	once     sync.Once
	p        *parsedConstraints
}

type parsedConstraints struct {
	lists [numLists][]goversion.Constraints
	err   error
}

func (c *noteConstraints) parse() {
	p := &parsedConstraints{}
	for k := range p.lists {
		var err error
		if p.lists[k], err = constraints(c.raw.list(k)); err != nil {
			p.err = fmt.Errorf("note %s: %s: %v", c.raw.ID, listNames[k], err)
			break
		}
	}
	c.p = p
}

// parsed returns the constraints, parsing them on first use. The
// embedded notes are checked by TestEmbeddedNoteConstraints and notes
// read from a file when they are built, so an error here is a bug.
func (c *noteConstraints) parsed() *parsedConstraints {
	c.once.Do(c.parse)
	if c.p.err != nil {
		panic("knowledge: " + c.p.err.Error())
	}
	return c.p
}

// exactOnly reports whether every installs constraint names one release
// ("= 19.2.0").
func (c *noteConstraints) exactOnly() bool {
	for _, r := range c.raw.Installs {
		if !strings.HasPrefix(strings.TrimSpace(r), "=") || strings.ContainsAny(r, ",<>~") {
			return false
		}
	}
	return len(c.raw.Installs) > 0
}

// has reports whether the note has constraints in list k.
func (c *noteConstraints) has(k int) bool { return c != nil && len(c.raw.list(k)) > 0 }

// lookup returns the snapshot's answer to whether v satisfies list k;
// known is false when the snapshot has none, for a version that is not a
// release of the embedded table.
func (c *noteConstraints) lookup(k int, v glversion.Version) (ok, known bool) {
	if c.known == nil {
		return false, false
	}
	// go-version reads a version without a patch as its .0 release, as
	// the answers were worked out.
	e := glversion.New(v.Major, v.Minor, v.Patch)
	if !c.releases.Has(e) {
		return false, false
	}
	for _, run := range c.known[k] {
		if run.first.Compare(e) <= 0 && e.Compare(run.last) <= 0 {
			return true, true
		}
	}
	return false, true
}

// matches reports whether v satisfies list k.
func (c *noteConstraints) matches(k int, v glversion.Version) bool {
	if ok, known := c.lookup(k, v); known {
		return ok
	}
	return satisfies(c.parsed().lists[k], v.Semver())
}

// Avoids reports whether installing v is what the note asks for: v
// satisfies the note's unless_installs constraint ("18.11.9 or later").
func (n Note) Avoids(v glversion.Version) bool {
	return n.cs.has(listUnlessInstalls) && n.cs.matches(listUnlessInstalls, v)
}

func (n Note) filter() filter {
	return filter{InstallMethods: n.InstallMethods, Topologies: n.Topologies, Edition: n.Edition, Database: n.Database, Bundled: n.Bundled, ZeroDowntime: n.ZeroDowntime, OS: n.OS, SeveralWebNodes: n.SeveralWebNodes}
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
// A version without a patch number is read as its .0 release, except that
// it never hits a note about one release alone ("= 19.2.0"): its patch is
// unknown.
func (n Note) Applies(current, target glversion.Version, hops []glversion.Version, s Setup) bool {
	var buf planBuffers
	p := buf.plan(current, target, hops)
	return n.applies(&p, s)
}

func (n *Note) applies(p *planVersions, s Setup) bool {
	// The cheap conditions first: most notes fail one of them, and then
	// their constraints are never looked at.
	if !n.filter().match(s) {
		return false
	}
	if !n.Crosses.IsZero() && !crosses(p.current, p.target, n.Crosses) {
		return false
	}
	c := n.cs
	if c.has(listInstalls) && p.firstMatch(c, listInstalls) < 0 {
		return false
	}
	if c.has(listUnlessInstalls) && (p.firstMatch(c, listUnlessInstalls) >= 0 || c.matches(listUnlessInstalls, p.current)) {
		return false
	}
	if c.has(listUnlessCurrent) && c.matches(listUnlessCurrent, p.current) {
		return false
	}
	return true
}

// Trigger returns the version at which the note applies, for placing a
// finding on the right line: the first installed version that satisfies
// Installs, else the first one at or past the crossed minor, else target.
func (n Note) Trigger(current, target glversion.Version, hops []glversion.Version) glversion.Version {
	var buf planBuffers
	p := buf.plan(current, target, hops)
	if n.cs.has(listInstalls) {
		if i := p.firstMatch(n.cs, listInstalls); i >= 0 {
			return p.run[i]
		}
	}
	if !n.Crosses.IsZero() {
		x := glversion.New(n.Crosses.Major, n.Crosses.Minor, 0)
		for _, v := range p.run {
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
	var buf planBuffers
	p := buf.plan(current, target, hops)
	// Mark the notes that apply, then copy them to a slice of the right
	// size: a Note is large, and growing the slice note by note copies
	// them several times.
	var small [2]uint64
	hits := small[:]
	if w := (len(b.notes) + 63) / 64; w > len(hits) {
		hits = make([]uint64, w)
	}
	count := 0
	for i := range b.notes {
		if b.notes[i].applies(&p, s) {
			hits[i/64] |= 1 << (i % 64)
			count++
		}
	}
	if count == 0 {
		return nil
	}
	hit := func(i int) bool { return hits[i/64]&(1<<(i%64)) != 0 }
	superseded := func(n *Note) bool {
		for _, id := range n.SupersededBy {
			for j := range b.notes {
				if b.notes[j].ID == id && hit(j) {
					return true
				}
			}
		}
		return false
	}
	for i := range b.notes {
		if hit(i) && superseded(&b.notes[i]) {
			hits[i/64] &^= 1 << (i % 64)
			count--
		}
	}
	out := make([]Note, 0, count)
	for i := range b.notes {
		if hits[i/64]&(1<<(i%64)) != 0 {
			out = append(out, b.notes[i])
		}
	}
	return out
}

// crosses reports whether current < line.0 <= target.
func crosses(current, target, line glversion.Version) bool {
	x := glversion.New(line.Major, line.Minor, 0)
	return current.Compare(x) < 0 && x.Compare(target) <= 0
}

// planVersions is what the notes are checked against for one plan: the
// current and target versions and the versions the plan installs, with
// their go-version forms made once, when a constraint first needs them.
type planVersions struct {
	current, target glversion.Version
	run             []glversion.Version  // installed(current, target, hops)
	semver          []*goversion.Version // run for go-version, each nil until needed
}

// planBuffers is room for the versions of a usual plan, so that checking
// notes needs no allocation for them.
type planBuffers struct {
	run    [16]glversion.Version
	semver [16]*goversion.Version
}

// plan returns the planVersions of a plan, in b where it fits. The
// result refers to b, and the go-version forms are kept behind a slice
// rather than in the struct itself, so that the compiler can keep b on
// the stack.
func (b *planBuffers) plan(current, target glversion.Version, hops []glversion.Version) planVersions {
	p := planVersions{current: current, target: target, run: appendInstalled(b.run[:0], current, target, hops)}
	if len(p.run) <= len(b.semver) {
		p.semver = b.semver[:len(p.run)]
	}
	return p
}

// semverAt returns run[i] for go-version.
func (p *planVersions) semverAt(i int) *goversion.Version {
	if p.semver == nil {
		p.semver = make([]*goversion.Version, len(p.run))
	}
	if p.semver[i] == nil {
		p.semver[i] = p.run[i].Semver()
	}
	return p.semver[i]
}

// firstMatch returns the index in run of the first version that
// satisfies list k of c, or -1.
func (p *planVersions) firstMatch(c *noteConstraints, k int) int {
	for i, v := range p.run {
		if !v.HasPatch && k == listInstalls && c.exactOnly() {
			// "19.2" (a chart past the mapping table) may be any patch:
			// it does not hit a note about 19.2.0 alone.
			continue
		}
		ok, known := c.lookup(k, v)
		if !known {
			ok = satisfies(c.parsed().lists[k], p.semverAt(i))
		}
		if ok {
			return i
		}
	}
	return -1
}

// installed returns the versions a plan installs: hops above current,
// then target if the hops do not end with it.
func installed(current, target glversion.Version, hops []glversion.Version) []glversion.Version {
	return appendInstalled(make([]glversion.Version, 0, len(hops)+1), current, target, hops)
}

// appendInstalled appends what installed returns to out.
func appendInstalled(out []glversion.Version, current, target glversion.Version, hops []glversion.Version) []glversion.Version {
	start := len(out)
	for _, h := range hops {
		if h.Compare(current) > 0 {
			out = append(out, h)
		}
	}
	if len(out) == start || out[len(out)-1].Compare(target) != 0 {
		out = append(out, target)
	}
	return out
}

// satisfies reports whether v satisfies any of cs.
func satisfies(cs []goversion.Constraints, v *goversion.Version) bool {
	for _, c := range cs {
		if c.Check(v) {
			return true
		}
	}
	return false
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
	OS             stringList `yaml:"os"`
	Topology       stringList `yaml:"topology"`
	Edition        string     `yaml:"edition"`
	Database       string     `yaml:"database"`
	Bundled        stringList `yaml:"bundled"`
	ZeroDowntime   bool       `yaml:"zero_downtime"`
	WebNodes       string     `yaml:"web_nodes"`
	Review         bool       `yaml:"review"`
	Blocks         bool       `yaml:"blocks"`
	BreaksOn       stringList `yaml:"breaks_on"`
	BreaksBelow    string     `yaml:"breaks_below"`
	Requires       stringList `yaml:"requires"`
	Terms          stringList `yaml:"terms"`
	SupersededBy   stringList `yaml:"superseded_by"`
	Note           string     `yaml:"note"`
	Source         string     `yaml:"source"`
}

func (r *rawNote) hasConstraints() bool {
	return len(r.Installs) > 0 || len(r.UnlessInstalls) > 0 || len(r.UnlessCurrent) > 0
}

// list returns constraint list k.
func (r *rawNote) list(k int) []string {
	switch k {
	case listInstalls:
		return r.Installs
	case listUnlessInstalls:
		return r.UnlessInstalls
	}
	return r.UnlessCurrent
}

// rawVerdicts is go-version's answer, for each release of releases.tsv,
// to whether it satisfies each constraint list of one note, worked out
// when the snapshot is made: the runs of consecutive releases that do, as
// "first-last" or, for a run of one, the release.
type rawVerdicts struct {
	Note           string // the note's ID
	Installs       []string
	UnlessInstalls []string
	UnlessCurrent  []string
}

// list returns the runs of list k.
func (v *rawVerdicts) list(k int) []string {
	switch k {
	case listInstalls:
		return v.Installs
	case listUnlessInstalls:
		return v.UnlessInstalls
	}
	return v.UnlessCurrent
}

// parseRun reads a run of rawVerdicts.
func parseRun(run string) (first, last glversion.Version, ok bool) {
	a, b, two := strings.Cut(run, "-")
	if first, ok = plainVersion(readOnlyBytes(a)); !ok {
		return
	}
	last = first
	if two {
		if last, ok = plainVersion(readOnlyBytes(b)); !ok {
			return
		}
	}
	return first, last, first.Compare(last) <= 0
}

func parseNotes(data []byte) ([]Note, error) {
	raw, err := decodeStrict[[]rawNote](data)
	if err != nil {
		return nil, err
	}
	return buildNotes(raw, parseNow, nil, nil)
}

// parseWhen says when buildNotes parses the notes' constraints.
type parseWhen bool

const (
	parseNow   parseWhen = false // while building, so that a bad constraint is an error of the build
	parseLater parseWhen = true  // when a question about the note first needs them
)

// buildNotes checks the decoded notes. It parses their constraints now,
// or, with parseLater, leaves that to the first question that needs
// them: the embedded data is built that way, and its constraints are
// checked by TestEmbeddedNoteConstraints. known, when not nil, is the
// answers of the snapshot for the releases of the table releases, one
// for each note with constraints, in order.
func buildNotes(raw []rawNote, when parseWhen, known []rawVerdicts, releases *Releases) ([]Note, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("no notes")
	}
	out := make([]Note, 0, len(raw))
	// The constraints of all notes that have any, in one allocation.
	withConstraints := 0
	for i := range raw {
		if raw[i].hasConstraints() {
			withConstraints++
		}
	}
	if known != nil && (len(known) != withConstraints || releases == nil) {
		return nil, fmt.Errorf("the snapshot's answers are out of step with the notes")
	}
	cs := make([]noteConstraints, 0, withConstraints)
	for i := range raw {
		r := &raw[i]
		if !kebabCase(r.ID) {
			return nil, fmt.Errorf("note %d: id %q is not kebab-case", i+1, r.ID)
		}
		// Few enough notes to compare each with those before it, rather
		// than build a set.
		for _, prev := range raw[:i] {
			if prev.ID == r.ID {
				return nil, fmt.Errorf("note %s: id used twice", r.ID)
			}
		}
		n := Note{
			ID: r.ID, Text: strings.TrimSpace(r.Note), Source: strings.TrimSpace(r.Source),
			Installs: r.Installs, UnlessInstalls: r.UnlessInstalls, UnlessCurrent: r.UnlessCurrent,
			InstallMethods: r.InstallMethod, Topologies: r.Topology, Edition: r.Edition, Database: r.Database,
			Bundled: r.Bundled, ZeroDowntime: r.ZeroDowntime, Review: r.Review, Blocks: r.Blocks, BreaksOn: r.BreaksOn, BreaksBelow: r.BreaksBelow,
			Requires: r.Requires, Terms: r.Terms, SupersededBy: r.SupersededBy, OS: r.OS,
		}
		switch r.WebNodes {
		case "":
		case "several":
			n.SeveralWebNodes = true
		default:
			return nil, fmt.Errorf("note %s: web_nodes is %q, want several", r.ID, r.WebNodes)
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
		if r.hasConstraints() {
			cs = append(cs, noteConstraints{raw: r})
			n.cs = &cs[len(cs)-1]
			if when == parseNow {
				n.cs.once.Do(n.cs.parse)
				if err := n.cs.p.err; err != nil {
					return nil, err
				}
			}
			if known != nil {
				runs, err := known[len(cs)-1].runs(r)
				if err != nil {
					return nil, err
				}
				n.cs.known, n.cs.releases = runs, releases
			}
		}
		if n.Crosses.IsZero() && len(n.Installs) == 0 {
			return nil, fmt.Errorf("note %s: needs crosses or installs", r.ID)
		}
		if err := n.filter().validate(); err != nil {
			return nil, fmt.Errorf("note %s: %v", r.ID, err)
		}
		out = append(out, n)
	}
	for _, n := range out {
		for _, id := range n.SupersededBy {
			if !slices.ContainsFunc(out, func(o Note) bool { return o.ID == id && o.ID != n.ID }) {
				return nil, fmt.Errorf("note %s: superseded_by names no other note %q", n.ID, id)
			}
		}
	}
	return out, nil
}

// releaseRun is a run of consecutive releases, first to last.
type releaseRun struct{ first, last glversion.Version }

// runs checks that v answers for the note r and reads its runs.
func (v *rawVerdicts) runs(r *rawNote) (*[numLists][]releaseRun, error) {
	if v.Note != r.ID {
		return nil, fmt.Errorf("note %s: the snapshot's answers are for note %s", r.ID, v.Note)
	}
	out := &[numLists][]releaseRun{}
	for k := range numLists {
		runs := v.list(k)
		if len(runs) > 0 && len(r.list(k)) == 0 {
			return nil, fmt.Errorf("note %s: answers for %s, which it does not have", r.ID, listNames[k])
		}
		for _, run := range runs {
			first, last, ok := parseRun(run)
			if !ok {
				return nil, fmt.Errorf("note %s: %s: bad run of releases %q", r.ID, listNames[k], run)
			}
			out[k] = append(out[k], releaseRun{first, last})
		}
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
