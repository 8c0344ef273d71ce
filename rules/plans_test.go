package rules

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/lint"
	"github.com/planlint/planlint/lint/linttest"
)

// acceptFlag adds want markers for unexpected findings of the listed
// rules to the fixture files, after a rule change that was reviewed:
//
//	go test ./rules -run TestPlans -accept version-notes,conditional-stop
var acceptFlag = flag.String("accept", "", "comma-separated rule IDs whose unexpected findings become want markers")

// fixtureToday is the day every fixture is linted on.
var fixtureToday = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func fixtureConfig() *lint.Config {
	return &lint.Config{Rules: All(), Today: fixtureToday}
}

// fixturePlans lists the realistic plans of testdata/plans*/ and the
// probes of testdata/probes*/ (plans written to check one reading).
func fixturePlans(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, pattern := range []string{"../testdata/plans*/*.md", "../testdata/probes*/*.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Fatal("no fixture plans in testdata")
	}
	return files
}

// TestPlans lints every realistic plan and probe in testdata and compares the
// findings with the plan's want markers; ok_*.md plans must be clean.
// Where a <name>.facts.json exists, the facts planlint reads must match.
func TestPlans(t *testing.T) {
	for _, file := range fixturePlans(t) {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			clean, exps, err := linttest.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "ok_") && len(exps) > 0 {
				t.Fatalf("ok_ plans must not carry want markers")
			}
			if strings.HasPrefix(name, "bad_") && len(exps) == 0 {
				t.Fatalf("bad_ plans must carry want markers")
			}
			res := lint.LintSource(name, clean, fixtureConfig())
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			problems := linttest.Diff(res.Findings, exps)
			if *acceptFlag != "" {
				problems = acceptFindings(t, file, src, problems)
			}
			for _, p := range problems {
				t.Error(p)
			}
			checkFacts(t, strings.TrimSuffix(file, ".md")+".facts.json", res.Plan)
		})
	}
}

// acceptFindings turns "unexpected" problems of the accepted rules into
// want markers in the fixture and returns the other problems.
func acceptFindings(t *testing.T, file string, src []byte, problems []string) []string {
	t.Helper()
	accept := map[string]bool{}
	for _, r := range strings.Split(*acceptFlag, ",") {
		accept[strings.TrimSpace(r)] = true
	}
	lines := strings.Split(string(src), "\n")
	var rest []string
	changed := false
	for _, p := range problems {
		var n int
		var rule string
		if _, err := fmt.Sscanf(p, "line %d: unexpected %s", &n, &rule); err == nil {
			rule = strings.TrimSuffix(rule, ":")
			if accept[rule] && n >= 1 && n <= len(lines) {
				lines[n-1] = linttest.AddMarker(lines[n-1], rule)
				changed = true
				continue
			}
		}
		rest = append(rest, p)
	}
	if changed {
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rest
}

// checkFacts compares the fields a facts file states with what planlint
// read.
func checkFacts(t *testing.T, path string, got lint.PlanSummary) {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	str := func(k string) string { s, _ := want[k].(string); return s }
	check := func(k, g string) {
		if _, ok := want[k]; ok && str(k) != g {
			t.Errorf("fact %s = %q, want %q", k, g, str(k))
		}
	}
	check("current_version", got.CurrentVersion)
	check("target_version", got.TargetVersion)
	check("edition", got.Edition)
	check("install_method", got.InstallMethod)
	check("topology", got.Topology)
	check("contact", got.Contact)
	if w, ok := want["window_start"].(string); ok {
		var g string
		if got.Window != nil {
			g = got.Window.Start
		}
		wt, err1 := time.Parse(time.RFC3339, w)
		gt, err2 := time.Parse(time.RFC3339, g)
		if err1 != nil || err2 != nil || !wt.Equal(gt) {
			t.Errorf("fact window_start = %q, want %q", g, w)
		}
	}
	if p, ok := want["path"].([]any); ok {
		var wp []string
		for _, v := range p {
			s, _ := v.(string)
			wp = append(wp, s)
		}
		if diff := cmp.Diff(wp, got.Path); diff != "" {
			t.Errorf("fact path (-want +got):\n%s", diff)
		}
	}
}
