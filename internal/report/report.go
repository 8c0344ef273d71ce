// Package report writes lint results in planlint's output formats: text
// for people (with source snippets and carets) and JSON for tools.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/planlint/planlint/lint"
)

// Tool identifies planlint in machine-readable output.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// DataDate is the date of the GitLab release data used, and Data says
	// where it came from (embedded, or cached by "planlint data update").
	DataDate string `json:"data_date,omitempty"`
	Data     string `json:"data,omitempty"`
}

// Totals counts findings across files.
type Totals struct {
	Files, Errors, Warnings, Infos int
	Verdicts                       map[lint.Verdict]int
}

// Add counts one result.
func (t *Totals) Add(r *lint.Result) {
	if t.Verdicts == nil {
		t.Verdicts = map[lint.Verdict]int{}
	}
	t.Files++
	if r.Err != nil {
		return
	}
	t.Verdicts[r.Verdict]++
	for _, f := range r.Findings {
		switch f.Severity {
		case lint.Error:
			t.Errors++
		case lint.Warning:
			t.Warnings++
		default:
			t.Infos++
		}
	}
}

// Text writes results for people.
type Text struct {
	W     io.Writer
	Color bool
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	green  = "\x1b[32m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + reset
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return red
	case lint.Warning:
		return yellow
	}
	return cyan
}

// Result writes one file's findings and its verdict line.
func (t *Text) Result(r *lint.Result) error {
	for _, f := range r.Findings {
		pos := fmt.Sprintf("%s:%d:%d:", r.Path, f.Line, f.Column)
		if _, err := fmt.Fprintf(t.W, "%s %s %s\n", t.paint(bold, pos), t.paint(severityColor(f.Severity), f.Message), t.paint(dim, "["+f.Rule+"]")); err != nil {
			return err
		}
		if f.SourceLine != "" {
			src, caret := snippet(f.SourceLine, f.Column)
			fmt.Fprintf(t.W, "  %s\n  %s\n", src, t.paint(severityColor(f.Severity), caret))
		}
	}
	var e, w, i int
	for _, f := range r.Findings {
		switch f.Severity {
		case lint.Error:
			e++
		case lint.Warning:
			w++
		default:
			i++
		}
	}
	verdict := string(r.Verdict)
	code := green
	switch r.Verdict {
	case lint.NeedsInfo, lint.Postpone:
		code = yellow
	case lint.OutOfScope:
		code = red
	}
	_, err := fmt.Fprintf(t.W, "%s: verdict %s (%s)\n", r.Path, t.paint(bold+code, verdict), counts(e, w, i))
	return err
}

// Totals writes the totals line.
func (t *Text) Totals(tt Totals) error {
	files := "files"
	if tt.Files == 1 {
		files = "file"
	}
	_, err := fmt.Fprintf(t.W, "%d %s: %s\n", tt.Files, files, counts(tt.Errors, tt.Warnings, tt.Infos))
	return err
}

func counts(e, w, i int) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	return plural(e, "error", "errors") + ", " + plural(w, "warning", "warnings") + ", " + plural(i, "info", "infos")
}

// snippet returns a source line with tabs expanded and a caret under the
// given 1-based character column.
func snippet(line string, col int) (string, string) {
	line = strings.ReplaceAll(line, "\t", "    ")
	if col < 1 {
		col = 1
	}
	// Place the caret under the character: count display cells before it.
	width := 0
	n := 0
	for _, r := range line {
		n++
		if n >= col {
			break
		}
		width += runeWidth(r)
	}
	if max := utf8.RuneCountInString(line); col > max+1 {
		width = max
	}
	return line, strings.Repeat(" ", width) + "^"
}

// runeWidth approximates the terminal width of a rune: two cells for
// East Asian wide characters, one otherwise.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1FAFF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// JSONFile is one file in the JSON output.
type JSONFile struct {
	Path     string           `json:"path"`
	Verdict  lint.Verdict     `json:"verdict"`
	Plan     lint.PlanSummary `json:"plan"`
	Findings []lint.Finding   `json:"findings"`
}

// JSONReport is the whole JSON output, a stable contract.
type JSONReport struct {
	Tool  Tool       `json:"tool"`
	Files []JSONFile `json:"files"`
}

// JSON collects results and writes them as one document.
type JSON struct {
	W      io.Writer
	Tool   Tool
	files  []JSONFile
	Indent bool
}

// Result adds one file.
func (j *JSON) Result(r *lint.Result) error {
	fs := r.Findings
	if fs == nil {
		fs = []lint.Finding{}
	}
	j.files = append(j.files, JSONFile{Path: r.Path, Verdict: r.Verdict, Plan: r.Plan, Findings: fs})
	return nil
}

// Flush writes the document.
func (j *JSON) Flush() error {
	files := j.files
	if files == nil {
		files = []JSONFile{}
	}
	enc := json.NewEncoder(j.W)
	enc.SetEscapeHTML(false)
	if j.Indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(JSONReport{Tool: j.Tool, Files: files})
}
