package update

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/datacache"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	gitlab "gitlab.com/gitlab-org/api/client-go/v2"
)

// fetchUpgradePath reads config/upgrade_path.yml of gitlab-org/gitlab at
// master and parses it.
func fetchUpgradePath(ctx context.Context, cl *gitlab.Client, o options) ([]byte, []knowledge.Stop, error) {
	what := fmt.Sprintf("%s of %s (ref %s) on %s", datacache.UpgradePathFile, datacache.UpgradePathProject, datacache.UpgradePathRef, o.url)
	rc, _, err := cl.RepositoryFiles.GetRawFileReader(datacache.UpgradePathProject, datacache.UpgradePathFile,
		&gitlab.GetRawFileOptions{Ref: gitlab.Ptr(datacache.UpgradePathRef)}, gitlab.WithContext(ctx))
	if err != nil {
		if isNotFound(err) {
			return nil, nil, fmt.Errorf("fetching %s: not found (HTTP 404): no such public project, file or branch there", what)
		}
		return nil, nil, fmt.Errorf("fetching %s: %s", what, describeFetchError(err, o.timeout))
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, nil, fmt.Errorf("fetching %s: %s", what, describeFetchError(err, o.timeout))
	}
	stops, err := datacache.ParseStops(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s is not a usable upgrade path: %s", what, err)
	}
	return data, stops, nil
}

// checkStopsAgainst refuses a fetched stop list with fewer stops than the
// embedded one.
func checkStopsAgainst(got, embedded []knowledge.Stop, from string) error {
	if len(got) >= len(embedded) {
		return nil
	}
	have := map[[2]int]bool{}
	for _, s := range got {
		have[[2]int{s.Major, s.Minor}] = true
	}
	var lost []glversion.Version
	for _, s := range embedded {
		if !have[[2]int{s.Major, s.Minor}] {
			lost = append(lost, s.Line())
		}
	}
	return fmt.Errorf("the upgrade path from %s has %d stops, fewer than the %d planlint has (missing %s): refusing it",
		from, len(got), len(embedded), datacache.Sample(lost))
}

// releaseTag is the name of a Linux package release tag.
var releaseTag = regexp.MustCompile(`^([1-9][0-9]{0,3})\.([0-9]{1,4})\.([0-9]{1,4})\+ee\.0$`)

// earliestRelease bounds release dates from below: GitLab 7.13, the first
// release with a Linux package tag of this form, is from 2015; anything
// before GitLab existed is garbage.
var earliestRelease = time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)

// fetchReleases lists the release tags of gitlab-org/omnibus-gitlab, page
// by page, and turns them into releases.
func fetchReleases(ctx context.Context, cl *gitlab.Client, o options, now time.Time) ([]knowledge.Release, error) {
	what := fmt.Sprintf("the tags of %s on %s", datacache.ReleasesProject, o.url)
	opt := &gitlab.ListTagsOptions{
		ListOptions: gitlab.ListOptions{PerPage: perPage},
		// Newest first: a tag pushed while the pages are read moves
		// later tags down a page, which repeats one, never skips one.
		OrderBy: gitlab.Ptr("updated"),
		Sort:    gitlab.Ptr("desc"),
		Search:  gitlab.Ptr(releaseTagSearch),
	}
	latest := dayOf(now).AddDate(0, 0, 1) // tomorrow: any time zone's today
	seen := map[string]bool{}
	var out []knowledge.Release
	var next gitlab.RequestOptionFunc
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, fmt.Errorf("fetching %s: more than %d pages of %d tags; refusing to go on", what, maxPages, perPage)
		}
		reqOpts := []gitlab.RequestOptionFunc{gitlab.WithContext(ctx)}
		if next != nil {
			reqOpts = append(reqOpts, next)
		}
		tags, resp, err := cl.Tags.ListTags(datacache.ReleasesProject, opt, reqOpts...)
		if err != nil {
			if isNotFound(err) {
				return nil, fmt.Errorf("fetching %s: not found (HTTP 404): no such public project there", what)
			}
			return nil, fmt.Errorf("fetching %s (page %d): %s", what, page, describeFetchError(err, o.timeout))
		}
		added := 0
		for _, t := range tags {
			if t == nil {
				return nil, fmt.Errorf("%s: page %d has an empty entry", what, page)
			}
			if seen[t.Name] {
				continue
			}
			seen[t.Name] = true
			added++
			rel, err := releaseOf(t)
			if err != nil {
				return nil, fmt.Errorf("%s: %s", what, err)
			}
			if rel.Date.Before(earliestRelease) || rel.Date.After(latest) {
				return nil, fmt.Errorf("%s: tag %q is dated %s, which cannot be a release day", what, t.Name, rel.Date.Format(time.DateOnly))
			}
			out = append(out, rel)
		}
		// Stop at the last page, and also on a page with nothing new:
		// GitLab answers a search's first page with every match (Gitaly
		// serves it unpaginated) yet announces a page 2.
		n, ok := gitlab.WithNext(resp)
		if !ok || len(tags) == 0 || added == 0 {
			break
		}
		next = n
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no release tags (X.Y.Z+ee.0)", what)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version.Compare(out[j].Version) < 0 })
	return out, nil
}

// releaseOf reads one tag.
func releaseOf(t *gitlab.Tag) (knowledge.Release, error) {
	m := releaseTag.FindStringSubmatch(t.Name)
	if m == nil {
		return knowledge.Release{}, fmt.Errorf("tag %q is not a release tag of the form X.Y.Z+ee.0", datacache.Clip(datacache.OneLine(t.Name), 60))
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	patch, _ := strconv.Atoi(m[3])
	when, ok := tagTime(t)
	if !ok {
		return knowledge.Release{}, fmt.Errorf("tag %q has no date (neither created_at nor a commit date)", t.Name)
	}
	return knowledge.Release{Version: glversion.New(major, minor, patch), Date: dayOf(when)}, nil
}

// tagTime is when a tag was made: the tag's created_at (the tagger date of
// an annotated tag), else its commit's committed_date, else the commit's
// created_at.
func tagTime(t *gitlab.Tag) (time.Time, bool) {
	for _, p := range []*time.Time{t.CreatedAt, commitTime(t, true), commitTime(t, false)} {
		if p != nil && !p.IsZero() {
			return *p, true
		}
	}
	return time.Time{}, false
}

func commitTime(t *gitlab.Tag, committed bool) *time.Time {
	if t.Commit == nil {
		return nil
	}
	if committed {
		return t.Commit.CommittedDate
	}
	return t.Commit.CreatedAt
}

// formatReleases writes a release table in the format of the embedded
// data/releases.tsv.
func formatReleases(list []knowledge.Release, from string, day time.Time) []byte {
	var b strings.Builder
	b.WriteString("# planlint release table: every GitLab release (Linux package tag X.Y.Z+ee.0) and the day it was first tagged.\n")
	fmt.Fprintf(&b, "# source: tags of %s on %s, fetched by planlint data update\n", datacache.ReleasesProject, from)
	fmt.Fprintf(&b, "# date: %s\n", day.Format(time.DateOnly))
	b.WriteString("# columns: version, date (tab-separated)\n")
	for _, r := range list {
		fmt.Fprintf(&b, "%s\t%s\n", r.Version, r.Date.Format(time.DateOnly))
	}
	return []byte(b.String())
}
