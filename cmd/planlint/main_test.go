package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/lint/linttest"
	"github.com/planlint/planlint/rules"
)

const sample = "../../testdata/plans/ok_runbook_ubuntu.md"

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	code, err = run(args, &out, &errb)
	if err != nil {
		var ee *exitError
		if asExit(err, &ee) {
			code = ee.code
		} else {
			code = 2
		}
	}
	return code, out.String(), errb.String(), err
}

func asExit(err error, target **exitError) bool {
	e, ok := err.(*exitError)
	if ok {
		*target = e
	}
	return ok
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLintCleanPlan(t *testing.T) {
	code, out, _, err := runCLI(t, "lint", "--today", "2026-11-26", sample)
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v, out:\n%s", code, err, out)
	}
	if !strings.Contains(out, "verdict ready") || strings.Contains(out, "\x1b[") {
		t.Errorf("unexpected output:\n%s", out)
	}
}

func TestLintFindingsExitCodes(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "plan.md", []byte("# Upgrade\n\nWe upgrade GitLab to 17.8.7 with `sudo apt upgrade`.\n"))
	code, out, _, _ := runCLI(t, "lint", "--today", "2026-11-26", p)
	if code != 1 {
		t.Errorf("code = %d, want 1", code)
	}
	// path:line:col: message [rule-id], then the source line and a caret.
	if !strings.Contains(out, "plan.md:1:1: plan does not state the GitLab version the instance runs now") ||
		!strings.Contains(out, "[missing-current-version]") || !strings.Contains(out, "\n  # Upgrade\n  ^\n") {
		t.Errorf("text output:\n%s", out)
	}
	if !strings.Contains(out, "verdict needs-info") || !strings.Contains(out, "1 file: ") {
		t.Errorf("verdict or totals missing:\n%s", out)
	}
	if code, _, _, _ := runCLI(t, "lint", "--today", "2026-11-26", "--fail-level", "none", p); code != 0 {
		t.Errorf("--fail-level none: code %d", code)
	}
	if code, _, _, _ := runCLI(t, "lint", "--today", "2026-11-26", "--fail-level", "info", sample); code != 0 {
		t.Errorf("clean plan with --fail-level info: code %d", code)
	}
}

func TestJSONContract(t *testing.T) {
	code, out, _, err := runCLI(t, "lint", "--format", "json", "--today", "2026-11-26", "../../testdata/plans/bad_terse_checklist.md")
	if err != nil || code != 1 {
		t.Fatalf("code %d err %v", code, err)
	}
	var doc struct {
		Tool struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"tool"`
		Files []struct {
			Path     string         `json:"path"`
			Verdict  string         `json:"verdict"`
			Plan     map[string]any `json:"plan"`
			Findings []struct {
				Rule, Severity, Message, URL string
				Line, Column                 int
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Tool.Name != "planlint" || doc.Tool.Version == "" || len(doc.Files) != 1 {
		t.Fatalf("tool/files: %+v", doc)
	}
	f := doc.Files[0]
	if f.Path != "../../testdata/plans/bad_terse_checklist.md" || f.Verdict != "needs-info" {
		t.Errorf("path %q verdict %q", f.Path, f.Verdict)
	}
	wantPath := []any{"16.11.10", "17.5.5", "17.8.7", "17.11.7"}
	if diff := cmp.Diff(wantPath, f.Plan["path"]); diff != "" {
		t.Errorf("plan.path (-want +got):\n%s", diff)
	}
	if f.Plan["target_version"] != "17.11.7" || f.Plan["install_method"] != "linux-package" || f.Plan["os"] != "Ubuntu 22.04" {
		t.Errorf("plan = %v", f.Plan)
	}
	for _, fd := range f.Findings {
		if fd.Rule == "" || fd.Line < 1 || fd.Column < 1 || fd.Message == "" || !strings.HasPrefix(fd.URL, "https://") {
			t.Errorf("incomplete finding %+v", fd)
		}
		switch fd.Severity {
		case "error", "warning", "info":
		default:
			t.Errorf("severity %q", fd.Severity)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.md", nil)
	blank := write(t, dir, "blank.md", []byte(" \n\n\t\n"))
	binary := write(t, dir, "binary.md", []byte("# plan\x00\x01\x02"))
	badUTF8 := write(t, dir, "latin1.md", []byte("# Plan\n\nWartungsfenster: Samstag \xfcber Nacht\n"))
	big := write(t, dir, "big.md", bytes.Repeat([]byte("a"), 10<<20+1))
	noMD := filepath.Join(dir, "nomd")
	os.Mkdir(noMD, 0o755)
	write(t, noMD, "notes.txt", []byte("x"))
	good := write(t, dir, "good.md", []byte("# Plan\n\nUpgrade GitLab from 16.3.9 to 16.7.10.\n"))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lint", filepath.Join(dir, "missing.md")}, "missing.md: no such file or directory"},
		{[]string{"lint", noMD}, "nomd: directory holds no markdown (*.md) files"},
		{[]string{"lint", empty}, "empty.md: file is empty"},
		{[]string{"lint", blank}, "blank.md: file is empty"},
		{[]string{"lint", binary}, "binary.md: file is binary"},
		{[]string{"lint", badUTF8}, "latin1.md: line 3: invalid UTF-8"},
		{[]string{"lint", big}, "big.md: file is larger than 10 MB"},
		{[]string{"lint"}, "no plan given"},
		{[]string{"lint", "--format", "xml", good}, "unknown --format"},
		{[]string{"lint", "--today", "26.11.2026", good}, "--today"},
		{[]string{"lint", "--fail-level", "fatal", good}, "--fail-level"},
		{[]string{"lint", "--upgrade-path", filepath.Join(dir, "nope.yml"), good}, "nope.yml: cannot read upgrade path file"},
		{[]string{"lint", "--upgrade-path", binary, good}, "binary.md: "},
		{[]string{"lint", good, binary}, "binary.md: file is binary"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"path", "17.8.1"}, "want two versions"},
		{[]string{"path", "17.8.1", "16.3.9"}, "GitLab does not support downgrades"},
		{[]string{"path", "latest", "16.3.9"}, "not a GitLab version"},
	}
	for _, tt := range tests {
		code, out, _, err := runCLI(t, tt.args...)
		if code != 2 || err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: code %d, err %v; want code 2 and %q", tt.args, code, err, tt.want)
		}
		if strings.Contains(err.Error(), "\n") && !strings.Contains(tt.want, "unknown") && !strings.Contains(tt.want, "no plan") {
			t.Errorf("%v: error is not one line: %q", tt.args, err)
		}
		if out != "" {
			t.Errorf("%v: half-written report on stdout:\n%s", tt.args, out)
		}
	}
}

// TestEquivalentEncodings checks that a byte-order mark and CRLF line
// endings give the same facts and findings as the clean file.
func TestEquivalentEncodings(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/plans/bad_frontmatter_mismatch.md")
	if err != nil {
		t.Fatal(err)
	}
	src, _, err := linttest.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	clean := write(t, dir, "plan.md", src)
	crlf := write(t, dir, "plan-crlf.md", bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")))
	bom := write(t, dir, "plan-bom.md", append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...))
	get := func(p string) string {
		_, out, _, err := runCLI(t, "lint", "--format", "json", "--today", "2026-11-26", p)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		json.Unmarshal([]byte(out), &doc)
		f := doc["files"].([]any)[0].(map[string]any)
		delete(f, "path")
		b, _ := json.Marshal(f)
		return string(b)
	}
	want := get(clean)
	if !strings.Contains(want, "current_version") {
		t.Fatalf("front matter not read: %s", want)
	}
	for _, p := range []string{crlf, bom} {
		if got := get(p); got != want {
			t.Errorf("%s differs from the clean file:\n got %s\nwant %s", filepath.Base(p), got, want)
		}
	}
}

// TestAwkwardInput checks that valid but odd markdown is read as a plan.
func TestAwkwardInput(t *testing.T) {
	dir := t.TempDir()
	deep := strings.Repeat("> ", 5000) + "deep quote\n\n" + strings.Repeat("- ", 3000) + "deep list\n\n" + strings.Repeat("[", 20000) + strings.Repeat("*", 20000) + "\n"
	cases := map[string]string{
		"unclosed.md": "---\ncurrent_version: \"16.3.9\"\ntarget_version: \"16.7.10\"\n\n# Plan\n\nUpgrade to 16.7.10.\n",
		"badyaml.md":  "---\ncurrent_version: [16.3.9\n---\n# Plan\n\nCurrent version: 16.3.9\n",
		"listyaml.md": "---\n- a\n- b\n---\n# Plan\n",
		"deep.md":     deep,
		"onlyfm.md":   "---\ncurrent_version: \"16.3.9\"\n---\n",
		"onlycode.md": "```\nsudo apt-get install gitlab-ee=16.7.10-ee.0\n",
		"htmlonly.md": "<div>\n<p>GitLab 16.3.9</p>\n</div>\n",
	}
	for name, content := range cases {
		p := write(t, dir, name, []byte(content))
		code, out, _, err := runCLI(t, "lint", "--format", "json", "--today", "2026-11-26", p)
		if err != nil || code > 1 {
			t.Errorf("%s: code %d err %v", name, code, err)
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Errorf("%s: not JSON: %v", name, err)
		}
	}
	for _, name := range []string{"unclosed.md", "badyaml.md", "listyaml.md"} {
		_, out, _, _ := runCLI(t, "lint", "--today", "2026-11-26", filepath.Join(dir, name))
		if !strings.Contains(out, "[invalid-front-matter]") {
			t.Errorf("%s: no invalid-front-matter finding:\n%s", name, out)
		}
	}
	// Unreadable front matter is read as markdown: the label still counts.
	_, out, _, _ := runCLI(t, "lint", "--format", "json", "--today", "2026-11-26", filepath.Join(dir, "badyaml.md"))
	if !strings.Contains(out, `"current_version":"16.3.9"`) {
		t.Errorf("badyaml.md: current version not read from the markdown: %s", out)
	}
}

func TestPathCommand(t *testing.T) {
	_, out, _, err := runCLI(t, "path", "15.4.2", "17.8.1", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		From, To string
		Steps    []struct{ Version, Kind, Condition string }
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Steps {
		got = append(got, s.Version+" "+s.Kind)
		if s.Kind == "conditional" && s.Condition == "" {
			t.Errorf("conditional stop %s without its condition", s.Version)
		}
	}
	want := []string{"15.4.6 required", "15.11.13 required", "16.0.10 conditional", "16.1.8 conditional", "16.2.11 conditional",
		"16.3.9 required", "16.7.10 required", "16.11.10 required", "17.1.8 conditional", "17.3.7 required", "17.5.5 required", "17.8.1 target"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
	_, text, _, _ := runCLI(t, "path", "16.3.9", "16.11")
	if !strings.Contains(text, "16.7.10   required stop") || !strings.Contains(text, "16.11.10  target") {
		t.Errorf("text path:\n%s", text)
	}
}

func TestRulesAndVersion(t *testing.T) {
	_, out, _, _ := runCLI(t, "rules")
	for _, r := range rules.All() {
		if !strings.Contains(out, r.ID) {
			t.Errorf("rules output lacks %s", r.ID)
		}
	}
	_, v, _, _ := runCLI(t, "version")
	if !strings.HasPrefix(v, "planlint ") || !strings.Contains(v, "2026-08-21") {
		t.Errorf("version = %q", v)
	}
}

// goEnv is the go command's build and module caches, read before TestMain
// moves HOME: building planlint-net must neither start from an empty cache
// nor download modules.
var goEnv []string

// TestMain keeps the tests off the user's cache of "planlint data update".
func TestMain(m *testing.M) {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if f := strings.Split(strings.TrimSpace(string(out)), "\n"); err == nil && len(f) == 3 {
		goEnv = []string{"GOCACHE=" + f[0], "GOMODCACHE=" + f[1], "GOPATH=" + f[2], "GOPROXY=off", "GOFLAGS=-mod=readonly"}
	}
	dir, err := os.MkdirTemp("", "planlint-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	os.Setenv("HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestDataUpdateOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds planlint-net")
	}
	// planlint runs planlint-net for "data update".
	bin := filepath.Join(t.TempDir(), "planlint-net")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, "../planlint-net")
	build.Env = append(os.Environ(), goEnv...)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build planlint-net: %v\n%s", err, out)
	}
	t.Setenv("PLANLINT_NET", bin)
	code, out, errOut, err := runCLI(t, "data", "update", "--gitlab-url", "http://127.0.0.1:1")
	if code != 2 || err != nil || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "planlint: data update: ") {
		t.Errorf("code %d, err %v, out %q, stderr %q: want exit 2 with a one-line error", code, err, out, errOut)
	}
	// Without network, everything still works on embedded data.
	code, out, _, err = runCLI(t, "lint", "--format", "json", "--today", "2026-11-26", sample)
	if err != nil || code != 0 || !strings.Contains(out, `"data":"embedded release data of 2026-08-21"`) {
		t.Errorf("lint after a failed update: code %d err %v\n%s", code, err, out)
	}
}

func TestDataUpdateWithoutCompanion(t *testing.T) {
	t.Setenv("PLANLINT_NET", "")
	t.Setenv("PATH", t.TempDir())
	code, out, _, err := runCLI(t, "data", "update")
	if code != 2 || err == nil || out != "" || strings.Contains(err.Error(), "\n") ||
		!strings.Contains(err.Error(), "planlint-net") || !strings.Contains(err.Error(), "go install github.com/planlint/planlint/cmd/planlint-net@latest") {
		t.Errorf("code %d, err %v, out %q: want exit 2 naming planlint-net and how to install it", code, err, out)
	}
}

func TestPathNotes(t *testing.T) {
	_, out, _, err := runCLI(t, "path", "18.8.11", "19.3.0", "--format", "json", "--install", "linux-package", "--topology", "multi-node")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Steps []struct {
			Version string
			Notes   []struct{ ID, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, s := range p.Steps {
		for _, n := range s.Notes {
			ids[n.ID] = s.Version
		}
	}
	if ids["mattermost-keys-19-0"] != "19.2.4" {
		t.Errorf("19.0 Mattermost note at %q, want the first 19.x step 19.2.4: %v", ids["mattermost-keys-19-0"], ids)
	}
	if _, ok := ids["chart-10-bundled-services-19-0"]; ok {
		t.Errorf("a Helm-only note applies to a Linux package path")
	}
	_, zdt, _, _ := runCLI(t, "path", "16.1.4", "16.4.1", "--zero-downtime")
	for _, v := range []string{"16.1.8", "16.2.11", "16.3.9", "16.4.1"} {
		if !strings.Contains(zdt, v) {
			t.Errorf("zero-downtime path lacks %s:\n%s", v, zdt)
		}
	}
}
