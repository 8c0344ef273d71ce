package knowledge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	goversion "github.com/hashicorp/go-version"
	"github.com/planlint/planlint/internal/glversion"
)

// noteStyle reports whether text is a planlint clause: it does not start
// with an upper-case letter and does not end with a period.
func noteStyle(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return text != "" && !unicode.IsUpper(r) && !strings.HasSuffix(text, ".") && text == strings.TrimSpace(text)
}

func TestNotesData(t *testing.T) {
	b := Default()
	notes := b.Notes()
	if len(notes) < 24 {
		t.Fatalf("%d notes, want at least 24", len(notes))
	}
	for _, n := range notes {
		if n.ID == "" {
			t.Errorf("note without id: %+v", n)
		}
		if !noteStyle(n.Text) {
			t.Errorf("%s: text %q must start lower-case and have no final period", n.ID, n.Text)
		}
		if n.Source == "" {
			t.Errorf("%s: no source", n.ID)
		}
		if n.Crosses.IsZero() && len(n.Installs) == 0 {
			t.Errorf("%s: needs crosses or installs", n.ID)
		}
		if strings.Contains(n.Text, "\n") {
			t.Errorf("%s: text has a line break", n.ID)
		}
	}
	for _, id := range []string{
		"sha256-digest-several-web-nodes-15-1", "secrets-structure-15-4", "profile-data-loss-15-9", "schema-problem-15-11",
		"tokens-get-expiry-16-0", "gitaly-praefect-config-16-0", "two-database-connections-16-0", "redis-7-restart-16-2",
		"disk-space-bug-16-3", "patroni-3-16-10", "grafana-keys-17-0", "runner-registration-tokens-17-0",
		"gitaly-storages-distinct-paths-17-0", "upgrade-failures-17-1", "sequence-ownership-17-2-1",
		"ci-deleted-objects-check-violation-17-6", "openssl-3-17-7", "new-secrets-every-node-17-8",
		"kas-private-api-url-17-8", "git-data-dirs-removed-18-0", "external-postgres-pg-dump-18-0",
		"zero-downtime-18-2-6", "bbm-nil-error-18-4", "nginx-hostname-404-18-5", "merge-data-migration-18-8",
		"blocked-user-credentials-18-8-2", "check-violation-18-9", "ci-job-token-image-pull-18-11",
		"postgres-17-auto-upgrade-18-11", "mattermost-keys-19-0", "mattermost-check-needs-18-11-9",
		"redis-6-removed-19-0", "registry-metadata-db-prefer-19-0", "duo-self-hosted-urls-19-2",
		"chart-10-bundled-services-19-0",
	} {
		if _, ok := b.Note(id); !ok {
			t.Errorf("note %s missing", id)
		}
	}
}

func vs(t *testing.T, list ...string) []glversion.Version {
	t.Helper()
	var out []glversion.Version
	for _, s := range list {
		out = append(out, mustV(t, s))
	}
	return out
}

func TestNoteApplies(t *testing.T) {
	b := Default()
	multi := Setup{InstallMethod: "linux-package", Topology: "multi-node"}
	single := Setup{InstallMethod: "linux-package", Topology: "single-node"}
	tests := []struct {
		id              string
		current, target string
		hops            []string
		setup           Setup
		want            bool
		trigger         string // when want
	}{
		// 17.8 secrets: multi-node and Geo only; an unstated topology counts as single-node.
		{"new-secrets-every-node-17-8", "17.5.5", "17.11.7", []string{"17.8.7", "17.11.7"}, multi, true, "17.8.7"},
		{"new-secrets-every-node-17-8", "17.5.5", "17.11.7", []string{"17.8.7", "17.11.7"}, Setup{Topology: "geo"}, true, "17.8.7"},
		{"new-secrets-every-node-17-8", "17.5.5", "17.11.7", []string{"17.8.7", "17.11.7"}, single, false, ""},
		{"new-secrets-every-node-17-8", "17.5.5", "17.11.7", []string{"17.8.7", "17.11.7"}, Setup{}, false, ""},
		{"new-secrets-every-node-17-8", "17.8.1", "17.11.7", []string{"17.11.7"}, multi, false, ""},
		{"new-secrets-every-node-17-8", "17.5.5", "17.7.7", nil, multi, false, ""},
		// repmgr removal: multi-node, unless the plan describes a database without repmgr.
		{"repmgr-removed-14-0", "13.12.15", "14.3.6", []string{"14.0.12", "14.3.6"}, multi, true, "14.0.12"},
		{"repmgr-removed-14-0", "13.12.15", "14.3.6", []string{"14.0.12", "14.3.6"}, Setup{InstallMethod: "linux-package", Topology: "multi-node", Repmgr: true, DatabaseStated: true}, true, "14.0.12"},
		{"repmgr-removed-14-0", "13.12.15", "14.3.6", []string{"14.0.12", "14.3.6"}, Setup{InstallMethod: "linux-package", Topology: "multi-node", DatabaseStated: true}, false, ""},
		{"repmgr-removed-14-0", "13.12.15", "14.3.6", []string{"14.0.12", "14.3.6"}, single, false, ""},
		// 18.11 CI_JOB_TOKEN regression: only when a bad patch is installed.
		{"ci-job-token-image-pull-18-11", "18.8.11", "19.3.0", []string{"18.11.1", "19.2.4", "19.3.0"}, Setup{}, true, "18.11.1"},
		{"ci-job-token-image-pull-18-11", "18.8.11", "19.3.0", []string{"18.11.11", "19.2.4", "19.3.0"}, Setup{}, false, ""},
		{"ci-job-token-image-pull-18-11", "18.8.11", "18.11.0", nil, Setup{}, true, "18.11.0"},
		// 19.0 Mattermost check: needs 18.11.9+ on the way, or as the current version.
		{"mattermost-check-needs-18-11-9", "18.11.7", "19.3.0", []string{"19.2.4", "19.3.0"}, Setup{}, true, "19.2.4"},
		{"mattermost-check-needs-18-11-9", "18.11.7", "19.3.0", []string{"18.11.11", "19.2.4", "19.3.0"}, Setup{}, false, ""},
		{"mattermost-check-needs-18-11-9", "18.11.9", "19.3.0", []string{"19.2.4", "19.3.0"}, Setup{}, false, ""},
		{"mattermost-false-alarm-18-11-7", "18.8.11", "19.2.4", []string{"18.11.7", "19.2.4"}, Setup{}, true, "18.11.7"},
		{"mattermost-false-alarm-18-11-7", "18.8.11", "19.2.4", []string{"18.11.11", "19.2.4"}, Setup{}, false, ""},
		{"mattermost-false-alarm-18-11-7", "18.8.11", "19.2.4", []string{"18.11.7", "18.11.11", "19.2.4"}, Setup{}, false, ""},
		{"mattermost-check-needs-18-11-9", "18.8.11", "19.0.8", []string{"18.11.7", "19.0.8"}, Setup{}, true, "19.0.8"},
		{"mattermost-check-needs-18-11-9", "18.11.7", "19.3.0", []string{"19.2.4", "19.3.0"}, Setup{InstallMethod: "helm"}, false, ""},
		{"mattermost-keys-19-0", "18.11.11", "19.3.0", []string{"19.2.4", "19.3.0"}, Setup{}, true, "19.2.4"},
		// 17.1.0/17.1.1 fail only when coming from 16.x.
		{"upgrade-failures-17-1", "16.11.10", "17.3.7", []string{"17.1.1", "17.3.7"}, Setup{}, true, "17.1.1"},
		{"upgrade-failures-17-1", "16.11.10", "17.3.7", []string{"17.1.8", "17.3.7"}, Setup{}, false, ""},
		{"upgrade-failures-17-1", "17.0.5", "17.1.1", nil, Setup{}, false, ""},
		// Blocked-user credentials: a patch-release change on three lines.
		{"blocked-user-credentials-18-8-2", "18.5.7", "18.8.11", nil, Setup{}, true, "18.8.11"},
		{"blocked-user-credentials-18-8-2", "18.5.7", "18.8.1", nil, Setup{}, false, ""},
		{"blocked-user-credentials-18-8-2", "18.6.5", "18.8.11", nil, Setup{}, false, ""},
		{"blocked-user-credentials-18-8-2", "18.6.2", "18.7.3", nil, Setup{}, true, "18.7.3"},
		// Zero-downtime 18.2 trap.
		{"zero-downtime-18-2-6", "18.1.3", "18.2.3", nil, Setup{Topology: "multi-node", ZeroDowntime: true}, true, "18.2.3"},
		{"zero-downtime-18-2-6", "18.1.3", "18.2.6", nil, Setup{Topology: "multi-node", ZeroDowntime: true}, false, ""},
		{"zero-downtime-18-2-6", "18.1.3", "18.2.3", nil, multi, false, ""},
		// Database and install-method filters.
		{"external-postgres-pg-dump-18-0", "17.11.7", "18.2.8", nil, Setup{ExternalDB: true}, true, "18.2.8"},
		{"external-postgres-pg-dump-18-0", "17.11.7", "18.2.8", nil, Setup{}, false, ""},
		{"postgres-17-auto-upgrade-18-11", "18.8.11", "18.11.11", nil, Setup{}, true, "18.11.11"},
		{"postgres-17-auto-upgrade-18-11", "18.8.11", "18.11.11", nil, multi, true, "18.11.11"},
		{"postgres-17-auto-upgrade-18-11", "18.8.11", "18.11.11", nil, Setup{ExternalDB: true}, false, ""},
		// Bitnami images: bundled PostgreSQL or bundled Redis is enough.
		{"bitnami-images-chart-17-11", "16.11.10", "17.8.7", nil, Setup{InstallMethod: "helm"}, true, "17.8.7"},
		{"bitnami-images-chart-17-11", "16.11.10", "17.8.7", nil, Setup{InstallMethod: "helm", ExternalDB: true}, true, "17.8.7"},
		{"bitnami-images-chart-17-11", "16.11.10", "17.8.7", nil, Setup{InstallMethod: "helm", ExternalDB: true, ExternalRedis: true}, false, ""},
		{"bitnami-images-chart-17-11", "17.11.7", "18.2.8", nil, Setup{InstallMethod: "helm"}, false, ""},
		{"kas-private-api-url-17-8", "17.5.5", "17.8.7", nil, Setup{InstallMethod: "helm"}, false, ""},
		{"kas-private-api-url-17-8", "17.5.5", "17.8.7", nil, Setup{}, true, "17.8.7"},
		{"chart-10-bundled-services-19-0", "18.11.11", "19.2.4", nil, Setup{InstallMethod: "helm"}, true, "19.2.4"},
		{"chart-10-bundled-services-19-0", "18.11.11", "19.2.4", nil, single, false, ""},
		{"duo-self-hosted-urls-19-2", "19.1.2", "19.2.0", nil, Setup{Edition: "ce"}, false, ""},
		{"duo-self-hosted-urls-19-2", "19.1.2", "19.2.0", nil, Setup{Edition: "ee"}, true, "19.2.0"},
		{"duo-self-hosted-urls-19-2", "19.1.2", "19.2.1", nil, Setup{Edition: "ee"}, false, ""},
		// Crossing a minor: the first hop at or past it triggers.
		{"grafana-keys-17-0", "16.11.10", "17.3.7", []string{"17.1.8", "17.3.7"}, Setup{}, true, "17.1.8"},
		{"grafana-keys-17-0", "17.0.0", "17.3.7", nil, Setup{}, false, ""},
		{"profile-data-loss-15-9", "15.4.6", "15.11.13", []string{"15.9.2", "15.11.13"}, Setup{}, true, "15.9.2"},
		{"sha256-digest-several-web-nodes-15-1", "15.0.5", "15.4.6", []string{"15.1.6", "15.4.6"}, multi, true, "15.4.6"},
	}
	for _, tt := range tests {
		n, ok := b.Note(tt.id)
		if !ok {
			t.Errorf("note %s missing", tt.id)
			continue
		}
		cur, tgt, hops := mustV(t, tt.current), mustV(t, tt.target), vs(t, tt.hops...)
		if got := n.Applies(cur, tgt, hops, tt.setup); got != tt.want {
			t.Errorf("%s: Applies(%s -> %s via %v, %+v) = %v, want %v", tt.id, tt.current, tt.target, tt.hops, tt.setup, got, tt.want)
			continue
		}
		if tt.want {
			if got := n.Trigger(cur, tgt, hops).String(); got != tt.trigger {
				t.Errorf("%s: Trigger = %s, want %s", tt.id, got, tt.trigger)
			}
		}
	}
}

func TestNotesFor(t *testing.T) {
	b := Default()
	got := b.NotesFor(mustV(t, "18.8.11"), mustV(t, "19.3.0"), vs(t, "18.11.1", "19.2.4", "19.3.0"), Setup{InstallMethod: "linux-package", Topology: "single-node"})
	ids := map[string]bool{}
	for _, n := range got {
		ids[n.ID] = true
	}
	for _, id := range []string{"ci-job-token-image-pull-18-11", "postgres-17-auto-upgrade-18-11", "mattermost-keys-19-0", "mattermost-check-needs-18-11-9", "redis-6-removed-19-0"} {
		if !ids[id] {
			t.Errorf("NotesFor misses %s", id)
		}
	}
	for _, id := range []string{"chart-10-bundled-services-19-0", "new-secrets-every-node-17-8", "git-data-dirs-removed-18-0"} {
		if ids[id] {
			t.Errorf("NotesFor includes %s", id)
		}
	}
}

func TestParseNotesRejects(t *testing.T) {
	for _, bad := range []string{
		"",
		"- id: x\n  note: text\n  source: s\n", // no crosses or installs
		"- id: Bad_ID\n  crosses: \"17.8\"\n  note: text\n  source: s\n",                // not kebab-case
		"- id: x\n  crosses: \"17.8.1\"\n  note: text\n  source: s\n",                   // crosses needs a minor line
		"- id: x\n  installs: \"~> banana\"\n  note: text\n  source: s\n",               // bad constraint
		"- id: x\n  crosses: \"17.8\"\n  note: text\n",                                  // no source
		"- id: x\n  crosses: \"17.8\"\n  topology: [cluster]\n  note: t\n  source: s\n", // unknown topology
		"- id: x\n  crosses: \"17.8\"\n  databse: external\n  note: t\n  source: s\n",   // unknown field
		"- id: x\n  crosses: \"17.8\"\n  note: t\n  source: s\n- id: x\n  crosses: \"17.9\"\n  note: t\n  source: s\n",
	} {
		if _, err := parseNotes([]byte(bad)); err == nil {
			t.Errorf("parseNotes(%q) accepted", bad)
		}
	}
	n, err := parseNotes([]byte("- id: x\n  installs: [\">= 1.0.0, < 1.0.2\", \"= 2.0.0\"]\n  note: t\n  source: s\n"))
	if err != nil || len(n) != 1 || len(n[0].Installs) != 2 {
		t.Fatalf("list constraint: %v, %+v", err, n)
	}
}

// TestEmbeddedNoteConstraints parses every constraint of the embedded
// notes, which load leaves to the first question that needs one, and
// makes sure that a bad one is caught.
func TestEmbeddedNoteConstraints(t *testing.T) {
	notes, err := buildNotes(snapshot.Notes, parseNow, nil, nil)
	if err != nil {
		t.Fatalf("version_notes.yaml: %v", err)
	}
	count := 0
	for _, n := range notes {
		count += len(n.Installs) + len(n.UnlessInstalls) + len(n.UnlessCurrent)
	}
	if count < 20 {
		t.Errorf("only %d constraints checked", count)
	}
	for field, set := range map[string]func(*rawNote){
		"installs":        func(r *rawNote) { r.Installs = append(slices.Clone(r.Installs), "~> banana") },
		"unless_installs": func(r *rawNote) { r.UnlessInstalls = stringList{">= 18.11.9", ">= 18.x.1"} },
		"unless_current":  func(r *rawNote) { r.UnlessCurrent = stringList{"=< 18.0.0"} },
	} {
		bad := slices.Clone(snapshot.Notes)
		last := &bad[len(bad)-1]
		set(last)
		_, err := buildNotes(bad, parseNow, nil, nil)
		if want := "note " + last.ID + ": " + field + ": "; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("a bad %s constraint: err = %v, want %q...", field, err, want)
		}
		// Built for later, the same notes fail on first use.
		lazy, err := buildNotes(bad, parseLater, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), field) {
					t.Errorf("a bad %s constraint parsed later: panic %v", field, r)
				}
			}()
			lazy[len(lazy)-1].cs.parsed()
		}()
	}
}

// TestNotesAgreeWithConstraints holds NotesFor, Trigger and Avoids to the
// notes' constraints read by go-version afresh for every question, on
// random plans over the release table.
func TestNotesAgreeWithConstraints(t *testing.T) {
	b, err := load()
	if err != nil {
		t.Fatal(err)
	}
	parse := func(list []string) []goversion.Constraints {
		var out []goversion.Constraints
		for _, s := range list {
			out = append(out, goversion.MustConstraints(goversion.NewConstraint(s)))
		}
		return out
	}
	type parsedNote struct{ installs, unlessInstalls, unlessCurrent []goversion.Constraints }
	want := map[string]parsedNote{}
	for _, n := range b.Notes() {
		want[n.ID] = parsedNote{parse(n.Installs), parse(n.UnlessInstalls), parse(n.UnlessCurrent)}
	}
	sat := func(cs []goversion.Constraints, v glversion.Version) bool {
		sv, err := goversion.NewVersion(fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Check(sv) {
				return true
			}
		}
		return false
	}
	first := func(cs []goversion.Constraints, run []glversion.Version) int {
		for i, v := range run {
			if sat(cs, v) {
				return i
			}
		}
		return -1
	}
	// Every patch from 14.0 on, and some that were never released.
	var versions []glversion.Version
	for _, r := range b.Releases.All() {
		if r.Version.Major >= 14 {
			versions = append(versions, r.Version)
		}
	}
	versions = append(versions, glversion.New(18, 11, 40), glversion.New(19, 9, 0), glversion.New(20, 0, 0))
	setups := []Setup{{}, {InstallMethod: "linux-package", Topology: "multi-node", Edition: "ee"},
		{InstallMethod: "helm", Topology: "geo", ExternalDB: true}, {Topology: "multi-node", ZeroDowntime: true, Edition: "ce"}}
	rng := rand.New(rand.NewPCG(1, 2))
	applied := 0
	for range 1500 {
		cur, tgt := versions[rng.IntN(len(versions))], versions[rng.IntN(len(versions))]
		if tgt.Compare(cur) <= 0 {
			continue
		}
		var hops []glversion.Version
		// Some plans install patches besides the stops.
		for _, v := range versions {
			if v.Compare(cur) > 0 && v.Compare(tgt) < 0 && rng.IntN(40) == 0 {
				hops = append(hops, v)
			}
		}
		hops = append(hops, tgt)
		run := installed(cur, tgt, hops)
		for _, s := range setups {
			got := map[string]bool{}
			for _, n := range b.NotesFor(cur, tgt, hops, s) {
				got[n.ID] = true
			}
			applies := map[string]bool{}
			for _, n := range b.notes {
				w := want[n.ID]
				applies[n.ID] = n.filter().match(s) && (n.Crosses.IsZero() || crosses(cur, tgt, n.Crosses)) &&
					(len(w.installs) == 0 || first(w.installs, run) >= 0) &&
					(len(w.unlessInstalls) == 0 || first(w.unlessInstalls, run) < 0 && !sat(w.unlessInstalls, cur)) &&
					(len(w.unlessCurrent) == 0 || !sat(w.unlessCurrent, cur))
			}
			for _, n := range b.notes {
				w := want[n.ID]
				apply := applies[n.ID]
				// NotesFor leaves out a note when a narrower one it names
				// applies too; Applies judges the note alone.
				listed := apply && !slices.ContainsFunc(n.SupersededBy, func(id string) bool { return applies[id] })
				if got[n.ID] != listed || n.Applies(cur, tgt, hops, s) != apply {
					t.Fatalf("%s, %s -> %s via %v, %+v: NotesFor %v, Applies %v, want %v, %v", n.ID, cur, tgt, hops, s, got[n.ID], n.Applies(cur, tgt, hops, s), listed, apply)
				}
				if !apply {
					continue
				}
				applied++
				trig := tgt
				if i := first(w.installs, run); len(w.installs) > 0 && i >= 0 {
					trig = run[i]
				} else if !n.Crosses.IsZero() {
					for _, v := range run {
						if v.Compare(glversion.New(n.Crosses.Major, n.Crosses.Minor, 0)) >= 0 {
							trig = v
							break
						}
					}
				}
				if g := n.Trigger(cur, tgt, hops); g != trig {
					t.Fatalf("%s, %s -> %s via %v: Trigger %s, want %s", n.ID, cur, tgt, hops, g, trig)
				}
			}
		}
	}
	if applied < 1000 {
		t.Errorf("only %d notes applied; the plans miss the data", applied)
	}
	for _, n := range b.notes {
		w := want[n.ID]
		for _, v := range versions {
			if got, wantAvoid := n.Avoids(v), len(w.unlessInstalls) > 0 && sat(w.unlessInstalls, v); got != wantAvoid {
				t.Fatalf("%s: Avoids(%s) = %v, want %v", n.ID, v, got, wantAvoid)
			}
		}
	}
}

// TestNoteVerdicts holds the snapshot's answers for the notes'
// constraints to go-version, for every release of the embedded table and
// for versions it does not have, and checks that they spare a plan of
// released versions from go-version.
func TestNoteVerdicts(t *testing.T) {
	b, err := load()
	if err != nil {
		t.Fatal(err)
	}
	versions := []glversion.Version{glversion.New(18, 11, 40), glversion.New(19, 9, 0), glversion.New(7, 12, 0), glversion.NewMinor(18, 8)}
	for _, r := range b.Releases.All() {
		versions = append(versions, r.Version)
	}
	withAnswers := 0
	for _, n := range b.notes {
		if n.cs == nil {
			continue
		}
		if n.cs.known == nil {
			t.Fatalf("%s: no answers from the snapshot", n.ID)
		}
		withAnswers++
		for k := range numLists {
			list := n.cs.raw.list(k)
			if len(list) == 0 {
				continue
			}
			var cs []goversion.Constraints
			for _, s := range list {
				cs = append(cs, goversion.MustConstraints(goversion.NewConstraint(s)))
			}
			for _, v := range versions {
				want := false
				sv := goversion.Must(goversion.NewVersion(fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)))
				for _, c := range cs {
					want = want || c.Check(sv)
				}
				if got := n.cs.matches(k, v); got != want {
					t.Fatalf("%s: %s: %s: %v, go-version says %v", n.ID, listNames[k], v, got, want)
				}
				_, known := n.cs.lookup(k, v)
				if known != b.Releases.Has(glversion.New(v.Major, v.Minor, v.Patch)) {
					t.Fatalf("%s: %s: answer for %s known = %v", n.ID, listNames[k], v, known)
				}
			}
		}
	}
	if withAnswers < 15 {
		t.Errorf("only %d notes have answers", withAnswers)
	}

	// A fresh Base answers plans of released versions without parsing a
	// constraint.
	fresh, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range notesForPlans {
		for _, n := range fresh.NotesFor(p.current, p.target, p.hops, p.setup) {
			n.Trigger(p.current, p.target, p.hops)
			n.Avoids(p.target)
		}
	}
	for _, n := range fresh.notes {
		if n.cs != nil && n.cs.p != nil {
			t.Errorf("%s: constraints parsed for a plan of released versions", n.ID)
		}
	}
}

func TestNoteVerdictsChecked(t *testing.T) {
	b, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func([]rawVerdicts) []rawVerdicts{
		"one missing":    func(v []rawVerdicts) []rawVerdicts { return v[1:] },
		"another note":   func(v []rawVerdicts) []rawVerdicts { v[0].Note = "x"; return v },
		"bad run":        func(v []rawVerdicts) []rawVerdicts { v[0].Installs = []string{"15.9.2-15.9.0"}; return v },
		"not a version":  func(v []rawVerdicts) []rawVerdicts { v[0].Installs = []string{"15.9"}; return v },
		"list not there": func(v []rawVerdicts) []rawVerdicts { v[0].UnlessCurrent = []string{"15.9.0"}; return v },
	} {
		known := spoil(slices.Clone(snapshot.NoteVerdicts))
		if _, err := buildNotes(snapshot.Notes, parseLater, known, b.Releases); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestConcurrentFirstUse asks a fresh Base from several goroutines at
// once what it works out on first use: the list of releases, and the
// constraints go-version parses for versions the snapshot has no answer
// for. Run with -race.
func TestConcurrentFirstUse(t *testing.T) {
	b, err := load()
	if err != nil {
		t.Fatal(err)
	}
	cur, tgt := glversion.New(15, 9, 40), glversion.New(19, 9, 0) // neither is a release
	want := len(b.NotesFor(glversion.New(15, 4, 2), glversion.New(19, 3, 0), nil, Setup{}))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if len(b.Releases.All()) < 1000 {
				t.Error("short release list")
			}
			for _, n := range b.NotesFor(cur, tgt, []glversion.Version{glversion.New(18, 11, 40), tgt}, Setup{}) {
				n.Trigger(cur, tgt, nil)
				n.Avoids(glversion.New(18, 11, 40))
			}
		})
	}
	wg.Wait()
	if got := len(b.NotesFor(glversion.New(15, 4, 2), glversion.New(19, 3, 0), nil, Setup{})); got != want {
		t.Errorf("%d notes after, %d before", got, want)
	}
}

// TestNoteOSNames: a note's os filter names releases as the OS support
// table does, so a plan on that release can match it.
func TestNoteOSNames(t *testing.T) {
	b := Default()
	n := 0
	for _, note := range b.notes {
		for _, name := range note.OS {
			n++
			if info, ok := b.LookupOS(name); !ok || info.Name != name {
				t.Errorf("note %s: os %q is not a release name of the OS support table (lookup gives %q)", note.ID, name, info.Name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no note has an os filter")
	}
	s := Setup{InstallMethod: "linux-package"}
	v := func(x string) glversion.Version { r, _ := glversion.Parse(x); return r }
	applies := func(os string) bool {
		s.OS = os
		for _, note := range b.NotesFor(v("18.8.11"), v("18.11.2"), []glversion.Version{v("18.11.2")}, s) {
			if note.ID == "sles-12-5-packages-drop-mattermost-18-11" {
				return true
			}
		}
		return false
	}
	if !applies("SLES 12 SP5") || applies("SLES 15 SP6") || applies("") {
		t.Errorf("the SLES 12 SP5 note applies to SLES 12 SP5 = %v, SLES 15 SP6 = %v, an unnamed OS = %v; want true, false, false", applies("SLES 12 SP5"), applies("SLES 15 SP6"), applies(""))
	}
}
