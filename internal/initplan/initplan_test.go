package initplan_test

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/initplan"
	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
	"github.com/planlint/planlint/rules"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// randomPairs returns reproducible (from, to) pairs of released versions.
func randomPairs(t *testing.T, n int, min glversion.Version) [][2]glversion.Version {
	t.Helper()
	kb := knowledge.Default()
	var all []glversion.Version
	for _, r := range kb.Releases.All() {
		if r.Version.Compare(min) >= 0 {
			all = append(all, r.Version)
		}
	}
	rng := rand.New(rand.NewSource(42))
	var out [][2]glversion.Version
	for len(out) < n {
		a, b := all[rng.Intn(len(all))], all[rng.Intn(len(all))]
		if a.Compare(b) >= 0 {
			continue
		}
		out = append(out, [2]glversion.Version{a, b})
	}
	return out
}

// upgradePathTool computes a path the way GitLab Support's Upgrade Path
// tool does: every stop of upgrade_path.yml mapped to the latest patch of
// its minor, kept when it lies strictly between from and to (compared as
// full versions), sorted, then the target.
func upgradePathTool(kb *knowledge.Base, from, to glversion.Version) []string {
	var vs []glversion.Version
	for _, s := range kb.Stops {
		l, ok := kb.Releases.Latest(s.Line())
		if ok && l.Compare(from) > 0 && l.Compare(to) < 0 {
			vs = append(vs, l)
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Compare(vs[j]) < 0 })
	var out []string
	for _, v := range vs {
		out = append(out, v.String())
	}
	return append(out, to.String())
}

// TestPathAgreesWithUpgradePathTool checks planlint's path against the
// tool's algorithm for many random pairs. planlint adds the conditional
// stops that the stop list leaves to the docs (15.1, 16.0, 16.1, 16.2),
// marked conditional; without them the paths must be equal.
func TestPathAgreesWithUpgradePathTool(t *testing.T) {
	kb := knowledge.Default()
	inList := map[string]bool{}
	for _, s := range kb.Stops {
		inList[s.Line().MinorString()] = true
	}
	for _, p := range randomPairs(t, 500, glversion.New(8, 0, 0)) {
		steps, err := kb.Path(p[0], p[1], false)
		if err != nil {
			t.Fatalf("Path(%s, %s): %v", p[0], p[1], err)
		}
		var got []string
		for _, s := range steps {
			if s.Kind == knowledge.StepConditional && !inList[s.Version.MinorString()] {
				if s.Condition == "" || s.Check == "" {
					t.Errorf("conditional stop %s without condition or check", s.Version)
				}
				continue
			}
			got = append(got, s.Version.String())
		}
		if diff := cmp.Diff(upgradePathTool(kb, p[0], p[1]), got); diff != "" {
			t.Errorf("path %s -> %s (-tool +planlint):\n%s", p[0], p[1], diff)
		}
	}
}

// TestZeroDowntimePathIsEveryMinor checks that a zero-downtime path never
// skips a minor release.
func TestZeroDowntimePathIsEveryMinor(t *testing.T) {
	kb := knowledge.Default()
	for _, p := range randomPairs(t, 200, glversion.New(13, 0, 0)) {
		steps, err := kb.Path(p[0], p[1], true)
		if err != nil {
			t.Fatal(err)
		}
		prev := p[0]
		for _, s := range steps {
			if l, ok := kb.Releases.Latest(s.Version); ok && s.Kind != knowledge.StepTarget && s.Version.Compare(l) != 0 {
				t.Errorf("%s -> %s: step %s is not the latest patch %s", p[0], p[1], s.Version, l)
			}
			for _, line := range kb.Releases.Lines() {
				if line.Line.CompareMinor(prev) > 0 && line.Line.CompareMinor(s.Version) < 0 {
					t.Errorf("%s -> %s: zero-downtime path skips %s between %s and %s", p[0], p[1], line.Line, prev, s.Version)
				}
			}
			prev = s.Version
		}
	}
}

// TestInitLintsClean generates plans for every install method and
// topology over random paths and lints them: the only findings allowed
// are placeholders for facts only the customer knows.
func TestInitLintsClean(t *testing.T) {
	kb := knowledge.Default()
	cfg := &lint.Config{Rules: rules.All(), Today: today}
	combos := []struct {
		install, topology string
		zdt               bool
	}{
		{"linux-package", "single-node", false}, {"linux-package", "multi-node", false}, {"linux-package", "multi-node", true},
		{"linux-package", "geo", false}, {"docker", "single-node", false}, {"helm", "multi-node", false}, {"helm", "multi-node", true},
		{"operator", "multi-node", false}, {"source", "single-node", false},
	}
	pairs := randomPairs(t, 16, glversion.New(13, 0, 0))
	for _, c := range combos {
		for _, p := range pairs {
			ed := "ee"
			out, err := initplan.Generate(initplan.Options{From: p[0], To: p[1], Install: c.install, Topology: c.topology, OS: "RHEL 8", Edition: ed, ZeroDowntime: c.zdt, Knowledge: kb, Today: today, DataDate: "test data"})
			if err != nil {
				t.Fatalf("%+v %s->%s: %v", c, p[0], p[1], err)
			}
			res := lint.LintSource("init.md", out, cfg)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			for _, f := range res.Findings {
				if f.Rule != "placeholder-text" {
					t.Errorf("%s %s zdt=%v %s -> %s: %s:%d: %s [%s]\n  %s", c.install, c.topology, c.zdt, p[0], p[1], "init.md", f.Line, f.Message, f.Rule, f.SourceLine)
				}
			}
			if res.Plan.CurrentVersion != p[0].String() || res.Plan.InstallMethod != c.install && !(c.install == "operator" && res.Plan.InstallMethod == "helm") {
				t.Errorf("%+v: plan read back as %+v", c, res.Plan)
			}
		}
	}
}

func TestInitRejectsNonsense(t *testing.T) {
	kb := knowledge.Default()
	v := func(s string) glversion.Version { x, _ := glversion.Parse(s); return x }
	for _, o := range []initplan.Options{
		{From: v("17.8.1"), To: v("16.3.9"), Install: "linux-package", Topology: "single-node"},
		{From: v("16.3.9"), To: v("17.8.1"), Install: "rpm", Topology: "single-node"},
		{From: v("16.3.9"), To: v("17.8.1"), Install: "linux-package", Topology: "cluster"},
		{From: v("16.3.9"), To: v("17.8.1"), Install: "linux-package", Topology: "single-node", ZeroDowntime: true},
		{From: v("16.3.9"), To: v("17.8.1"), Install: "docker", Topology: "geo"},
		{From: v("16.3"), To: v("17.8.1"), Install: "linux-package", Topology: "single-node"},
	} {
		o.Knowledge = kb
		if _, err := initplan.Generate(o); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("Generate(%+v) = %v, want a one-line error", o, err)
		}
	}
}
