// Package update is the engine behind "planlint data update": it fetches
// the newest required-stop list and the list of released GitLab versions
// from a GitLab instance's public REST API, validates them, and keeps them
// in the user cache directory through internal/datacache, whose Load then
// hands lint, path and init the newer of the cached and the embedded
// knowledge. It links the GitLab API client and net/http, so only the
// companion program planlint-net imports it, not planlint.
//
// # What is fetched
//
// Both requests are unauthenticated (the projects are public) and go
// through the GitLab API client gitlab.com/gitlab-org/api/client-go/v2:
//
//   - The required stops: Repository Files API, "Get raw file from
//     repository",
//     GET /api/v4/projects/gitlab-org%2Fgitlab/repository/files/config%2Fupgrade_path%2Eyml/raw?ref=master
//     (RepositoryFiles.GetRawFileReader).
//   - The releases: Tags API, "List project repository tags",
//     GET /api/v4/projects/gitlab-org%2Fomnibus-gitlab/repository/tags?order_by=updated&per_page=100&search=%2Bee.0%24&sort=desc
//     (Tags.ListTags), then page after page as the answer's X-Next-Page
//     header or Link rel="next" says, at most maxPages pages. A release is
//     a Linux package tag named X.Y.Z+ee.0, the tags the embedded release
//     table is derived from; release candidates (X.Y.Z+rcN.ee.0),
//     repackagings (+ee.1) and CE tags do not end in "+ee.0".
//
// # Which day a release gets
//
// The day, in UTC, the tag was created: the Tags API's created_at, which
// for an annotated tag (omnibus-gitlab's release tags are annotated) is
// the tagger date. When a server leaves it out (lightweight tags, GitLab
// before 16.11) the tagged commit's committed_date stands in, then the
// commit's created_at. This matches the embedded table, which lists "the
// day it was first tagged".
//
// # What is kept
//
// The cache directory (Options.CacheDir, by default
// os.UserCacheDir()/planlint) holds three files in planlint's own formats:
// releases.tsv (the release table, with "# source:" and "# date:" header
// lines, read by knowledge.ParseReleases), upgrade_path.yml (exactly as
// fetched, read by knowledge.ParseUpgradePath) and meta.json (the fetch
// time, the GitLab URL, counts and SHA-256 sums of the two data files).
// Every file is written to a temporary file and renamed into place;
// meta.json goes last and its checksums tie the set together, so an
// interrupted update leaves a cache that datacache.Load recognises as
// unusable.
//
// The release table decides what is newer: fetched data is stored only
// when its release list has every release planlint already knows (from the
// cache or the embedded table) and at least one more. A fetched list whose
// newest release is older than planlint's, or that adds nothing, is kept
// out (Result.Kept); a newer list that lacks known releases is refused as
// truncated or rewritten. A newer required-stop list alone does not cause
// a write.
package update

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/datacache"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	gitlab "gitlab.com/gitlab-org/api/client-go/v2"
)

// DefaultGitLabURL is the instance asked when Options.GitLabURL is empty.
const DefaultGitLabURL = "https://gitlab.com"

// DefaultTimeout bounds a whole update, every request and retry included.
const DefaultTimeout = 30 * time.Second

// releaseTagSearch asks the Tags API for names ending in "+ee.0" ("term$"
// is the API's suffix search).
const releaseTagSearch = "+ee.0$"

// Limits on what a server can make planlint do.
const (
	perPage = 100 // the Tags API's maximum page size
	// maxPages caps the tag requests: 50 pages of 100 is four times the
	// release tags omnibus-gitlab has.
	maxPages = 50
	// maxAnswerBytes caps every HTTP answer body; a page of 100 tags is
	// about 150 KB and the upgrade path about 3 KB.
	maxAnswerBytes = 4 << 20
)

// Retries of a request that failed with a 5xx answer, a 429 or a
// connection error. Variables so tests can make the waits short.
var (
	retryMax     = 2
	retryWaitMin = 500 * time.Millisecond
	retryWaitMax = 4 * time.Second
)

const userAgent = "planlint (data update)"

// Options configure Update. The zero value is ready to use.
type Options struct {
	// GitLabURL is the instance to ask, default DefaultGitLabURL. A URL
	// with a path (https://example.com/gitlab) is a relative URL root;
	// a trailing "/api/v4" is accepted too.
	GitLabURL string
	// CacheDir is where the data is kept, default
	// os.UserCacheDir()/planlint.
	CacheDir string
	// HTTPClient sends the requests, default one with
	// http.DefaultTransport. Update never changes the given client; it
	// uses a copy whose transport caps answer sizes.
	HTTPClient *http.Client
	// Now returns the current time, default time.Now. It dates the stored
	// table and bounds release dates (none may lie after tomorrow).
	Now func() time.Time
	// Timeout bounds the whole fetch, default DefaultTimeout.
	Timeout time.Duration
}

// Result tells what Update did.
type Result struct {
	// ReleasesDate is the day of the newest release in the fetched list.
	ReleasesDate time.Time
	// Newest is the highest version in the fetched list.
	Newest glversion.Version
	// Releases is how many releases the fetched list has.
	Releases int
	// Stops is how many required stops the fetched upgrade path has.
	Stops int
	// DataDate is the date the stored release table carries in its
	// "# date:" line and that Load reports: the day (UTC) of the fetch,
	// as the embedded table carries the day it was compiled.
	DataDate time.Time
	// FetchedAt is when the data was fetched (Options.Now).
	FetchedAt time.Time
	// Path is the cache directory the data was written to, "" when Kept.
	Path string
	// Kept is true when the fetched data was not newer than what planlint
	// already has (the cached or the embedded data), so nothing was
	// written. Message says why.
	Kept bool
	// Message is a one-line summary for the user.
	Message string
}

// options are Options with the defaults filled in and the URL checked.
type options struct {
	url        string // normalised: no trailing slash, no /api/v4
	cacheDir   string
	cacheErr   error // why there is no cache directory
	httpClient *http.Client
	now        func() time.Time
	timeout    time.Duration
}

func (o Options) resolve() (options, error) {
	r := options{httpClient: o.HTTPClient, now: o.Now, timeout: o.Timeout}
	var err error
	if r.url, err = normalizeURL(o.GitLabURL); err != nil {
		return r, err
	}
	r.cacheDir, r.cacheErr = datacache.Dir(o.CacheDir)
	if r.now == nil {
		r.now = time.Now
	}
	if r.timeout <= 0 {
		r.timeout = DefaultTimeout
	}
	return r, nil
}

// normalizeURL checks a GitLab URL and returns it without a trailing slash
// or API path.
func normalizeURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		s = DefaultGitLabURL
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("GitLab URL %q is not a URL", datacache.OneLine(raw))
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("GitLab URL %q must start with https:// (or http://)", datacache.OneLine(raw))
	case u.Host == "":
		return "", fmt.Errorf("GitLab URL %q has no host", datacache.OneLine(raw))
	case u.User != nil:
		return "", fmt.Errorf("GitLab URL must not contain credentials")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("GitLab URL %q must not have a query or fragment", datacache.OneLine(raw))
	}
	p := strings.TrimRight(u.Path, "/")
	p = strings.TrimSuffix(p, "/api/v4")
	u.Path, u.RawPath = strings.TrimRight(p, "/"), ""
	return u.String(), nil
}

// Update fetches the required stops and the release list from the GitLab
// instance in opts, validates them, and stores them in the cache directory
// when they are newer than what planlint already has: the cached data if
// datacache.Load would use it, else embedded, the knowledge compiled into planlint.
//
// Every failure is a one-line error naming what was wrong, and then
// nothing is written: an unreachable or slow server (the whole fetch is
// bounded by Options.Timeout), an HTTP error, an answer that is not what
// the API returns (HTML, random bytes, YAML that is not an upgrade path
// list, tags that are not versions), a stop list that is out of order or
// has fewer stops than the embedded one, and a release list that is newer
// but lacks releases planlint knows. A list that is not newer is no
// error: the Result says Kept.
func Update(ctx context.Context, opts Options, embedded *knowledge.Base) (Result, error) {
	if embedded == nil || embedded.Releases == nil {
		return Result{}, errors.New("update: no embedded knowledge to compare against")
	}
	o, err := opts.resolve()
	if err != nil {
		return Result{}, err
	}
	if o.cacheErr != nil {
		return Result{}, o.cacheErr
	}
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()

	cl, err := newClient(o)
	if err != nil {
		return Result{}, err
	}
	fetchedAt := o.now()
	rawStops, stops, err := fetchUpgradePath(ctx, cl, o)
	if err != nil {
		return Result{}, err
	}
	if err := checkStopsAgainst(stops, embedded.Stops, o.url); err != nil {
		return Result{}, err
	}
	list, err := fetchReleases(ctx, cl, o, fetchedAt)
	if err != nil {
		return Result{}, err
	}
	day := dayOf(fetchedAt)
	tsv := formatReleases(list, o.url, day)
	got, err := knowledge.ParseReleases(tsv)
	if err != nil { // a bug here, not the server's fault
		return Result{}, fmt.Errorf("update: the release table built from %s does not read back: %v", o.url, err)
	}
	newest := got.Newest()
	res := Result{
		ReleasesDate: newest.Date,
		Newest:       newest.Version,
		Releases:     len(got.All()),
		Stops:        len(stops),
		DataDate:     day,
		FetchedAt:    fetchedAt,
	}

	cur := datacache.Current(o.cacheDir, nil, embedded)
	have := cur.Base.Releases
	missing, added := datacache.DiffReleases(have, got)
	switch {
	case newest.Version.Compare(have.Newest().Version) < 0:
		res.Kept = true
		res.Message = fmt.Sprintf("planlint's %s is already newer than the release list from %s (newest release there %s, in planlint %s); nothing written",
			cur.Label, o.url, newest.Version, have.Newest().Version)
		return res, nil
	case len(added) == 0:
		res.Kept = true
		res.Message = fmt.Sprintf("planlint's %s already has every release in the list from %s (newest %s of %s); nothing written",
			cur.Label, o.url, newest.Version, newest.Date.Format(time.DateOnly))
		return res, nil
	case len(missing) > 0:
		return Result{}, fmt.Errorf("the release list from %s lacks %d release(s) that planlint's %s has (%s): refusing a truncated or rewritten list",
			o.url, len(missing), cur.Label, datacache.Sample(missing))
	}

	m := datacache.Meta{
		GitLabURL:         o.url,
		FetchedAt:         fetchedAt.UTC(),
		Releases:          res.Releases,
		Stops:             res.Stops,
		NewestRelease:     newest.Version.String(),
		NewestReleaseDate: newest.Date.Format(time.DateOnly),
	}
	if err := datacache.Write(o.cacheDir, tsv, rawStops, m); err != nil {
		return Result{}, err
	}
	res.Path = o.cacheDir
	res.Message = fmt.Sprintf("stored %d releases (newest %s of %s, %d new) and %d required stops from %s in %s",
		res.Releases, newest.Version, newest.Date.Format(time.DateOnly), len(added), res.Stops, o.url, o.cacheDir)
	return res, nil
}

// newClient builds an unauthenticated API client for o.url.
func newClient(o options) (*gitlab.Client, error) {
	hc := &http.Client{}
	if o.httpClient != nil {
		c := *o.httpClient
		hc = &c
	}
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = limitTransport{base: base, max: maxAnswerBytes}
	cl, err := gitlab.NewAuthSourceClient(gitlab.Unauthenticated{},
		gitlab.WithURLWarningLogger(slog.New(slog.DiscardHandler)),
		gitlab.WithBaseURL(o.url),
		gitlab.WithHTTPClient(hc),
		gitlab.WithUserAgent(userAgent),
		gitlab.WithCustomRetryMax(retryMax),
		gitlab.WithCustomRetryWaitMinMax(retryWaitMin, retryWaitMax),
		gitlab.WithCustomBackoff(backoff),
	)
	if err != nil {
		return nil, fmt.Errorf("GitLab client for %s: %v", o.url, datacache.OneLine(err.Error()))
	}
	return cl, nil
}

// backoff waits before retry n (from 0): what a Retry-After header asks,
// up to retryWaitMax, else retryWaitMin doubled per retry.
func backoff(minWait, maxWait time.Duration, n int, resp *http.Response) time.Duration {
	if resp != nil {
		if s := resp.Header.Get("Retry-After"); s != "" {
			var secs int
			if _, err := fmt.Sscanf(s, "%d", &secs); err == nil && secs >= 0 {
				return min(time.Duration(secs)*time.Second, maxWait)
			}
		}
	}
	d := minWait << min(n, 10)
	return min(d, maxWait)
}

// errTooLarge is returned while reading an answer beyond maxAnswerBytes.
var errTooLarge = fmt.Errorf("the answer is larger than %d MiB", maxAnswerBytes>>20)

// limitTransport caps the body of every answer.
type limitTransport struct {
	base http.RoundTripper
	max  int64
}

func (t limitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.max}
	return resp, nil
}

type limitedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }

// describeFetchError turns an error of a request into a short clause.
func describeFetchError(err error, timeout time.Duration) string {
	var er *gitlab.ErrorResponse
	var ne net.Error
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("no complete answer within %s", timeout)
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, errTooLarge):
		return errTooLarge.Error()
	case errors.As(err, &er):
		s := fmt.Sprintf("HTTP %d", er.StatusCode)
		if t := http.StatusText(er.StatusCode); t != "" {
			s += " " + t
		}
		if msg := apiMessage(er.Body); msg != "" {
			s += ": " + datacache.Clip(msg, 120)
		}
		return s
	case errors.As(err, &se), errors.As(err, &te), errors.As(err, &pe),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, gitlab.ErrEmptyResponse):
		return "the answer is not the JSON the GitLab API sends: " + datacache.Clip(datacache.OneLine(err.Error()), 120)
	}
	return datacache.Clip(datacache.OneLine(err.Error()), 200)
}

// apiMessage returns the "message" (or "error") of an API error body such
// as {"message":"500 Internal Server Error"}, "" for any other body.
func apiMessage(body []byte) string {
	var v struct {
		Message any `json:"message"`
		Error   any `json:"error"`
	}
	if json.Unmarshal(body, &v) != nil {
		return ""
	}
	for _, m := range []any{v.Message, v.Error} {
		if s, ok := m.(string); ok {
			return datacache.OneLine(s)
		}
	}
	return ""
}

func isNotFound(err error) bool {
	var er *gitlab.ErrorResponse
	return errors.As(err, &er) && er.StatusCode == http.StatusNotFound
}

// dayOf returns the UTC day of t as a date at midnight UTC, the form of
// the release table's dates.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
