package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/planlint/planlint/lint"
)

func TestDbgChecks(t *testing.T) {
	f := os.Getenv("DBGFILE")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	d, _ := lint.Parse(f, src, fixtureToday)
	for _, c := range migrationChecks(d) {
		fmt.Printf("check line %d eff=%v global=%v %.100q\n", c.Line.Num, c.Effective, c.Global, c.Line.Text)
	}
}
