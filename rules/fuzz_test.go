package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/planlint/planlint/lint"
)

// FuzzLint runs the parser and every rule on arbitrary input. It must not
// panic, every finding must lie inside the document and name a registered
// rule, and the result must be the same on a second run.
//
//	go test -run '^$' -fuzz FuzzLint ./rules
func FuzzLint(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/plans*/*.md")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "---\n", "---\na: [\n---\n", "# x\n\n| a | b |\n|---|---|\n| 16.3 | |\n",
		"- [ ] upgrade to 16.11.10 `apt-get install gitlab-ee=16.11.10-ee.0`\n",
		"**Window:** 2026-12-12 22:00\n**Contact:** <name>\n", "\xef\xbb\xbf# t\r\nfrom 15.4.2 to 17.8.1\r\n",
		"> > > > - - - deep", "```\nunclosed code", "<!-- planlint-disable-file all -->\n# x",
	} {
		f.Add([]byte(s))
	}
	cfg := fixtureConfig()
	known := map[string]bool{}
	for _, r := range All() {
		known[r.ID] = true
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan *lint.Result, 1)
		go func() { done <- lint.LintSource("fuzz.md", src, cfg) }()
		var res *lint.Result
		select {
		case res = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("linting %d bytes took more than 10s", len(src))
		}
		if res.Err != nil {
			return
		}
		doc, err := lint.Parse("fuzz.md", src, fixtureToday)
		if err != nil {
			t.Fatalf("LintSource read the input but Parse failed: %v", err)
		}
		lines := doc.LineCount()
		for _, fd := range res.Findings {
			if !known[fd.Rule] {
				t.Fatalf("finding from unknown rule %q", fd.Rule)
			}
			if fd.Line < 1 || fd.Line > lines || fd.Column < 1 {
				t.Fatalf("finding outside the document (%d lines): %+v", lines, fd)
			}
			if max := len([]rune(doc.SourceLine(fd.Line))) + 1; fd.Column > max {
				t.Fatalf("column %d past the end of line %d (%d chars): %+v", fd.Column, fd.Line, max-1, fd)
			}
		}
		again := lint.LintSource("fuzz.md", src, cfg)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("two runs differ")
		}
	})
}
