package rules

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/planlint/planlint/lint"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// benchPlan is a realistic plan of about 12 KB.
const benchPlan = "../testdata/plans/ok_multinode_3k.md"

func loadBench(b *testing.B) []byte {
	src, err := os.ReadFile(benchPlan)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkLintPlan lints one plan: parse, read the plan, run every rule.
func BenchmarkLintPlan(b *testing.B) {
	src := loadBench(b)
	cfg := fixtureConfig()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		lint.LintSource("plan.md", src, cfg)
	}
}

// BenchmarkGoldmarkParse is the floor: a bare goldmark GFM parse of the
// same bytes. Linting should cost less than twice this.
func BenchmarkGoldmarkParse(b *testing.B) {
	src := loadBench(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		md.Parser().Parse(text.NewReader(src))
	}
}

// BenchmarkParsePlan reads a plan into the document model and plan facts,
// without running rules.
func BenchmarkParsePlan(b *testing.B) {
	src := loadBench(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		lint.Parse("plan.md", src, fixtureToday)
	}
}

// BenchmarkLintCorpus lints 1,000 plans of about 12 KB each, built from the
// fixture plans, the way one "planlint lint DIR" process does: files read
// from disk and linted in parallel, results in order.
func BenchmarkLintCorpus(b *testing.B) {
	files := writeCorpus(b, 1000, 12<<10)
	cfg := fixtureConfig()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		lint.LintFiles(files, cfg, func(r *lint.Result) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			n++
		})
		if n != len(files) {
			b.Fatalf("linted %d files, want %d", n, len(files))
		}
	}
}

// writeCorpus writes n plans of about size bytes into a temporary
// directory: each is a fixture plan, continued with the next fixtures
// until it is long enough, cut at a line end.
func writeCorpus(b *testing.B, n, size int) []string {
	b.Helper()
	var srcs [][]byte
	for _, f := range fixturePlans(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	dir := b.TempDir()
	files := make([]string, n)
	for i := range files {
		var buf []byte
		for k := i; len(buf) < size; k++ {
			buf = append(buf, srcs[k%len(srcs)]...)
			buf = append(buf, '\n')
		}
		if cut := bytes.LastIndexByte(buf[:size], '\n'); cut > 0 {
			buf = buf[:cut+1]
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("plan%04d.md", i))
		if err := os.WriteFile(files[i], buf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return files
}
