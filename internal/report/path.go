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
	Version   string     `json:"version"`
	Kind      string     `json:"kind"`
	Condition string     `json:"condition,omitempty"`
	Check     string     `json:"check,omitempty"`
	Notes     []PathNote `json:"notes,omitempty"`
}

// PathNote is a known upgrade problem that applies at a step.
type PathNote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Only names the setups the note is limited to when the command was
	// not told the setup ("helm", "multi-node, geo"); empty otherwise.
	Only string `json:"only,omitempty"`
}

// PathJSON is the JSON form of "planlint path".
type PathJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Steps []PathStep `json:"steps"`
	// Data says which GitLab release data computed the path.
	Data string `json:"data,omitempty"`
}

// AddNotes attaches to each installed step the upgrade notes that apply at
// it, for the setup given (unknown fields do not exclude a note, except
// that an unknown topology counts as single-node).
func AddNotes(p *PathJSON, kb *knowledge.Base, from glversion.Version, steps []knowledge.Step, s knowledge.Setup) {
	var hops []glversion.Version
	for _, st := range steps {
		if st.Kind != knowledge.StepConditional {
			hops = append(hops, st.Version)
		}
	}
	if len(hops) == 0 {
		return
	}
	to := hops[len(hops)-1]
	for _, n := range kb.NotesFor(from, to, hops, s) {
		trig := n.Trigger(from, to, hops)
		for i := range p.Steps {
			st := &p.Steps[i]
			if st.Kind == string(knowledge.StepConditional) {
				continue
			}
			v, _ := glversion.Parse(st.Version)
			if v.Compare(trig) >= 0 {
				st.Notes = append(st.Notes, PathNote{ID: n.ID, Text: n.Text, Only: noteScope(n, s)})
				break
			}
		}
	}
}

// noteScope names the setups a note is limited to, where the setup was
// not given: without --install, a Helm-only note is shown as such.
func noteScope(n knowledge.Note, s knowledge.Setup) string {
	var parts []string
	if s.InstallMethod == "" && len(n.InstallMethods) > 0 {
		parts = append(parts, strings.Join(n.InstallMethods, ", "))
	}
	if s.Topology == "" && len(n.Topologies) > 0 {
		parts = append(parts, strings.Join(n.Topologies, ", "))
	}
	if n.Database != "" {
		parts = append(parts, n.Database+" database")
	}
	if s.Edition == "" && n.Edition != "" {
		parts = append(parts, strings.ToUpper(n.Edition))
	}
	return strings.Join(parts, "; ")
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
func WritePathText(w io.Writer, p PathJSON, data string) error {
	fmt.Fprintf(w, "upgrade path from %s to %s (%s):\n", p.From, p.To, data)
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
		pad := strings.Repeat(" ", width)
		if s.Check != "" {
			fmt.Fprintf(w, "     %s  check: %s\n", pad, s.Check)
		}
		for _, n := range s.Notes {
			if n.Only != "" {
				fmt.Fprintf(w, "     %s  note (%s only): %s\n", pad, n.Only, n.Text)
			} else {
				fmt.Fprintf(w, "     %s  note: %s\n", pad, n.Text)
			}
		}
	}
	_, err := fmt.Fprintln(w, "let the background migrations of each step finish before the next one")
	return err
}
