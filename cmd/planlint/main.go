// Command planlint reviews GitLab upgrade and rollback plans written in
// markdown, the way GitLab Support reviews them.
//
//	planlint lint [flags] PATH...     lint plans (files, or directories of *.md)
//	planlint path FROM TO [flags]     print the upgrade path between two versions
//	planlint rules                    list the rules
//	planlint version                  print the version and data dates
//
// Exit codes: 0 nothing at or above the fail level, 1 findings at or
// above it, 2 usage error or unreadable input.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/datacache"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/initplan"
	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/internal/report"
	"github.com/planlint/planlint/lint"
	"github.com/planlint/planlint/rules"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `usage:
  planlint lint [--format text|json] [--today YYYY-MM-DD] [--fail-level error|warning|info|none] [--upgrade-path FILE] PATH...
  planlint path FROM TO [--format text|json] [--zero-downtime] [--install METHOD] [--topology TOPOLOGY]
  planlint init --from VERSION --to VERSION --install linux-package|docker|helm|operator|source --topology single-node|multi-node|geo [--os NAME] [--edition ee|ce] [--zero-downtime] [--output FILE]
  planlint data update [--gitlab-url URL]
  planlint rules
  planlint version
`

// loadKnowledge returns the newer of the cached ("planlint data update")
// and the embedded GitLab knowledge, and says which it is. A broken cache
// never stops planlint: it falls back to the embedded data.
func loadKnowledge() (*knowledge.Base, string) {
	kb, desc, err := datacache.Load("", knowledge.Default())
	if err != nil || kb == nil {
		kb = knowledge.Default()
		desc = "embedded release data of " + kb.DataDate().Format(time.DateOnly)
	}
	lint.Knowledge = func() *knowledge.Base { return kb }
	return kb, desc
}

// exitError carries an exit code.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

func main() {
	// planlint's heap stays small (tens of MB for thousands of plans), so
	// collect less often and let a memory limit cap the heap instead.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(48 << 20)
	code, err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "planlint: "+err.Error())
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		} else {
			code = 2
		}
	}
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2, nil
	}
	switch args[0] {
	case "lint":
		return runLint(args[1:], stdout, stderr)
	case "path":
		return runPath(args[1:], stdout)
	case "rules":
		return runRules(stdout)
	case "init":
		return runInit(args[1:], stdout)
	case "version", "--version", "-version":
		_, desc := loadKnowledge()
		fmt.Fprintf(stdout, "planlint %s (%s)\n", version, desc)
		return 0, nil
	case "data":
		return runData(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0, nil
	}
	return 2, usageErr("unknown command %q\n%s", args[0], usage)
}

// parseInterleaved parses flags that may come before or after positional
// arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func runLint(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlagSet("lint")
	format := fs.String("format", "text", "")
	todayStr := fs.String("today", "", "")
	failLevel := fs.String("fail-level", "error", "")
	upgradePath := fs.String("upgrade-path", "", "")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return 2, usageErr("lint: %v\n%s", err, usage)
	}
	if len(paths) == 0 {
		return 2, usageErr("lint: no plan given: pass one or more markdown files or directories\n%s", usage)
	}
	if *format != "text" && *format != "json" {
		return 2, usageErr("lint: unknown --format %q: want text or json", *format)
	}
	today, err := parseToday(*todayStr)
	if err != nil {
		return 2, err
	}
	threshold, none, err := parseFailLevel(*failLevel)
	if err != nil {
		return 2, err
	}
	kb, desc := loadKnowledge()
	if *upgradePath != "" {
		data, err := os.ReadFile(*upgradePath)
		if err != nil {
			return 2, usageErr("%s: cannot read upgrade path file: %v", *upgradePath, unwrapPathErr(err))
		}
		stops, err := knowledge.ParseUpgradePath(data)
		if err != nil {
			return 2, usageErr("%s: %v", *upgradePath, err)
		}
		kb = kb.WithStops(stops, knowledge.Source{File: *upgradePath, Origin: "--upgrade-path"})
	}
	files, err := lint.Files(paths)
	if err != nil {
		return 2, err
	}
	cfg := &lint.Config{Rules: rules.All(), Today: today, Knowledge: kb}

	// Output is buffered so that unreadable input never leaves a
	// half-written report behind.
	var out bytes.Buffer
	color := *format == "text" && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	text := &report.Text{W: &out, Color: color}
	js := &report.JSON{W: &out, Tool: report.Tool{Name: "planlint", Version: version, DataDate: kb.DataDate().Format(time.DateOnly), Data: desc}}
	var totals report.Totals
	var inputErrs []error
	failed := false
	lint.LintFiles(files, cfg, func(r *lint.Result) {
		r.Path = filepath.ToSlash(r.Path)
		if r.Err != nil {
			inputErrs = append(inputErrs, r.Err)
			return
		}
		totals.Add(r)
		for _, f := range r.Findings {
			if !none && f.Severity >= threshold {
				failed = true
			}
		}
		if len(inputErrs) > 0 {
			return
		}
		if *format == "json" {
			js.Result(r)
		} else {
			text.Result(r)
		}
	})
	if len(inputErrs) > 0 {
		for _, e := range inputErrs[1:] {
			fmt.Fprintln(stderr, "planlint: "+e.Error())
		}
		return 2, inputErrs[0]
	}
	if *format == "json" {
		js.Flush()
	} else {
		text.Totals(totals)
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		return 2, fmt.Errorf("cannot write output: %v", err)
	}
	if failed {
		return 1, nil
	}
	return 0, nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func parseToday(s string) (time.Time, error) {
	if s == "" {
		n := time.Now().UTC()
		return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, usageErr("--today %q is not a date: want YYYY-MM-DD", s)
	}
	return t, nil
}

func parseFailLevel(s string) (lint.Severity, bool, error) {
	if strings.EqualFold(s, "none") {
		return 0, true, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return 0, false, usageErr("--fail-level %q: want error, warning, info or none", s)
	}
	return sev, false, nil
}

func runPath(args []string, stdout io.Writer) (int, error) {
	fs := newFlagSet("path")
	format := fs.String("format", "text", "")
	zdt := fs.Bool("zero-downtime", false, "")
	install := fs.String("install", "", "")
	topology := fs.String("topology", "", "")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2, usageErr("path: %v\n%s", err, usage)
	}
	if len(pos) != 2 {
		return 2, usageErr("path: want two versions, FROM and TO, for example \"planlint path 15.4.2 17.8.1\"")
	}
	if *format != "text" && *format != "json" {
		return 2, usageErr("path: unknown --format %q: want text or json", *format)
	}
	from, err := glversion.Parse(pos[0])
	if err != nil {
		return 2, usageErr("path: %v", err)
	}
	to, err := glversion.Parse(pos[1])
	if err != nil {
		return 2, usageErr("path: %v", err)
	}
	kb, desc := loadKnowledge()
	steps, err := kb.Path(from, to, *zdt)
	if err != nil {
		return 2, usageErr("path: %v", err)
	}
	setup := knowledge.Setup{InstallMethod: *install, Topology: *topology, ZeroDowntime: *zdt}
	pj := report.NewPathJSON(from, to, steps)
	report.AddNotes(&pj, kb, from, steps, setup)
	if *format == "json" {
		pj.Data = desc
		return 0, report.WritePathJSON(stdout, pj)
	}
	return 0, report.WritePathText(stdout, pj, desc)
}

// runData runs "data update" in planlint-net, the companion program that
// holds planlint's network code: linking an HTTP client would cost every
// lint about 10 ms of start-up.
func runData(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 || args[0] != "update" {
		return 2, usageErr("data: the only subcommand is \"update\"\n%s", usage)
	}
	bin, err := findNet()
	if err != nil {
		return 2, usageErr("data update: %v", err)
	}
	cmd := exec.Command(bin, append([]string{"data"}, args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		// planlint-net said what went wrong.
		if code := ee.ExitCode(); code > 0 {
			return code, nil
		}
		return 2, nil
	case err != nil:
		return 2, usageErr("data update: cannot run %s: %v", bin, err)
	}
	return 0, nil
}

// netProgram is the companion program's name.
const netProgram = "planlint-net"

// findNet finds planlint-net: $PLANLINT_NET, else next to this program,
// else on PATH.
func findNet() (string, error) {
	if p := os.Getenv("PLANLINT_NET"); p != "" {
		return p, nil
	}
	name := netProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	self, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		sibling := filepath.Join(filepath.Dir(self), name)
		if st, err := os.Stat(sibling); err == nil && !st.IsDir() {
			return sibling, nil
		}
	}
	if p, err := exec.LookPath(netProgram); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("it needs %s, planlint's network companion, next to planlint or on PATH; install it with \"go install github.com/planlint/planlint/cmd/planlint-net@latest\"", netProgram)
}

func runInit(args []string, stdout io.Writer) (int, error) {
	fs := newFlagSet("init")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	install := fs.String("install", "", "")
	topology := fs.String("topology", "", "")
	osName := fs.String("os", "", "")
	edition := fs.String("edition", "ee", "")
	zdt := fs.Bool("zero-downtime", false, "")
	output := fs.String("output", "", "")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2, usageErr("init: %v\n%s", err, usage)
	}
	if len(pos) > 0 {
		return 2, usageErr("init: unexpected argument %q\n%s", pos[0], usage)
	}
	if *from == "" || *to == "" || *install == "" || *topology == "" {
		return 2, usageErr("init: --from, --to, --install and --topology are required\n%s", usage)
	}
	fv, err := glversion.Parse(*from)
	if err != nil {
		return 2, usageErr("init: --from: %v", err)
	}
	tv, err := glversion.Parse(*to)
	if err != nil {
		return 2, usageErr("init: --to: %v", err)
	}
	kb, desc := loadKnowledge()
	out, err := initplan.Generate(initplan.Options{
		From: fv, To: tv, Install: *install, Topology: *topology, OS: *osName, Edition: *edition, ZeroDowntime: *zdt,
		Knowledge: kb, Today: time.Now().UTC(), DataDate: desc,
	})
	if err != nil {
		return 2, usageErr("init: %v", err)
	}
	if *output == "" {
		_, err = stdout.Write(out)
		return 0, err
	}
	if err := os.WriteFile(*output, out, 0o644); err != nil {
		return 2, usageErr("init: %s: %v", *output, unwrapPathErr(err))
	}
	return 0, nil
}

func runRules(stdout io.Writer) (int, error) {
	for _, r := range rules.All() {
		fmt.Fprintf(stdout, "%-40s %-8s %s\n", r.ID, r.Severity, r.Title)
	}
	return 0, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
