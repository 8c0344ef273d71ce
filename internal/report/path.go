package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// PathStep is one step in the JSON form of an upgrade path.
type PathStep struct {
	Version   string `json:"version"`
	Kind      string `json:"kind"`
	Condition string `json:"condition,omitempty"`
	Check     string `json:"check,omitempty"`
}

// PathJSON is the JSON form of "planlint path".
type PathJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Steps []PathStep `json:"steps"`
}

// NewPathJSON converts computed steps.
func NewPathJSON(from, to glversion.Version, steps []knowledge.Step) PathJSON {
	out := PathJSON{From: from.String(), To: to.String(), Steps: []PathStep{}}
	for _, s := range steps {
		out.Steps = append(out.Steps, PathStep{Version: s.Version.String(), Kind: string(s.Kind), Condition: s.Condition, Check: s.Check})
	}
	if n := len(steps); n > 0 {
		out.To = steps[n-1].Version.String()
	}
	return out
}

// WritePathJSON writes a path as JSON.
func WritePathJSON(w io.Writer, p PathJSON) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// WritePathText writes a path for people.
func WritePathText(w io.Writer, p PathJSON, dataDate string) error {
	fmt.Fprintf(w, "upgrade path from %s to %s (release data of %s):\n", p.From, p.To, dataDate)
	width := 0
	for _, s := range p.Steps {
		if len(s.Version) > width {
			width = len(s.Version)
		}
	}
	for i, s := range p.Steps {
		what := ""
		switch s.Kind {
		case string(knowledge.StepRequired):
			what = "required stop"
		case string(knowledge.StepConditional):
			what = "conditional stop, only if " + s.Condition
		case string(knowledge.StepMinor):
			what = "next minor (zero-downtime upgrades go one minor at a time)"
		case string(knowledge.StepTarget):
			what = "target"
		}
		if _, err := fmt.Fprintf(w, "%3d. %-*s  %s\n", i+1, width, s.Version, what); err != nil {
			return err
		}
		if s.Check != "" {
			fmt.Fprintf(w, "     %s  check: %s\n", strings.Repeat(" ", width), s.Check)
		}
	}
	_, err := fmt.Fprintln(w, "let the background migrations of each step finish before the next one")
	return err
}
