// Package datacache keeps the knowledge "planlint data update" fetched
// in the user cache directory, and picks the newer of the cached and the
// embedded knowledge for lint, path and init. It only reads and writes
// files: the fetching is in internal/update, which planlint-net links, so
// that planlint itself links no HTTP client and starts quickly. The tests
// are in internal/update, which fills caches through a fake GitLab.
package datacache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"gopkg.in/yaml.v3"
)

// Where the facts live upstream: the projects internal/update fetches
// from, named in the sources of cached data.
const (
	UpgradePathProject = "gitlab-org/gitlab"
	UpgradePathFile    = "config/upgrade_path.yml"
	UpgradePathRef     = "master"

	ReleasesProject = "gitlab-org/omnibus-gitlab"
)

// The files of the cache directory.
const (
	releasesFile    = "releases.tsv"
	upgradePathName = "upgrade_path.yml"
	metaFile        = "meta.json"
	metaFormat      = 1
	// maxCacheFile bounds what Load reads; the real files are < 100 KB.
	maxCacheFile = 16 << 20
)

// Meta is meta.json: where and when the data was fetched, and checksums
// that tie the two data files to this fetch.
type Meta struct {
	Format            int       `json:"format"`
	GitLabURL         string    `json:"gitlab_url"`
	FetchedAt         time.Time `json:"fetched_at"`
	Releases          int       `json:"releases"`
	Stops             int       `json:"stops"`
	NewestRelease     string    `json:"newest_release"`
	NewestReleaseDate string    `json:"newest_release_date"`
	ReleasesSHA256    string    `json:"releases_sha256"`
	UpgradePathSHA256 string    `json:"upgrade_path_sha256"`
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Write stores the data files, then meta.json, each atomically.
func Write(dir string, releases, upgradePath []byte, m Meta) error {
	m.Format = metaFormat
	m.ReleasesSHA256 = sum(releases)
	m.UpgradePathSHA256 = sum(upgradePath)
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("update: %v", err)
	}
	mj = append(mj, '\n')
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the cache directory: %v", err)
	}
	// Write every temporary file first, so a full disk or a permission
	// problem leaves the old cache as it was.
	files := []struct {
		name string
		data []byte
	}{{releasesFile, releases}, {upgradePathName, upgradePath}, {metaFile, mj}}
	tmps := make([]string, 0, len(files))
	defer func() {
		for _, t := range tmps {
			os.Remove(t) // gone after a rename; cleans up after a failure
		}
	}()
	for _, f := range files {
		t, err := writeTemp(dir, f.name, f.data)
		if err != nil {
			return fmt.Errorf("cannot write the cache in %s: %v", dir, err)
		}
		tmps = append(tmps, t)
	}
	// meta.json last: until it is in place, Load's checksums reject a
	// half-renamed set.
	for i, f := range files {
		if err := os.Rename(tmps[i], filepath.Join(dir, f.name)); err != nil {
			return fmt.Errorf("cannot write the cache in %s: %v", dir, err)
		}
	}
	return nil
}

func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if werr == nil {
		werr = f.Chmod(0o644)
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", werr
	}
	return f.Name(), nil
}

// cached is a parsed, checked cache.
type cached struct {
	meta     Meta
	releases *knowledge.Releases
	stops    []knowledge.Stop
}

// errNoCache means the cache directory holds no data at all.
var errNoCache = errors.New("no cached data")

// read reads and checks the cache in dir.
func read(dir string) (*cached, error) {
	mj, err := readSmall(filepath.Join(dir, metaFile))
	if errors.Is(err, fs.ErrNotExist) {
		// No meta.json: nothing was ever stored, unless data files lie
		// there from an interrupted first update.
		for _, n := range []string{releasesFile, upgradePathName} {
			if _, serr := os.Stat(filepath.Join(dir, n)); serr == nil {
				return nil, fmt.Errorf("%s is there but %s is not (an interrupted update?)", n, metaFile)
			}
		}
		return nil, errNoCache
	}
	if err != nil {
		return nil, err
	}
	var m Meta
	if err := json.Unmarshal(mj, &m); err != nil {
		return nil, fmt.Errorf("%s: %s", metaFile, OneLine(err.Error()))
	}
	if m.Format != metaFormat {
		return nil, fmt.Errorf("%s: format %d, want %d", metaFile, m.Format, metaFormat)
	}
	if u, err := url.Parse(m.GitLabURL); err != nil || u.Host == "" || m.GitLabURL != OneLine(m.GitLabURL) {
		return nil, fmt.Errorf("%s: bad gitlab_url", metaFile)
	}
	rel, err := readSmall(filepath.Join(dir, releasesFile))
	if err != nil {
		return nil, err
	}
	up, err := readSmall(filepath.Join(dir, upgradePathName))
	if err != nil {
		return nil, err
	}
	if sum(rel) != m.ReleasesSHA256 {
		return nil, fmt.Errorf("%s does not match the checksum in %s", releasesFile, metaFile)
	}
	if sum(up) != m.UpgradePathSHA256 {
		return nil, fmt.Errorf("%s does not match the checksum in %s", upgradePathName, metaFile)
	}
	c := &cached{meta: m}
	if c.releases, err = knowledge.ParseReleases(rel); err != nil {
		return nil, fmt.Errorf("%s: %s", releasesFile, OneLine(err.Error()))
	}
	if n := len(c.releases.All()); n != m.Releases {
		return nil, fmt.Errorf("%s has %d releases, %s says %d", releasesFile, n, metaFile, m.Releases)
	}
	if c.stops, err = ParseStops(up); err != nil {
		return nil, fmt.Errorf("%s: %s", upgradePathName, err)
	}
	return c, nil
}

func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxCacheFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxCacheFile {
		return nil, fmt.Errorf("%s is larger than %d MiB", filepath.Base(path), maxCacheFile>>20)
	}
	return b, nil
}

// Choice is the knowledge planlint uses and how to say so.
type Choice struct {
	Base   *knowledge.Base
	Cached bool
	// Label names the release data: "embedded release data of D" or
	// "cached release data of D from URL".
	Label string
	// Desc is Label plus, when the cache was passed over, why.
	Desc string
}

func embeddedLabel(b *knowledge.Base) string {
	return "embedded release data of " + b.DataDate().Format(time.DateOnly)
}

// Current picks the newer of the cache in dir and embedded. dirErr says
// why there is no cache directory, if so.
func Current(dir string, dirErr error, embedded *knowledge.Base) Choice {
	emb := Choice{Base: embedded, Label: embeddedLabel(embedded)}
	emb.Desc = emb.Label
	if dirErr != nil {
		emb.Desc += " (no cache: " + OneLine(dirErr.Error()) + ")"
		return emb
	}
	c, err := read(dir)
	if errors.Is(err, errNoCache) {
		return emb
	}
	if err != nil {
		emb.Desc += fmt.Sprintf(" (cached data in %s ignored: %s)", dir, Clip(OneLine(err.Error()), 200))
		return emb
	}
	cacheLabel := fmt.Sprintf("cached release data of %s from %s", c.releases.Date.Format(time.DateOnly), c.meta.GitLabURL)
	missing, added := DiffReleases(embedded.Releases, c.releases)
	if len(missing) > 0 || len(added) == 0 {
		emb.Desc += fmt.Sprintf(" (the %s is not newer)", cacheLabel)
		return emb
	}
	b := build(embedded, c, dir)
	return Choice{Base: b, Cached: true, Label: cacheLabel, Desc: cacheLabel}
}

// build returns a copy of embedded with the cached releases and, when the
// cached list has at least as many stops, the cached stops.
func build(embedded *knowledge.Base, c *cached, dir string) *knowledge.Base {
	day := c.releases.Date.Format(time.DateOnly)
	stops := embedded.Stops
	stopsSrc := knowledge.Source{}
	for _, s := range embedded.Sources {
		if s.File == "upgrade_path.yml" {
			stopsSrc = s
		}
	}
	if len(c.stops) >= len(embedded.Stops) {
		stops = c.stops
		stopsSrc = knowledge.Source{
			File:   "upgrade_path.yml",
			Origin: fmt.Sprintf("%s %s (ref %s) on %s, cached in %s", UpgradePathProject, UpgradePathFile, UpgradePathRef, c.meta.GitLabURL, dir),
			Date:   day,
		}
	}
	b := embedded.WithStops(stops, stopsSrc) // a copy with its own Sources
	b.Releases = c.releases
	for i := range b.Sources {
		if b.Sources[i].File == "releases.tsv" {
			b.Sources[i] = knowledge.Source{
				File:   "releases.tsv",
				Origin: fmt.Sprintf("tags of %s on %s, cached in %s", ReleasesProject, c.meta.GitLabURL, dir),
				Date:   day,
			}
		}
	}
	return b
}

// Load returns the knowledge planlint should use: a copy of embedded with
// the cached releases (and the cached stops, unless they are fewer than
// the embedded ones) when the cache holds every embedded release and at
// least one more, else embedded itself. The string says which release
// data that is, in the form "embedded release data of 2026-08-21" or
// "cached release data of 2026-11-20 from https://gitlab.com"; when a
// cache was passed over it adds why in parentheses, for example
// "embedded release data of 2026-08-21 (cached data in DIR ignored:
// releases.tsv does not match the checksum in meta.json)".
//
// Load only reads cacheDir (default: os.UserCacheDir()/planlint). A missing, unreadable, corrupt, stale
// or half-written cache never fails: Load falls back to embedded and says
// so. The error is non-nil only when embedded is nil.
func Load(cacheDir string, embedded *knowledge.Base) (*knowledge.Base, string, error) {
	if embedded == nil || embedded.Releases == nil {
		return nil, "", errors.New("datacache: no embedded knowledge")
	}
	dir, err := Dir(cacheDir)
	c := Current(dir, err, embedded)
	return c.Base, c.Desc, nil
}

// ParseStops reads an upgrade path list in upstream format and checks
// that it is in ascending order without repeats, as upstream keeps it.
func ParseStops(data []byte) ([]knowledge.Stop, error) {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("the file is empty")
	case trimmed[0] == '<':
		return nil, fmt.Errorf("the answer is an HTML page, not YAML")
	case !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0:
		return nil, fmt.Errorf("the answer is not text")
	}
	stops, err := knowledge.ParseUpgradePath(data)
	if err != nil {
		return nil, fmt.Errorf("%s", OneLine(err.Error()))
	}
	// ParseUpgradePath sorts; the order check needs the file's own order.
	var raw []struct {
		Major int `yaml:"major"`
		Minor int `yaml:"minor"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("not an upgrade path list: %s", OneLine(err.Error()))
	}
	for i := 1; i < len(raw); i++ {
		a, b := raw[i-1], raw[i]
		if b.Major < a.Major || b.Major == a.Major && b.Minor <= a.Minor {
			return nil, fmt.Errorf("the stops are not in ascending order: entry %d (%d.%d) comes after entry %d (%d.%d)",
				i+1, b.Major, b.Minor, i, a.Major, a.Minor)
		}
	}
	return stops, nil
}

// DiffReleases returns the versions have has and got lacks, and the
// versions got has and have lacks, each in version order.
func DiffReleases(have, got *knowledge.Releases) (missing, added []glversion.Version) {
	inGot := map[glversion.Version]bool{}
	for _, r := range got.All() {
		inGot[r.Version] = true
	}
	inHave := map[glversion.Version]bool{}
	for _, r := range have.All() {
		inHave[r.Version] = true
		if !inGot[r.Version] {
			missing = append(missing, r.Version)
		}
	}
	for _, r := range got.All() {
		if !inHave[r.Version] {
			added = append(added, r.Version)
		}
	}
	return missing, added
}

// Dir returns dir, or the default cache directory
// os.UserCacheDir()/planlint when dir is "".
func Dir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache directory: %v", err)
	}
	return filepath.Join(base, "planlint"), nil
}

// OneLine folds s onto one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Clip cuts s to n bytes, marking the cut.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Sample lists up to five versions.
func Sample(vs []glversion.Version) string {
	var parts []string
	for i, v := range vs {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(vs)-5))
			break
		}
		parts = append(parts, v.String())
	}
	return strings.Join(parts, ", ")
}
