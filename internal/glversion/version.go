// Package glversion reads GitLab version numbers in every form people and
// package managers write them, and finds them in free text.
//
// GitLab versions carry edition and package-revision decorations that are
// not part of the version: "16.11.10-ee.0", "16.11.10+ee.0" and
// "gitlab-ee-16.11.10-ee.0.el8.x86_64.rpm" all mean 16.11.10. A semantic
// version parser given those raw strings reads "-ee.0" as a prerelease and
// orders it below 16.11.10, so every string is normalised before it reaches
// github.com/hashicorp/go-version.
package glversion

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	goversion "github.com/hashicorp/go-version"
)

// Version is a GitLab version. A version written without a patch number
// ("16.11") or with a wildcard patch ("16.11.x") names a whole minor
// release line; HasPatch is false for both and Wildcard tells them apart.
type Version struct {
	Major, Minor, Patch int
	HasPatch            bool
	Wildcard            bool
}

// New returns the exact version major.minor.patch.
func New(major, minor, patch int) Version {
	return Version{Major: major, Minor: minor, Patch: patch, HasPatch: true}
}

// NewMinor returns the minor release line major.minor.
func NewMinor(major, minor int) Version {
	return Version{Major: major, Minor: minor}
}

// IsZero reports whether v is the zero Version (no version).
func (v Version) IsZero() bool { return v == Version{} }

// String returns the canonical form: "16.11.10", "16.11" or "16.11.x".
func (v Version) String() string {
	switch {
	case v.HasPatch:
		return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + "." + strconv.Itoa(v.Patch)
	case v.Wildcard:
		return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + ".x"
	default:
		return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
	}
}

// MinorString returns "major.minor".
func (v Version) MinorString() string {
	return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
}

// Line returns the minor release line of v (v without its patch).
func (v Version) Line() Version { return NewMinor(v.Major, v.Minor) }

// Semver returns v as a hashicorp/go-version value, for checks against
// version constraints. The value never carries the edition or package
// decorations, which go-version would read as a prerelease. A version
// without a patch number is read as patch 0.
func (v Version) Semver() *goversion.Version {
	key := [3]int{v.Major, v.Minor, v.Patch}
	semverMu.RLock()
	sv := semverCache[key]
	semverMu.RUnlock()
	if sv != nil {
		return sv
	}
	sv = goversion.Must(goversion.NewVersion(strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + "." + strconv.Itoa(v.Patch)))
	semverMu.Lock()
	if semverCache == nil {
		semverCache = map[[3]int]*goversion.Version{}
	}
	semverCache[key] = sv
	semverMu.Unlock()
	return sv
}

// CompareMinor orders the minor release lines of v and o.
func (v Version) CompareMinor(o Version) int {
	switch {
	case v.Major != o.Major:
		return cmpInt(v.Major, o.Major)
	default:
		return cmpInt(v.Minor, o.Minor)
	}
}

// Compare orders v and o. A version without a patch number sorts as patch
// 0 of its minor, so "16.11" < "16.11.1".
func (v Version) Compare(o Version) int {
	if c := v.CompareMinor(o); c != 0 {
		return c
	}
	return cmpInt(v.Patch, o.Patch)
}

// Matches reports whether v and o can name the same release: the same
// minor, and the same patch when both state one.
func (v Version) Matches(o Version) bool {
	if v.CompareMinor(o) != 0 {
		return false
	}
	return !v.HasPatch || !o.HasPatch || v.Patch == o.Patch
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Parse reads a single version string in any form GitLab versions are
// written in: "16.11.10", "v16.11.10", "16.11.10-ee", "16.11.10-ee.0",
// "16.11.10+ee.0", "gitlab-ee=16.11.10-ee.0",
// "gitlab-ee-16.11.10-ee.0.el8.x86_64.rpm", "gitlab/gitlab-ee:16.11.10-ee.0",
// "16.11" and "16.11.x". Surrounding text is not allowed; use Scan to find
// versions in prose.
func Parse(s string) (Version, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return Version{}, fmt.Errorf("empty version")
	}
	var found []Mention
	found = Scan(raw, found)
	if len(found) != 1 {
		return Version{}, fmt.Errorf("%q is not a GitLab version", s)
	}
	m := found[0]
	rest := strings.TrimSpace(raw[:m.Start] + raw[m.End:])
	if rest != "" && !isDecoration(rest) {
		return Version{}, fmt.Errorf("%q is not a GitLab version", s)
	}
	return m.Version, nil
}

// isDecoration reports whether the text left around a version in a single
// version string is only package or image naming.
func isDecoration(rest string) bool {
	r := strings.ToLower(rest)
	for _, w := range []string{"gitlab/gitlab-ee:", "gitlab/gitlab-ce:", "gitlab-ee=", "gitlab-ce=", "gitlab-ee-", "gitlab-ce-", "gitlab-ee_", "gitlab-ce_", "gitlab-ee", "gitlab-ce", "gitlab"} {
		r = strings.Replace(r, w, "", 1)
	}
	r = strings.Trim(r, " =:-_")
	return r == ""
}

// semverCache holds the go-version values Semver made, by major, minor
// and patch: go-version parses with a regular expression.
var (
	semverMu    sync.RWMutex
	semverCache map[[3]int]*goversion.Version
)
