package update

import (
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
	"time"

	"github.com/planlint/planlint/internal/knowledge"
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

// meta is meta.json: where and when the data was fetched, and checksums
// that tie the two data files to this fetch.
type meta struct {
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

// writeCache stores the data files, then meta.json, each atomically.
func writeCache(dir string, releases, upgradePath []byte, m meta) error {
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
	meta     meta
	releases *knowledge.Releases
	stops    []knowledge.Stop
}

// errNoCache means the cache directory holds no data at all.
var errNoCache = errors.New("no cached data")

// readCache reads and checks the cache in dir.
func readCache(dir string) (*cached, error) {
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
	var m meta
	if err := json.Unmarshal(mj, &m); err != nil {
		return nil, fmt.Errorf("%s: %s", metaFile, oneLine(err.Error()))
	}
	if m.Format != metaFormat {
		return nil, fmt.Errorf("%s: format %d, want %d", metaFile, m.Format, metaFormat)
	}
	if u, err := url.Parse(m.GitLabURL); err != nil || u.Host == "" || m.GitLabURL != oneLine(m.GitLabURL) {
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
		return nil, fmt.Errorf("%s: %s", releasesFile, oneLine(err.Error()))
	}
	if n := len(c.releases.All()); n != m.Releases {
		return nil, fmt.Errorf("%s has %d releases, %s says %d", releasesFile, n, metaFile, m.Releases)
	}
	if c.stops, err = parseStops(up); err != nil {
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

// choice is the knowledge planlint uses and how to say so.
type choice struct {
	base   *knowledge.Base
	cached bool
	// label names the release data: "embedded release data of D" or
	// "cached release data of D from URL".
	label string
	// desc is label plus, when the cache was passed over, why.
	desc string
}

func embeddedLabel(b *knowledge.Base) string {
	return "embedded release data of " + b.DataDate().Format(time.DateOnly)
}

// current picks the newer of the cache in dir and embedded. dirErr says
// why there is no cache directory, if so.
func current(dir string, dirErr error, embedded *knowledge.Base) choice {
	emb := choice{base: embedded, label: embeddedLabel(embedded)}
	emb.desc = emb.label
	if dirErr != nil {
		emb.desc += " (no cache: " + oneLine(dirErr.Error()) + ")"
		return emb
	}
	c, err := readCache(dir)
	if errors.Is(err, errNoCache) {
		return emb
	}
	if err != nil {
		emb.desc += fmt.Sprintf(" (cached data in %s ignored: %s)", dir, clip(oneLine(err.Error()), 200))
		return emb
	}
	cacheLabel := fmt.Sprintf("cached release data of %s from %s", c.releases.Date.Format(time.DateOnly), c.meta.GitLabURL)
	missing, added := diffReleases(embedded.Releases, c.releases)
	if len(missing) > 0 || len(added) == 0 {
		emb.desc += fmt.Sprintf(" (the %s is not newer)", cacheLabel)
		return emb
	}
	b := build(embedded, c, dir)
	return choice{base: b, cached: true, label: cacheLabel, desc: cacheLabel}
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
			Origin: fmt.Sprintf("%s %s (ref %s) on %s, cached in %s", upgradePathProject, upgradePathFile, upgradePathRef, c.meta.GitLabURL, dir),
			Date:   day,
		}
	}
	b := embedded.WithStops(stops, stopsSrc) // a copy with its own Sources
	b.Releases = c.releases
	for i := range b.Sources {
		if b.Sources[i].File == "releases.tsv" {
			b.Sources[i] = knowledge.Source{
				File:   "releases.tsv",
				Origin: fmt.Sprintf("tags of %s on %s, cached in %s", releasesProject, c.meta.GitLabURL, dir),
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
// Load only reads Options.CacheDir. A missing, unreadable, corrupt, stale
// or half-written cache never fails: Load falls back to embedded and says
// so. The error is non-nil only when embedded is nil.
func Load(opts Options, embedded *knowledge.Base) (*knowledge.Base, string, error) {
	if embedded == nil || embedded.Releases == nil {
		return nil, "", errors.New("update: no embedded knowledge")
	}
	dir, err := cacheDir(opts.CacheDir)
	c := current(dir, err, embedded)
	return c.base, c.desc, nil
}
