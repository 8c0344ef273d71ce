package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/planlint/planlint/internal/knowledge"
)

// Config is what the engine needs besides the plans.
type Config struct {
	// Rules to run.
	Rules []*Rule
	// Today is the day plans are read; zero means now, in UTC.
	Today time.Time
	// Knowledge is the GitLab knowledge; nil means Knowledge().
	Knowledge *knowledge.Base
	// Severity overrides rule defaults by rule ID.
	Severity map[string]Severity
}

// Result is the outcome for one file. It keeps no reference to the parsed
// document, so many results can be held at once.
type Result struct {
	Path     string
	Plan     PlanSummary
	Findings []Finding
	Verdict  Verdict
	// Err is set when the file could not be read as a plan at all; it is
	// an *InputError.
	Err error
}

// PlanSummary is what planlint understood of a plan, as reported in the
// JSON output. Fields it could not find are empty.
type PlanSummary struct {
	CurrentVersion string         `json:"current_version,omitempty"`
	TargetVersion  string         `json:"target_version,omitempty"`
	Edition        string         `json:"edition,omitempty"`
	InstallMethod  string         `json:"install_method,omitempty"`
	OS             string         `json:"os,omitempty"`
	Topology       string         `json:"topology,omitempty"`
	Window         *WindowSummary `json:"window,omitempty"`
	Contact        string         `json:"contact,omitempty"`
	Path           []string       `json:"path,omitempty"`
}

// WindowSummary is the maintenance window in the JSON output.
type WindowSummary struct {
	// Start is RFC 3339; without a known zone it has no offset.
	Start           string `json:"start,omitempty"`
	Timezone        string `json:"timezone,omitempty"`
	DurationMinutes int    `json:"duration_minutes,omitempty"`
}

func (c *Config) today() time.Time {
	if c.Today.IsZero() {
		n := time.Now().UTC()
		return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	return c.Today
}

// LintSource lints one plan given as bytes.
func LintSource(path string, src []byte, cfg *Config) *Result {
	res := &Result{Path: path}
	doc, err := Parse(path, src, cfg.today())
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings = Check(doc, cfg)
	res.Plan = Summarize(doc.Plan)
	res.Verdict = verdictOf(res.Findings)
	doc.release()
	return res
}

// Check runs the rules on a parsed document and returns the resolved,
// suppressed, sorted findings.
func Check(doc *Document, cfg *Config) []Finding {
	kb := cfg.Knowledge
	if kb == nil {
		kb = Knowledge()
	}
	var raw []Finding
	byID := make(map[string]*Rule, len(cfg.Rules))
	for _, r := range cfg.Rules {
		byID[r.ID] = r
		p := &Pass{Rule: r, Doc: doc, Plan: doc.Plan, Knowledge: kb, Today: cfg.today(), sink: &raw}
		r.Run(p)
	}
	out := raw[:0]
	for _, f := range raw {
		r := byID[f.Rule]
		if suppressed(doc.Directives, f) {
			continue
		}
		f.Path = doc.Path
		f.URL = DocsURL(f.Rule)
		f.Category = r.Category
		switch {
		case cfg.Severity != nil && hasKey(cfg.Severity, f.Rule):
			f.Severity = cfg.Severity[f.Rule]
		case f.hint != nil:
			f.Severity = *f.hint
		default:
			f.Severity = r.Severity
		}
		f.hint = nil
		f.SourceLine = doc.SourceLine(f.Line)
		out = append(out, f)
	}
	return sortFindings(out)
}

func hasKey(m map[string]Severity, k string) bool { _, ok := m[k]; return ok }

// suppressed applies planlint directives to a finding.
func suppressed(ds []Directive, f Finding) bool {
	if len(ds) == 0 {
		return false
	}
	names := func(d Directive) bool {
		if len(d.Rules) == 0 {
			return true
		}
		for _, r := range d.Rules {
			if r == f.Rule || r == "all" {
				return true
			}
		}
		return false
	}
	off := false
	for _, d := range ds {
		switch d.Kind {
		case DisableFile:
			if names(d) {
				return true
			}
		case DisableLine:
			if names(d) && f.Line >= d.Line && f.Line <= d.EndLine {
				return true
			}
		case DisableNextLine:
			if names(d) && (f.Line == d.EndLine+1 || f.Line == d.EndLine+2 && d.Col == 1) {
				return true
			}
		case Disable:
			if names(d) && d.Line <= f.Line {
				off = true
			}
		case Enable:
			if names(d) && d.Line <= f.Line {
				off = false
			}
		}
	}
	return off
}

// Summarize turns a plan into its JSON form.
func Summarize(p *Plan) PlanSummary {
	var s PlanSummary
	if p.Current != nil {
		s.CurrentVersion = p.Current.Version.String()
	}
	if p.Target != nil {
		s.TargetVersion = p.Target.Version.String()
	}
	// The edition the plan says the instance runs wins over what its
	// commands install; edition-mismatch reports the difference.
	if p.EditionStated != nil {
		s.Edition = p.EditionStated.Value
	} else if p.Edition != nil {
		s.Edition = p.Edition.Value
	}
	if p.InstallMethod != nil {
		s.InstallMethod = p.InstallMethod.Value
	}
	if p.OS != nil {
		s.OS = p.OS.Value
	}
	if p.Topology != nil {
		s.Topology = p.Topology.Value
	}
	if w := p.Window; w != nil && (w.HasDate || w.Zone != "" || w.Duration > 0) {
		ws := &WindowSummary{DurationMinutes: int(w.Duration / time.Minute)}
		switch {
		case w.HasDate && w.HasTime && w.Zoned:
			ws.Start = w.Start.Format(time.RFC3339)
		case w.HasDate && w.HasTime:
			ws.Start = w.Start.Format("2006-01-02T15:04:05")
		case w.HasDate:
			ws.Start = w.Start.Format(time.DateOnly)
		}
		ws.Timezone = w.Zone
		if w.ZoneIANA != "" {
			ws.Timezone = w.ZoneIANA
		}
		s.Window = ws
	}
	if p.Contact != nil && !p.Contact.Placeholder {
		s.Contact = p.Contact.Value
	}
	s.Path = p.PathStrings()
	return s
}

// Files expands paths into the markdown files to lint: files as given,
// directories searched recursively for *.md. The result is sorted and
// free of duplicates.
func Files(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &InputError{Path: p, Err: errors.New("no such file or directory")}
			}
			return nil, &InputError{Path: p, Err: errors.Unwrap(err)}
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.EqualFold(filepath.Ext(path), ".md") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, &InputError{Path: p, Err: fmt.Errorf("cannot read directory: %w", errors.Unwrap(err))}
		}
		if len(found) == 0 {
			return nil, &InputError{Path: p, Err: errors.New("directory holds no markdown (*.md) files")}
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return out, nil
}

// LintFiles lints files in parallel and calls emit with each result in
// the order of files, as soon as it and all earlier ones are done.
func LintFiles(files []string, cfg *Config, emit func(*Result)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(files) {
		workers = len(files)
	}
	results := make([]*Result, len(files))
	done := make([]chan struct{}, len(files))
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = lintFile(files[i], cfg)
				close(done[i])
			}
		}()
	}
	go func() {
		for i := range files {
			next <- i
		}
		close(next)
	}()
	for i := range files {
		<-done[i]
		emit(results[i])
		results[i] = nil
	}
	wg.Wait()
}

func lintFile(path string, cfg *Config) *Result {
	st, err := os.Stat(path)
	if err == nil && st.Size() > MaxFileSize {
		return &Result{Path: path, Err: &InputError{Path: path, Err: ErrTooLarge}}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &Result{Path: path, Err: &InputError{Path: path, Err: fmt.Errorf("cannot read file: %w", err)}}
	}
	return LintSource(path, src, cfg)
}
