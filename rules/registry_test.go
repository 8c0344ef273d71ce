package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/planlint/planlint/internal/gendocs"
	"github.com/planlint/planlint/lint"
	"github.com/planlint/planlint/lint/linttest"
)

// TestRegistry checks every rule's metadata and that rule values, file
// names and the registry move in lockstep.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %q", r.ID)
		}
		seen[r.ID] = true
		if _, err := os.Stat(ruleFile(r.ID)); err != nil {
			t.Errorf("rule %s: want its definition in %s", r.ID, ruleFile(r.ID))
		}
	}
	// Every file that defines a rule is registered.
	files, _ := filepath.Glob("*.go")
	def := regexp.MustCompile(`(?m)^\s+ID:\s+"([a-z0-9-]+)"`)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for _, m := range def.FindAllStringSubmatch(string(src), -1) {
			if !seen[m[1]] {
				t.Errorf("%s defines rule %q, which is not in the registry", f, m[1])
			}
			if ruleFile(m[1]) != f {
				t.Errorf("rule %q is defined in %s, want %s", m[1], f, ruleFile(m[1]))
			}
		}
	}
}

// ruleFile is the file that holds a rule: its ID with underscores, with
// "_rule" added where the name would otherwise end in "_test.go".
func ruleFile(id string) string {
	f := strings.ReplaceAll(id, "-", "_")
	if strings.HasSuffix(f, "_test") {
		f += "_rule"
	}
	return f + ".go"
}

// TestDocsUpToDate fails when docs/rules differs from what the rule
// definitions generate.
func TestDocsUpToDate(t *testing.T) {
	stale, err := gendocs.Check(All(), "../docs/rules")
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Fatalf("docs/rules is stale (%s); run: go generate ./rules", strings.Join(stale, ", "))
	}
}

// TestMessageStyle checks every message produced over all fixtures:
// lower-case start, no trailing period, one line, a docs link.
func TestMessageStyle(t *testing.T) {
	for _, f := range fixturePlans(t) {
		src, _ := os.ReadFile(f)
		clean, _, err := linttest.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		res := lint.LintSource(f, clean, fixtureConfig())
		for _, fd := range res.Findings {
			m := fd.Message
			switch {
			case m == "":
				t.Errorf("%s:%d: empty message from %s", f, fd.Line, fd.Rule)
			case strings.ToLower(m[:1]) != m[:1] && !strings.HasPrefix(m, "GitLab"):
				t.Errorf("%s:%d: %s message starts upper-case: %q", f, fd.Line, fd.Rule, m)
			case strings.HasSuffix(m, "."):
				t.Errorf("%s:%d: %s message ends with a period: %q", f, fd.Line, fd.Rule, m)
			case strings.Contains(m, "\n"):
				t.Errorf("%s:%d: %s message spans lines", f, fd.Line, fd.Rule)
			case fd.URL != lint.DocsURL(fd.Rule) || fd.Line < 1 || fd.Column < 1:
				t.Errorf("%s:%d: %s finding lacks a position or docs link", f, fd.Line, fd.Rule)
			}
		}
	}
}

// TestReadmeListsRules keeps the README's rule table in step with the
// registry.
func TestReadmeListsRules(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\|").FindAllStringSubmatch(string(readme), -1) {
		listed[m[1]] = true
	}
	for _, r := range All() {
		if !listed[r.ID] {
			t.Errorf("README's rule table lacks %s", r.ID)
		}
		delete(listed, r.ID)
	}
	for id := range listed {
		t.Errorf("README lists %s, which is not a rule", id)
	}
}
