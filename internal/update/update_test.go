package update

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/internal/datacache"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"gopkg.in/yaml.v3"
)

func TestMain(m *testing.M) {
	retryWaitMin, retryWaitMax = time.Millisecond, 5*time.Millisecond
	os.Exit(m.Run())
}

var testNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ver(t *testing.T, s string) glversion.Version {
	t.Helper()
	v, err := glversion.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// newerReleases came after the embedded table (newest 19.3.0 of
// 2026-08-20).
var newerReleases = []struct{ v, day string }{
	{"19.3.1", "2026-09-02"},
	{"19.4.0", "2026-09-17"},
	{"19.4.1", "2026-10-01"},
	{"19.5.0", "2026-10-15"},
	{"19.6.0", "2026-11-19"},
}

func embeddedPlus(t *testing.T) []knowledge.Release {
	t.Helper()
	list := append([]knowledge.Release(nil), knowledge.Default().Releases.All()...)
	for _, n := range newerReleases {
		list = append(list, knowledge.Release{Version: ver(t, n.v), Date: day(n.day)})
	}
	return list
}

// releaseTags turns releases into omnibus-gitlab's tags: an annotated
// X.Y.Z+ee.0 tag made on the release day after a commit of the evening
// before (US Pacific time), plus the CE tag, a release candidate for each
// .0 and now and then a repackaging, which the search must leave out.
// 19.5.0's tag is lightweight, so its day comes from the commit.
func releaseTags(list []knowledge.Release) []fakeTag {
	pacific := time.FixedZone("PDT", -7*3600)
	var tags []fakeTag
	for i, r := range list {
		v := r.Version.String()
		tagged := r.Date.Add(10 * time.Hour)
		committed := r.Date.Add(-4 * time.Hour).In(pacific) // 20:00 UTC the day before
		ee := fakeTag{Name: v + "+ee.0", Tagged: tagged, Committed: committed}
		if v == "19.5.0" {
			// 22:00 in Pacific time is 05:00 UTC on the release day.
			ee = fakeTag{Name: v + "+ee.0", Committed: r.Date.Add(5 * time.Hour).In(pacific)}
		}
		tags = append(tags, ee, fakeTag{Name: v + "+ce.0", Tagged: tagged, Committed: committed})
		if r.Version.Patch == 0 {
			tags = append(tags, fakeTag{Name: v + "+rc42.ee.0", Tagged: tagged.AddDate(0, 0, -3), Committed: committed.AddDate(0, 0, -3)})
		}
		if i%50 == 0 {
			tags = append(tags, fakeTag{Name: v + "+ee.1", Tagged: tagged.AddDate(0, 0, 1), Committed: committed.AddDate(0, 0, 1)})
		}
	}
	return tags
}

type upstreamStop struct {
	Major    int    `yaml:"major"`
	Minor    int    `yaml:"minor"`
	Comments string `yaml:"comments,omitempty"`
}

// upgradePathYAML writes stops in upstream's format, plus extra stops.
func upgradePathYAML(t *testing.T, stops []knowledge.Stop, extra ...upstreamStop) []byte {
	t.Helper()
	var list []upstreamStop
	for _, s := range stops {
		list = append(list, upstreamStop{s.Major, s.Minor, s.Comment})
	}
	list = append(list, extra...)
	b, err := yaml.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte("---\n"), b...)
}

// upstream starts a fake GitLab with the two projects planlint reads.
func upstream(t *testing.T, releases []knowledge.Release, upgradePath []byte) *fakeGitLab {
	t.Helper()
	f := newFakeGitLab(t)
	f.setFile("gitlab-org/gitlab", "master", "config/upgrade_path.yml", upgradePath)
	f.setTags("gitlab-org/omnibus-gitlab", releaseTags(releases))
	f.project("gitlab-org/gitlab-runner") // a neighbour with nothing of interest
	return f
}

// newerUpstream serves the embedded releases plus newerReleases, and the
// embedded stops plus 20.2.
func newerUpstream(t *testing.T) (*fakeGitLab, []byte) {
	t.Helper()
	yml := upgradePathYAML(t, knowledge.Default().Stops, upstreamStop{Major: 20, Minor: 2})
	return upstream(t, embeddedPlus(t), yml), yml
}

func testOptions(f *fakeGitLab, dir string) Options {
	return Options{
		GitLabURL:  f.URL(),
		CacheDir:   dir,
		HTTPClient: f.srv.Client(),
		Now:        func() time.Time { return testNow },
	}
}

func tagRequests(f *fakeGitLab) []string {
	var out []string
	for _, r := range f.Requests() {
		if strings.Contains(r, "/repository/tags") {
			out = append(out, r)
		}
	}
	return out
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestUpdateStoresNewerDataAndLoadUsesIt(t *testing.T) {
	emb := knowledge.Default()
	embNewest, embSources := emb.Releases.Newest(), slices.Clone(emb.Sources)
	f, yml := newerUpstream(t)
	dir := t.TempDir()
	opts := testOptions(f, dir)

	res, err := Update(context.Background(), opts, emb)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Message, "stored 1247 releases (newest 19.6.0 of 2026-11-19, 5 new) and 39 required stops") {
		t.Errorf("message = %q", res.Message)
	}
	res.Message = ""
	want := Result{
		ReleasesDate: day("2026-11-19"),
		Newest:       ver(t, "19.6.0"),
		Releases:     len(emb.Releases.All()) + len(newerReleases),
		Stops:        len(emb.Stops) + 1,
		DataDate:     day("2026-11-20"),
		FetchedAt:    testNow,
		Path:         dir,
	}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}

	// The requests, exactly as client-go sends them.
	reqs := f.Requests()
	if got, want := reqs[0], "/api/v4/projects/gitlab-org%2Fgitlab/repository/files/config%2Fupgrade_path%2Eyml/raw?ref=master"; got != want {
		t.Errorf("first request = %s, want %s", got, want)
	}
	tags := tagRequests(f)
	wantTags := []string{"/api/v4/projects/gitlab-org%2Fomnibus-gitlab/repository/tags?order_by=updated&per_page=100&search=%2Bee.0%24&sort=desc"}
	for p := 2; p <= 13; p++ { // 1247 release tags, 100 a page
		wantTags = append(wantTags, "/api/v4/projects/gitlab-org%2Fomnibus-gitlab/repository/tags?order_by=updated&page="+strconv.Itoa(p)+"&per_page=100&search=%2Bee.0%24&sort=desc")
	}
	if diff := cmp.Diff(wantTags, tags); diff != "" {
		t.Errorf("tag requests (-want +got):\n%s", diff)
	}
	if len(reqs) != 1+len(wantTags) {
		t.Errorf("%d requests, want %d", len(reqs), 1+len(wantTags))
	}

	// The files, and nothing else (no temporary files left).
	if diff := cmp.Diff([]string{"meta.json", "releases.tsv", "upgrade_path.yml"}, dirNames(t, dir)); diff != "" {
		t.Errorf("cache files (-want +got):\n%s", diff)
	}
	gotYML, _ := os.ReadFile(filepath.Join(dir, "upgrade_path.yml"))
	if !bytes.Equal(gotYML, yml) {
		t.Errorf("upgrade_path.yml is not stored as fetched")
	}
	tsv, _ := os.ReadFile(filepath.Join(dir, "releases.tsv"))
	for _, line := range []string{
		"# source: tags of gitlab-org/omnibus-gitlab on " + f.URL() + ", fetched by planlint data update\n",
		"# date: 2026-11-20\n",
		"\n7.13.0\t2015-07-22\n",
		"\n19.5.0\t2026-10-15\n", // lightweight tag: the commit's day in UTC
		"\n19.6.0\t2026-11-19\n", // annotated tag: the tag's day, not the commit's
	} {
		if !strings.Contains(string(tsv), line) {
			t.Errorf("releases.tsv lacks %q", line)
		}
	}
	var m datacache.Meta
	mj, _ := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err := json.Unmarshal(mj, &m); err != nil {
		t.Fatal(err)
	}
	if m.GitLabURL != f.URL() || !m.FetchedAt.Equal(testNow) || m.Releases != want.Releases || m.Stops != want.Stops || m.NewestRelease != "19.6.0" {
		t.Errorf("meta.json = %+v", m)
	}

	// Load uses the cache and says so.
	kb, desc, err := datacache.Load(opts.CacheDir, emb)
	if err != nil {
		t.Fatal(err)
	}
	if want := "cached release data of 2026-11-20 from " + f.URL(); desc != want {
		t.Errorf("Load says %q, want %q", desc, want)
	}
	if kb == emb {
		t.Fatal("Load returned the embedded knowledge")
	}
	if got := kb.Releases.Newest(); got.Version.String() != "19.6.0" || !got.Date.Equal(day("2026-11-19")) {
		t.Errorf("newest = %v", got)
	}
	if got := kb.DataDate(); !got.Equal(day("2026-11-20")) {
		t.Errorf("data date = %v", got)
	}
	if len(kb.Stops) != 39 || kb.Stops[38].Major != 20 {
		t.Errorf("stops = %d, last %v", len(kb.Stops), kb.Stops[len(kb.Stops)-1])
	}
	// Known releases keep their days; the new ones follow.
	if diff := cmp.Diff(emb.Releases.All(), kb.Releases.All()[:len(emb.Releases.All())]); diff != "" {
		t.Errorf("known releases changed (-embedded +cached):\n%s", diff)
	}
	// The new knowledge works: a path through the new stop's line.
	if _, err := kb.Path(ver(t, "19.3.0"), ver(t, "19.6.0"), false); err != nil {
		t.Errorf("path on cached data: %v", err)
	}
	for _, s := range kb.Sources {
		if (s.File == "releases.tsv" || s.File == "upgrade_path.yml") && (s.Date != "2026-11-20" || !strings.Contains(s.Origin, f.URL())) {
			t.Errorf("source %+v does not name the cache", s)
		}
	}
	// The embedded knowledge is untouched.
	if emb.Releases.Newest() != embNewest || !slices.Equal(emb.Sources, embSources) || len(emb.Stops) != 38 {
		t.Errorf("Load changed the embedded knowledge")
	}

	// The same data again: nothing newer, nothing written.
	before, _ := os.ReadFile(filepath.Join(dir, "meta.json"))
	later := opts
	later.Now = func() time.Time { return testNow.Add(48 * time.Hour) }
	res, err = Update(context.Background(), later, emb)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Kept || res.Path != "" || !strings.Contains(res.Message, "planlint's cached release data of 2026-11-20 from "+f.URL()+" already has every release") {
		t.Errorf("second update: %+v", res)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "meta.json"))
	if !bytes.Equal(before, after) {
		t.Errorf("a kept update rewrote meta.json")
	}
}

func TestUpdatePaginationStyles(t *testing.T) {
	emb := knowledge.Default()
	tests := []struct {
		name     string
		paging   paging
		requests int
	}{
		{"offset headers", pagingOffset, 13},
		{"Link header only", pagingLinkOnly, 13},
		// Page 1 holds every match; page 2 brings nothing new and ends it.
		{"GitLab's Gitaly first page", pagingGitalyFirstPage, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newerUpstream(t)
			f.paging = tt.paging
			res, err := Update(context.Background(), testOptions(f, t.TempDir()), emb)
			if err != nil {
				t.Fatal(err)
			}
			if res.Kept || res.Releases != 1247 || res.Newest.String() != "19.6.0" {
				t.Errorf("result = %+v", res)
			}
			if n := len(tagRequests(f)); n != tt.requests {
				t.Errorf("%d tag requests, want %d", n, tt.requests)
			}
		})
	}
}

// checkRefused checks an error is one clear line and nothing was written.
func checkRefused(t *testing.T, err error, dir, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one with %q", want)
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error spans lines: %q", msg)
	}
	if !strings.Contains(msg, want) {
		t.Errorf("error %q lacks %q", msg, want)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("refused update wrote %v", names)
	}
}

func TestUpdateRefusesGarbage(t *testing.T) {
	emb := knowledge.Default()
	stops := emb.Stops
	swapped := slices.Clone(stops)
	swapped[10], swapped[11] = swapped[11], swapped[10]
	junk := make([]byte, 600)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(r.IntN(256))
	}
	tagsAnswer := func(contentType, body string) func(*fakeGitLab) {
		return func(f *fakeGitLab) {
			f.override = func(w http.ResponseWriter, r *http.Request, route string) bool {
				if route != "tags" {
					return false
				}
				w.Header().Set("Content-Type", contentType)
				w.Write([]byte(body))
				return true
			}
		}
	}
	addTag := func(tag fakeTag) func(*fakeGitLab) {
		return func(f *fakeGitLab) {
			p := f.project("gitlab-org/omnibus-gitlab")
			f.setTags("gitlab-org/omnibus-gitlab", append(p.tags, tag))
		}
	}
	setUpgradePath := func(s string) func(*fakeGitLab) {
		return func(f *fakeGitLab) { f.setFile("gitlab-org/gitlab", "master", "config/upgrade_path.yml", []byte(s)) }
	}
	tests := []struct {
		name  string
		setup func(*fakeGitLab)
		want  string
	}{
		{"upgrade path is an HTML page", setUpgradePath("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>\n"),
			"config/upgrade_path.yml of gitlab-org/gitlab (ref master) on http://127.0.0.1"},
		{"upgrade path is an HTML page: says so", setUpgradePath("<html>\n<body>Maintenance</body>\n</html>\n"), "is an HTML page, not YAML"},
		{"upgrade path is random bytes", setUpgradePath(string(junk)), "is not a usable upgrade path: the answer is not text"},
		{"upgrade path is empty", setUpgradePath(""), "the file is empty"},
		{"upgrade path is a YAML mapping", setUpgradePath("stops:\n  - major: 16\n    minor: 3\n"), "not an upgrade path list"},
		{"upgrade path is a list of strings", setUpgradePath("- \"16.3\"\n- \"16.7\"\n"), "not an upgrade path list"},
		{"upgrade path entries lack major and minor", setUpgradePath("- version: 16.3\n- version: 16.7\n"), "entry 1 has no major or minor"},
		{"upgrade path is out of order", setUpgradePath(string(upgradePathYAML(t, swapped))), "the stops are not in ascending order: entry 12 (12.10) comes after entry 11 (13.0)"},
		{"upgrade path lost stops", setUpgradePath(string(upgradePathYAML(t, stops[:30]))), "has 30 stops, fewer than the 38 planlint has (missing 18.2, 18.5, 18.8, 18.11, 19.2, and 3 more)"},
		{"tags answer is an HTML page", tagsAnswer("text/html", "<!DOCTYPE html><html><body>Sign in</body></html>"), "the answer is not the JSON the GitLab API sends"},
		{"tags answer is a JSON object", tagsAnswer("application/json", `{"tags":["19.4.0+ee.0"]}`), "the answer is not the JSON the GitLab API sends"},
		{"tags answer is cut short", tagsAnswer("application/json", `[{"name":"19.4.0+ee.0","commit":{"id":"ab`), "the answer is not the JSON the GitLab API sends"},
		{"tags answer has a bad date", tagsAnswer("application/json", `[{"name":"19.4.0+ee.0","created_at":"yesterday"}]`), "the answer is not the JSON the GitLab API sends"},
		{"a tag is not a version", addTag(fakeTag{Name: "nightly+ee.0", Committed: testNow}), `tag "nightly+ee.0" is not a release tag of the form X.Y.Z+ee.0`},
		{"a tag has a pre-release version", addTag(fakeTag{Name: "19.7.0-rc1+ee.0", Committed: testNow}), `tag "19.7.0-rc1+ee.0" is not a release tag`},
		{"a tag has no date", tagsAnswer("application/json", `[{"name":"19.4.0+ee.0","commit":null,"created_at":null,"message":null,"target":"x"}]`), `tag "19.4.0+ee.0" has no date`},
		{"a tag is dated in the future", addTag(fakeTag{Name: "19.9.0+ee.0", Tagged: day("2027-02-18"), Committed: day("2027-02-17")}), `tag "19.9.0+ee.0" is dated 2027-02-18, which cannot be a release day`},
		{"a tag is dated before GitLab", addTag(fakeTag{Name: "19.9.0+ee.0", Committed: time.Unix(0, 0)}), "is dated 1970-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newerUpstream(t)
			tt.setup(f)
			dir := t.TempDir()
			_, err := Update(context.Background(), testOptions(f, dir), emb)
			checkRefused(t, err, dir, tt.want)
		})
	}
}

func TestUpdateHTTPFailures(t *testing.T) {
	emb := knowledge.Default()
	answer := func(route string, status int, body string) func(*fakeGitLab) {
		return func(f *fakeGitLab) {
			f.override = func(w http.ResponseWriter, r *http.Request, rt string) bool {
				if rt != route {
					return false
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				w.Write([]byte(body))
				return true
			}
		}
	}
	tests := []struct {
		name     string
		setup    func(*fakeGitLab)
		timeout  time.Duration
		want     string
		requests int    // to route, 0: do not check
		route    string // "raw" or "tags"
	}{
		{"project not there", func(f *fakeGitLab) {
			f.mu.Lock()
			delete(f.projects, "gitlab-org/omnibus-gitlab")
			f.mu.Unlock()
		}, 0, "fetching the tags of gitlab-org/omnibus-gitlab on http://127.0.0.1", 1, "tags"},
		{"project not there: 404", func(f *fakeGitLab) {
			f.mu.Lock()
			delete(f.projects, "gitlab-org/omnibus-gitlab")
			f.mu.Unlock()
		}, 0, "not found (HTTP 404): no such public project there", 1, "tags"},
		{"file not on master", func(f *fakeGitLab) {
			p := f.project("gitlab-org/gitlab")
			f.mu.Lock()
			p.files = map[string]map[string][]byte{"main": p.files["master"]}
			f.mu.Unlock()
		}, 0, "fetching config/upgrade_path.yml of gitlab-org/gitlab (ref master) on http://127.0.0.1", 1, "raw"},
		{"500 on the tags, after retries", answer("tags", 500, `{"message":"500 Internal Server Error"}`), 0,
			"fetching the tags of gitlab-org/omnibus-gitlab on http://127.0.0.1", 1 + retryMax, "tags"},
		{"500 on the tags: status", answer("tags", 500, `{"message":"500 Internal Server Error"}`), 0,
			"(page 1): HTTP 500 Internal Server Error: 500 Internal Server Error", 1 + retryMax, "tags"},
		{"502 HTML page on the raw file", answer("raw", 502, "<html>\n<body>Bad gateway</body>\n</html>"), 0,
			"config/upgrade_path.yml of gitlab-org/gitlab (ref master) on http://127.0.0.1:", 1 + retryMax, "raw"},
		{"502 HTML page: status only", answer("raw", 502, "<html>\n<body>Bad gateway</body>\n</html>"), 0, ": HTTP 502 Bad Gateway", 0, ""},
		{"403 on the tags", answer("tags", 403, `{"message":"403 Forbidden"}`), 0, "HTTP 403 Forbidden: 403 Forbidden", 1, "tags"},
		{"no answer in time", func(f *fakeGitLab) {
			f.override = func(w http.ResponseWriter, r *http.Request, route string) bool {
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
				return true
			}
		}, 300 * time.Millisecond, "no complete answer within 300ms", 1, "raw"},
		{"answer too large", func(f *fakeGitLab) {
			f.setFile("gitlab-org/gitlab", "master", "config/upgrade_path.yml", bytes.Repeat([]byte("# padding\n"), 500_000))
		}, 0, "the answer is larger than 4 MiB", 1, "raw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newerUpstream(t)
			tt.setup(f)
			dir := t.TempDir()
			opts := testOptions(f, dir)
			opts.Timeout = tt.timeout
			start := time.Now()
			_, err := Update(context.Background(), opts, emb)
			checkRefused(t, err, dir, tt.want)
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("took %s", el)
			}
			if tt.requests > 0 {
				route := "/repository/tags"
				if tt.route == "raw" {
					route = "/raw"
				}
				n := 0
				for _, r := range f.Requests() {
					if strings.Contains(r, route) {
						n++
					}
				}
				if n != tt.requests {
					t.Errorf("%d requests to %s, want %d", n, route, tt.requests)
				}
			}
		})
	}
}

func TestUpdateServerDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	dir := t.TempDir()
	_, err := Update(context.Background(), Options{GitLabURL: url, CacheDir: dir, Now: func() time.Time { return testNow }}, knowledge.Default())
	checkRefused(t, err, dir, "connection refused")
}

func TestUpdateKeepsListThatIsNotNewer(t *testing.T) {
	emb := knowledge.Default()
	all := emb.Releases.All()
	yml := upgradePathYAML(t, emb.Stops)
	tests := []struct {
		name     string
		releases []knowledge.Release
		want     string
	}{
		{"older list", all[:len(all)-5], "planlint's embedded release data of 2026-08-21 is already newer than the release list from http://127.0.0.1"},
		{"older list: versions", all[:len(all)-5], "(newest release there 19.1.6, in planlint 19.3.0); nothing written"},
		{"the same list", all, "planlint's embedded release data of 2026-08-21 already has every release in the list from http://127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := upstream(t, tt.releases, yml)
			dir := t.TempDir()
			res, err := Update(context.Background(), testOptions(f, dir), emb)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Kept || res.Path != "" || !strings.Contains(res.Message, tt.want) {
				t.Errorf("result = %+v, want Kept with %q", res, tt.want)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("kept update wrote %v", names)
			}
		})
	}
}

func TestUpdateRefusesTruncatedList(t *testing.T) {
	emb := knowledge.Default()
	t.Run("old releases missing", func(t *testing.T) {
		f, _ := newerUpstream(t)
		p := f.project("gitlab-org/omnibus-gitlab")
		var kept []fakeTag
		for _, tag := range p.tags {
			if !strings.HasPrefix(tag.Name, "7.") {
				kept = append(kept, tag)
			}
		}
		f.setTags("gitlab-org/omnibus-gitlab", kept)
		dir := t.TempDir()
		_, err := Update(context.Background(), testOptions(f, dir), emb)
		checkRefused(t, err, dir, "the release list from http://127.0.0.1")
		checkRefused(t, err, dir, "lacks 10 release(s) that planlint's embedded release data of 2026-08-21 has (7.13.0, 7.13.1, 7.13.2, 7.13.3, 7.13.4, and 5 more): refusing a truncated or rewritten list")
	})
	t.Run("pages missing", func(t *testing.T) {
		f, _ := newerUpstream(t)
		f.lastPage = 3 // the newest 300 releases only
		dir := t.TempDir()
		_, err := Update(context.Background(), testOptions(f, dir), emb)
		checkRefused(t, err, dir, "lacks 947 release(s)")
	})
}

func TestLoadWithoutCache(t *testing.T) {
	emb := knowledge.Default()
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "never-made")} {
		kb, desc, err := datacache.Load(dir, emb)
		if err != nil {
			t.Fatal(err)
		}
		if kb != emb || desc != "embedded release data of 2026-08-21" {
			t.Errorf("Load(%s) = %p, %q", dir, kb, desc)
		}
	}
}

func TestDefaultCacheDir(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache) // os.UserCacheDir on Linux
	t.Setenv("HOME", t.TempDir())
	emb := knowledge.Default()
	f, _ := newerUpstream(t)
	opts := testOptions(f, "")
	res, err := Update(context.Background(), opts, emb)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cache, "planlint"); res.Path != want {
		t.Errorf("stored in %s, want %s", res.Path, want)
	}
	if _, desc, _ := datacache.Load("", emb); !strings.HasPrefix(desc, "cached release data of 2026-11-20") {
		t.Errorf("Load with default options says %q", desc)
	}
}

func TestLoadIgnoresUnusableCache(t *testing.T) {
	emb := knowledge.Default()
	rewrite := func(name string, fix func([]byte) []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, name)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, fix(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// consistent rewrites a data file and its checksum, as a bug or a
	// hand edit would.
	consistent := func(name string, fix func([]byte) []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			rewrite(name, fix)(t, dir)
			b, _ := os.ReadFile(filepath.Join(dir, name))
			rewrite("meta.json", func(mj []byte) []byte {
				var m datacache.Meta
				if err := json.Unmarshal(mj, &m); err != nil {
					t.Fatal(err)
				}
				if name == "releases.tsv" {
					m.ReleasesSHA256 = sha256Hex(b)
				} else {
					m.UpgradePathSHA256 = sha256Hex(b)
				}
				out, _ := json.Marshal(m)
				return out
			})(t, dir)
		}
	}
	remove := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		corrupt func(t *testing.T, dir string)
		want    string
	}{
		{"releases.tsv overwritten", rewrite("releases.tsv", func([]byte) []byte { return []byte("\x00\x01garbage") }), "releases.tsv does not match the checksum in meta.json"},
		{"releases.tsv cut short", rewrite("releases.tsv", func(b []byte) []byte { return b[:len(b)/2] }), "releases.tsv does not match the checksum in meta.json"},
		{"releases.tsv gone", remove("releases.tsv"), "releases.tsv: no such file or directory"},
		{"upgrade_path.yml edited", rewrite("upgrade_path.yml", func(b []byte) []byte { return append(b, "- major: 1\n"...) }), "upgrade_path.yml does not match the checksum"},
		{"meta.json garbage", rewrite("meta.json", func([]byte) []byte { return []byte("{not json") }), "meta.json: invalid character"},
		{"meta.json of another format", rewrite("meta.json", func([]byte) []byte { return []byte(`{"format": 2}`) }), "meta.json: format 2, want 1"},
		{"meta.json gone", remove("meta.json"), "releases.tsv is there but meta.json is not (an interrupted update?)"},
		{"releases.tsv with a bad row", consistent("releases.tsv", func(b []byte) []byte { return append(b, "19.x.0\t2026-11-19\n"...) }), `releases.tsv: line 1252: bad version "19.x.0"`},
		{"upgrade_path.yml out of order", consistent("upgrade_path.yml", func(b []byte) []byte { return append(b, "- major: 9\n  minor: 0\n"...) }), "upgrade_path.yml: the stops are not in ascending order"},
		{"cache directory is a file", func(t *testing.T, dir string) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "meta.json: not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newerUpstream(t)
			dir := filepath.Join(t.TempDir(), "planlint")
			opts := testOptions(f, dir)
			if _, err := Update(context.Background(), opts, emb); err != nil {
				t.Fatal(err)
			}
			tt.corrupt(t, dir)
			kb, desc, err := datacache.Load(opts.CacheDir, emb)
			if err != nil {
				t.Fatal(err)
			}
			if kb != emb {
				t.Errorf("Load used the unusable cache")
			}
			prefix := "embedded release data of 2026-08-21 (cached data in " + dir + " ignored: "
			if !strings.HasPrefix(desc, prefix) || !strings.Contains(desc, tt.want) || strings.Contains(desc, "\n") {
				t.Errorf("Load says %q, want %q…%q", desc, prefix, tt.want)
			}
			if tt.name == "cache directory is a file" {
				return
			}
			// An update repairs the cache.
			res, err := Update(context.Background(), opts, emb)
			if err != nil || res.Kept {
				t.Fatalf("update over an unusable cache: %+v, %v", res, err)
			}
			if _, desc, _ := datacache.Load(opts.CacheDir, emb); !strings.HasPrefix(desc, "cached release data of 2026-11-20") {
				t.Errorf("after repair Load says %q", desc)
			}
		})
	}
}

// olderBase is the embedded knowledge as an older planlint had it: the
// releases up to 19.1.
func olderBase(t *testing.T) *knowledge.Base {
	t.Helper()
	emb := knowledge.Default()
	var list []knowledge.Release
	for _, r := range emb.Releases.All() {
		if r.Version.CompareMinor(ver(t, "19.2")) < 0 {
			list = append(list, r)
		}
	}
	rel, err := knowledge.NewReleases(list, list[len(list)-1].Date)
	if err != nil {
		t.Fatal(err)
	}
	c := *emb
	c.Releases = rel
	return &c
}

func TestLoadPrefersNewerEmbeddedData(t *testing.T) {
	emb := knowledge.Default()
	// An older planlint fetched a list that was newer than its own data
	// but older than this planlint's: the releases up to 19.2.
	var list []knowledge.Release
	for _, r := range emb.Releases.All() {
		if r.Version.CompareMinor(ver(t, "19.3")) < 0 {
			list = append(list, r)
		}
	}
	f := upstream(t, list, upgradePathYAML(t, emb.Stops))
	dir := t.TempDir()
	opts := testOptions(f, dir)
	res, err := Update(context.Background(), opts, olderBase(t))
	if err != nil || res.Kept {
		t.Fatalf("update for the older planlint: %+v, %v", res, err)
	}

	kb, desc, err := datacache.Load(opts.CacheDir, emb)
	if err != nil {
		t.Fatal(err)
	}
	want := "embedded release data of 2026-08-21 (the cached release data of 2026-11-20 from " + f.URL() + " is not newer)"
	if kb != emb || desc != want {
		t.Errorf("Load = %p, %q; want embedded, %q", kb, desc, want)
	}
	// Updating from the same server now keeps the embedded data.
	res, err = Update(context.Background(), opts, emb)
	if err != nil || !res.Kept || !strings.Contains(res.Message, "planlint's embedded release data of 2026-08-21 is already newer") {
		t.Errorf("update = %+v, %v", res, err)
	}
}

func TestLoadKeepsEmbeddedStopsWhenCachedListIsShorter(t *testing.T) {
	emb := knowledge.Default()
	ob := olderBase(t)
	ob.Stops = emb.Stops[:30] // an older planlint knew fewer stops
	f := upstream(t, embeddedPlus(t), upgradePathYAML(t, emb.Stops[:30]))
	dir := t.TempDir()
	opts := testOptions(f, dir)
	if _, err := Update(context.Background(), opts, ob); err != nil {
		t.Fatal(err)
	}
	kb, desc, err := datacache.Load(opts.CacheDir, emb)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(desc, "cached release data of 2026-11-20") || kb.Releases.Newest().Version.String() != "19.6.0" {
		t.Errorf("Load = %q, newest %v", desc, kb.Releases.Newest())
	}
	if len(kb.Stops) != len(emb.Stops) {
		t.Errorf("stops = %d, want the embedded %d", len(kb.Stops), len(emb.Stops))
	}
	for _, s := range kb.Sources {
		if s.File == "upgrade_path.yml" && strings.Contains(s.Origin, "cached") {
			t.Errorf("stops source names the cache: %+v", s)
		}
	}
}

func TestOptionsURL(t *testing.T) {
	// A transport that fails the test: bad URLs must fail before any request.
	noNet := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("request to %s", r.URL)
		return nil, errors.New("no network in tests")
	})}
	for _, tt := range []struct{ in, want string }{
		{"ftp://gitlab.example.com", `GitLab URL "ftp://gitlab.example.com" must start with https://`},
		{"gitlab.example.com", `GitLab URL "gitlab.example.com" must start with https://`},
		{"https://", `GitLab URL "https://" has no host`},
		{"https://user:secret@gitlab.example.com", "GitLab URL must not contain credentials"},
		{"https://gitlab.example.com/?private_token=x", "must not have a query or fragment"},
	} {
		dir := t.TempDir()
		_, err := Update(context.Background(), Options{GitLabURL: tt.in, CacheDir: dir, HTTPClient: noNet}, knowledge.Default())
		checkRefused(t, err, dir, tt.want)
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"", "https://gitlab.com"},
		{"https://gitlab.example.com/", "https://gitlab.example.com"},
		{" https://example.com/gitlab/api/v4/ ", "https://example.com/gitlab"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
	} {
		got, err := normalizeURL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("normalizeURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNilEmbedded(t *testing.T) {
	if _, _, err := datacache.Load(t.TempDir(), nil); err == nil {
		t.Error("Load(nil) did not fail")
	}
	if _, err := Update(context.Background(), Options{CacheDir: t.TempDir()}, nil); err == nil {
		t.Error("Update(nil) did not fail")
	}
}

// sha256Hex is the checksum meta.json records for a file.
func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
