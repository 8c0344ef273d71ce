package rules

import (
	"os"
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
