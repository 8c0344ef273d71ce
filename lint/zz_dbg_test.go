package lint

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// go test ./lint -run TestDbgLines -args FILE LINE...
func TestDbgLines(t *testing.T) {
	args := flagArgs()
	if len(args) < 1 {
		t.Skip()
	}
	src, _ := os.ReadFile(args[0])
	d, err := Parse(args[0], src, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{}
	for _, a := range args[1:] {
		n, _ := strconv.Atoi(a)
		want[n] = true
	}
	for _, l := range d.Lines {
		if len(want) > 0 && !want[l.Num] {
			continue
		}
		var ctx []string
		for tm := Term(1); tm < termCount; tm++ {
			if l.Context.has(tm) {
				ctx = append(ctx, strconv.Itoa(int(tm)))
			}
		}
		h := ""
		if l.Section != nil && l.Section.Heading != nil {
			h = l.Section.Heading.Text
		}
		fmt.Printf("%d kind=%d item=%v step=? ctx=[%s] sec=%q vs=%d text=%.80q\n", l.Num, l.Kind, l.Item, strings.Join(ctx, ","), h, len(l.Versions), l.Text)
	}
	for _, h := range d.Plan.Installs {
		fmt.Printf("install %s line %d listed=%v\n", h.Version, h.Line.Num, h.Listed)
	}
}

func flagArgs() []string {
	for i, a := range os.Args {
		if a == "-args" || a == "--" {
			return os.Args[i+1:]
		}
	}
	var out []string
	for _, a := range os.Args[1:] {
		if !strings.HasPrefix(a, "-") {
			out = append(out, a)
		}
	}
	return out
}

func TestDbgFacts(t *testing.T) {
	args := flagArgs()
	if len(args) < 1 {
		t.Skip()
	}
	src, _ := os.ReadFile(args[0])
	d, _ := Parse(args[0], src, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	p := d.Plan
	if p.Topology != nil {
		fmt.Printf("topology %s line %d from %d: %q\n", p.Topology.Value, p.Topology.Line.Num, p.Topology.From, p.Topology.Line.Text)
	}
	if p.Contact != nil {
		fmt.Printf("contact %+v line %d\n", p.Contact.Value, p.Contact.Line.Num)
	}
	for _, c := range p.CurrentClaims {
		fmt.Printf("current claim %s line %d from %d\n", c.Version, c.Line.Num, c.From)
	}
	for _, c := range p.TargetClaims {
		fmt.Printf("target claim %s line %d from %d\n", c.Version, c.Line.Num, c.From)
	}
}

func TestDbgMatches(t *testing.T) {
	args := flagArgs()
	if len(args) < 2 {
		t.Skip()
	}
	src, _ := os.ReadFile(args[0])
	d, _ := Parse(args[0], src, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	n, _ := strconv.Atoi(args[1])
	for _, l := range d.Lines {
		if l.Num != n {
			continue
		}
		for _, m := range l.Matches {
			fmt.Printf("term %d %q\n", m.Term, l.Text[m.Start:m.End])
		}
		for _, tk := range l.Tokens {
			fmt.Printf("%s ", tk.Word)
		}
		fmt.Println()
	}
}
