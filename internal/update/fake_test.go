package update

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeGitLab is an httptest server that answers the two REST endpoints
// planlint calls the way GitLab does (per doc/api/tags.md,
// doc/api/repository_files.md and lib/api/tags.rb of gitlab-org/gitlab):
//
//   - GET /api/v4/projects/:id/repository/files/:file_path/raw?ref=REF
//     with :id and :file_path URL-encoded single path segments; ref
//     defaults to HEAD (the default branch); 404 {"message":"404 Project
//     Not Found"} or {"message":"404 File Not Found"}.
//   - GET /api/v4/projects/:id/repository/tags with order_by
//     (name|updated|version, default updated; else 400), sort (asc|desc,
//     default desc; else 400), search (case-insensitive; "^term",
//     "term$" and "*" as GitLab's GitRefsFinder reads them, otherwise a
//     substring), page and per_page (default 20, at most 100), with offset
//     pagination headers X-Page, X-Per-Page, X-Total, X-Total-Pages,
//     X-Next-Page, X-Prev-Page and a Link header.
//
// Every request must be an unauthenticated GET from planlint; anything
// else fails the test.
type fakeGitLab struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	projects map[string]*fakeProject // by full path
	requests []string                // RequestURI of every request
	paging   paging
	// lastPage, if > 0, makes the tag list end there, as a server that
	// loses pages would.
	lastPage int
	// override, if set, answers a request first; it returns false to let
	// the fake answer normally.
	override func(w http.ResponseWriter, r *http.Request, route string) bool
}

type paging int

const (
	// pagingOffset sends GitLab's offset pagination headers and Link.
	pagingOffset paging = iota
	// pagingLinkOnly sends only the Link header.
	pagingLinkOnly
	// pagingGitalyFirstPage imitates GitLab's tag list with a search: page
	// 1 (served by Gitaly) holds every match yet says X-Next-Page: 2 and
	// counts all tags, not the matches; later pages are offset pages.
	pagingGitalyFirstPage
)

type fakeProject struct {
	defaultBranch string
	files         map[string]map[string][]byte // ref -> path -> content
	tags          []fakeTag
}

type fakeTag struct {
	Name      string
	Tagged    time.Time // zero for a lightweight tag
	Committed time.Time
}

func newFakeGitLab(t *testing.T) *fakeGitLab {
	t.Helper()
	f := &fakeGitLab{t: t, projects: map[string]*fakeProject{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeGitLab) URL() string { return f.srv.URL }

func (f *fakeGitLab) project(path string) *fakeProject {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.projects[path]
	if p == nil {
		p = &fakeProject{defaultBranch: "master", files: map[string]map[string][]byte{}}
		f.projects[path] = p
	}
	return p
}

func (f *fakeGitLab) setFile(project, ref, path string, content []byte) {
	p := f.project(project)
	f.mu.Lock()
	defer f.mu.Unlock()
	if p.files[ref] == nil {
		p.files[ref] = map[string][]byte{}
	}
	p.files[ref][path] = content
}

func (f *fakeGitLab) setTags(project string, tags []fakeTag) {
	p := f.project(project)
	f.mu.Lock()
	defer f.mu.Unlock()
	p.tags = tags
}

// Requests returns the RequestURIs received so far.
func (f *fakeGitLab) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeGitLab) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests = append(f.requests, r.RequestURI)
	override := f.override
	f.mu.Unlock()

	if r.Method != http.MethodGet {
		f.t.Errorf("fake GitLab: %s %s: planlint must only GET", r.Method, r.RequestURI)
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "405 Method Not Allowed"})
		return
	}
	for _, h := range []string{"Private-Token", "Authorization", "Job-Token"} {
		if r.Header.Get(h) != "" {
			f.t.Errorf("fake GitLab: %s sent a %s header; planlint must ask unauthenticated", r.RequestURI, h)
		}
	}
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "planlint") {
		f.t.Errorf("fake GitLab: User-Agent %q", ua)
	}

	// Route on the path as sent, with its escapes: GitLab wants the
	// project path and the file path URL-encoded into one segment each.
	rawPath, rawQuery, _ := strings.Cut(r.RequestURI, "?")
	query, err := url.ParseQuery(rawQuery)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad query"})
		return
	}
	seg := strings.Split(strings.TrimPrefix(rawPath, "/"), "/")
	if len(seg) < 6 || seg[0] != "api" || seg[1] != "v4" || seg[2] != "projects" || seg[4] != "repository" {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "404 Not Found"})
		return
	}
	var route string
	switch {
	case len(seg) == 8 && seg[5] == "files" && seg[7] == "raw":
		route = "raw"
	case len(seg) == 6 && seg[5] == "tags":
		route = "tags"
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "404 Not Found"})
		return
	}
	if override != nil && override(w, r, route) {
		return
	}
	id, err := url.PathUnescape(seg[3])
	f.mu.Lock()
	p := f.projects[id]
	f.mu.Unlock()
	if err != nil || p == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "404 Project Not Found"})
		return
	}
	if route == "raw" {
		f.serveRaw(w, p, seg[6], query)
		return
	}
	f.serveTags(w, r, p, query)
}

func (f *fakeGitLab) serveRaw(w http.ResponseWriter, p *fakeProject, rawFile string, q url.Values) {
	file, err := url.PathUnescape(rawFile)
	ref := q.Get("ref")
	if ref == "" || ref == "HEAD" {
		ref = p.defaultBranch
	}
	f.mu.Lock()
	content, ok := p.files[ref][file]
	f.mu.Unlock()
	if err != nil || !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "404 File Not Found"})
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Gitlab-File-Path", file)
	w.Header().Set("X-Gitlab-Ref", ref)
	w.Header().Set("X-Gitlab-Size", strconv.Itoa(len(content)))
	w.Write(content)
}

// tagJSON is one tag as the Tags API documents it.
type tagJSON struct {
	Commit    commitJSON `json:"commit"`
	Release   *struct{}  `json:"release"`
	Name      string     `json:"name"`
	Target    string     `json:"target"`
	Message   *string    `json:"message"`
	Protected bool       `json:"protected"`
	CreatedAt *string    `json:"created_at"`
}

type commitJSON struct {
	ID             string   `json:"id"`
	ShortID        string   `json:"short_id"`
	Title          string   `json:"title"`
	CreatedAt      string   `json:"created_at"`
	ParentIDs      []string `json:"parent_ids"`
	Message        string   `json:"message"`
	AuthorName     string   `json:"author_name"`
	AuthorEmail    string   `json:"author_email"`
	AuthoredDate   string   `json:"authored_date"`
	CommitterName  string   `json:"committer_name"`
	CommitterEmail string   `json:"committer_email"`
	CommittedDate  string   `json:"committed_date"`
}

func (t fakeTag) toJSON(i int) tagJSON {
	sha := fmt.Sprintf("%040x", i+1)
	c := t.Committed.Format("2006-01-02T15:04:05.000-07:00")
	out := tagJSON{
		Name:   t.Name,
		Target: sha,
		Commit: commitJSON{
			ID: sha, ShortID: sha[:8], Title: "Update VERSION files", CreatedAt: c,
			ParentIDs: []string{fmt.Sprintf("%040x", i+100000)}, Message: "Update VERSION files\n",
			AuthorName: "GitLab Release Tools Bot", AuthorEmail: "bot@example.com", AuthoredDate: c,
			CommitterName: "GitLab Release Tools Bot", CommitterEmail: "bot@example.com", CommittedDate: c,
		},
	}
	if !t.Tagged.IsZero() {
		msg := "Version " + t.Name
		created := t.Tagged.Format("2006-01-02T15:04:05.000-07:00")
		out.Message, out.CreatedAt = &msg, &created
		out.Target = fmt.Sprintf("%040x", i+200000) // an annotated tag's own object
	}
	return out
}

// searchMatcher reads search the way GitLab's GitRefsFinder does.
func searchMatcher(search string) func(string) bool {
	if search == "" {
		return func(string) bool { return true }
	}
	term := strings.ToLower(search)
	if !strings.ContainsAny(term, "^$*") {
		return func(name string) bool { return strings.Contains(strings.ToLower(name), term) }
	}
	re := regexp.QuoteMeta(term)
	re = strings.Replace(re, `\^`, `^`, 1)
	re = strings.ReplaceAll(re, `\*`, `.*?`)
	re = strings.Replace(re, `\$`, `$`, 1)
	rx := regexp.MustCompile(re)
	return func(name string) bool { return rx.MatchString(strings.ToLower(name)) }
}

func (f *fakeGitLab) serveTags(w http.ResponseWriter, r *http.Request, p *fakeProject, q url.Values) {
	orderBy, sortDir := q.Get("order_by"), q.Get("sort")
	if orderBy == "" {
		orderBy = "updated"
	}
	if sortDir == "" {
		sortDir = "desc"
	}
	if orderBy != "name" && orderBy != "updated" && orderBy != "version" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "order_by does not have a valid value"})
		return
	}
	if sortDir != "asc" && sortDir != "desc" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "sort does not have a valid value"})
		return
	}
	page, perPage := 1, 20
	if s := q.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "page is invalid"})
			return
		}
		page = n
	}
	if s := q.Get("per_page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "per_page is invalid"})
			return
		}
		perPage = min(n, 100)
	}

	f.mu.Lock()
	all := append([]fakeTag(nil), p.tags...)
	paging, lastPage := f.paging, f.lastPage
	f.mu.Unlock()

	index := map[string]int{}
	for i, t := range all {
		index[t.Name] = i
	}
	sort.SliceStable(all, func(i, j int) bool {
		c := strings.Compare(all[i].Name, all[j].Name)
		if orderBy == "updated" {
			c = all[i].Committed.Compare(all[j].Committed)
		}
		if sortDir == "desc" {
			return c > 0
		}
		return c < 0
	})
	match := searchMatcher(q.Get("search"))
	var matches []fakeTag
	for _, t := range all {
		if match(t.Name) {
			matches = append(matches, t)
		}
	}

	total := len(matches)
	totalPages := max(1, (total+perPage-1)/perPage)
	if lastPage > 0 && totalPages > lastPage {
		totalPages = lastPage
		total = lastPage * perPage
	}
	var pageTags []fakeTag
	nextPage := ""
	switch {
	case paging == pagingGitalyFirstPage && page == 1 && q.Get("search") != "":
		pageTags = matches
		total = len(all)
		totalPages = total/perPage + 1
		nextPage = "2"
	default:
		if lo := (page - 1) * perPage; lo < total {
			pageTags = matches[lo:min(lo+perPage, total)]
		}
		if page < totalPages {
			nextPage = strconv.Itoa(page + 1)
		}
	}

	h := w.Header()
	link := func(n int) string {
		u := *r.URL
		qq := u.Query()
		qq.Set("page", strconv.Itoa(n))
		qq.Set("per_page", strconv.Itoa(perPage))
		u.RawQuery = qq.Encode()
		return f.srv.URL + u.RequestURI()
	}
	var links []string
	if page > 1 {
		links = append(links, fmt.Sprintf(`<%s>; rel="prev"`, link(page-1)))
	}
	if nextPage != "" {
		n, _ := strconv.Atoi(nextPage)
		links = append(links, fmt.Sprintf(`<%s>; rel="next"`, link(n)))
	}
	links = append(links, fmt.Sprintf(`<%s>; rel="first"`, link(1)), fmt.Sprintf(`<%s>; rel="last"`, link(totalPages)))
	h.Set("Link", strings.Join(links, ", "))
	if paging != pagingLinkOnly {
		h.Set("X-Page", strconv.Itoa(page))
		h.Set("X-Per-Page", strconv.Itoa(perPage))
		h.Set("X-Total", strconv.Itoa(total))
		h.Set("X-Total-Pages", strconv.Itoa(totalPages))
		h.Set("X-Next-Page", nextPage)
		prev := ""
		if page > 1 {
			prev = strconv.Itoa(page - 1)
		}
		h.Set("X-Prev-Page", prev)
	}
	out := make([]tagJSON, 0, len(pageTags))
	for _, t := range pageTags {
		out = append(out, t.toJSON(index[t.Name]))
	}
	writeJSON(w, http.StatusOK, out)
}
