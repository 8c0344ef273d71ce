package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestHops checks which versions a plan's lines install, for the ways
// real plans name versions they do not install.
func TestHops(t *testing.T) {
	const head = "# Upgrade plan\n\n- Current version: 15.11.13\n- Target version: 16.7.10\n\n## Path\n\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{"list", "1. 16.1.8 (conditional stop, 3,400 npm packages)\n2. 16.3.9 (required stop)\n3. 16.7.10 (target)\n", []string{"16.1.8", "16.3.9", "16.7.10"}},
		{"conditional stop not needed", "- 16.1 conditional stop: no npm packages, so not needed.\n- 16.3.9 (required stop)\n- 16.7.10 (target)\n", []string{"16.3.9", "16.7.10"}},
		{"conditional stop that cannot be skipped", "1. 16.1.8 — conditional stop we cannot skip (3,400 npm packages)\n2. 16.3.9 (required stop)\n3. 16.7.10 (target)\n", []string{"16.1.8", "16.3.9", "16.7.10"}},
		{"negated stop", "- 16.3.9 (required stop)\n- 16.7.10 (target)\n- 16.5 (npm): only needed for large registries, so we do not stop there.\n", []string{"16.3.9", "16.7.10"}},
		{"version notes", "- 16.3.9 (required stop)\n- 16.7.10 (target)\n\nWhat we prepared for:\n\n- **16.4 amcheck** is created by reconfigure on the bundled PostgreSQL database.\n- 16.5 → 16.6 CheckViolation on ci_deleted_objects: if it appears we run the documented fix.\n", []string{"16.3.9", "16.7.10"}},
		{"note column", "| Hop | Version |\n|---|---|\n| 1 | 16.3.9 |\n| 2 | 16.7.10 |\n\n| Version note | How we handle it |\n|---|---|\n| 16.4 amcheck extension | created by reconfigure |\n", []string{"16.3.9", "16.7.10"}},
		{"target row", "| Hop | GitLab version |\n|---|---|\n| 1 | 16.3.9 (required stop) |\n| 2 | 16.7.10 (target) |\n", []string{"16.3.9", "16.7.10"}},
		{"rollback row", "| # | Step | Command |\n|---|---|---|\n| 1 | Hop 1 | `sudo apt-get install gitlab-ee=16.3.9-ee.0` |\n| 2 | Hop 2 | `sudo apt-get install gitlab-ee=16.7.10-ee.0` |\n| 3 | Rollback 1 | `sudo apt-get install gitlab-ee=15.11.13-ee.0` |\n", []string{"16.3.9", "16.7.10"}},
		{"passed bug", "1. 16.3.9\n2. 16.7.10\n\nWe go to 16.7.10, past the 16.6.0 bug.\n", []string{"16.3.9", "16.7.10"}},
		{"not applicable", "- 16.0 (30,000 users or more): not applicable, 900 users.\n- 16.3.9 (required stop)\n- 16.7.10 (target)\n", []string{"16.3.9", "16.7.10"}},
		{"negated install", "1. 16.3.9\n2. 16.7.10\n\nWe do not install 16.5 or 16.6.\n", []string{"16.3.9", "16.7.10"}},
		{"windows", "- Window 1: Saturday 2026-12-05, 07:00–15:00 CET, 15.11.13 → 16.3.9\n- Window 2: Saturday 2026-12-12, 07:00–15:00 CET, 16.3.9 → 16.7.10\n", []string{"16.3.9", "16.7.10"}},
		{"cond. rows", "| # | Version | Kind | Note |\n|---|---|---|---|\n| – | 16.1.8 | cond.: npm packages | **not needed**: no npm packages |\n| 1 | 16.3.9 | required stop | |\n| 2 | 16.7.10 | target | |\n", []string{"16.3.9", "16.7.10"}},
		{"pasted output in an appendix", "1. `sudo apt-get install gitlab-ee=16.3.9-ee.0`\n2. `sudo apt-get install gitlab-ee=16.7.10-ee.0`\n\n## Appendix: apt-cache policy gitlab-ee\n\n```text\ngitlab-ee:\n  Installed: 15.11.13-ee.0\n  Candidate: 16.8.1-ee.0\n     16.8.1-ee.0 500\n```\n", []string{"16.3.9", "16.7.10"}},
		{"sentence end", "Checked with the Upgrade Path tool. 16.1 is a conditional stop; we have no npm packages.\n\n1. 16.3.9\n2. 16.7.10\n", []string{"16.3.9", "16.7.10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsePlan(t, head+tt.body)
			var got []string
			for _, h := range d.Plan.Hops {
				got = append(got, h.Version.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hops (-want +got):\n%s\nplan:\n%s", diff, strings.TrimSpace(tt.body))
			}
		})
	}
}

// TestWindowInProse checks which dated line of a plan without a window
// label gives the window.
func TestWindowInProse(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"meeting header before the window", "# Upgrade notes and runbook\n\n_Meeting 2026-11-24, 14:00 CET; runbook added below._\n\n## Notes\n\n- The window is Tuesday 2026-12-01, 19:00–23:00 CET.\n", "2026-12-01 19:00"},
		{"e-mail header", "# Re: upgrade request\n\nFrom: Jane <jane@example.com>\nDate: Thu, 26 Nov 2026 09:42 -0500\nSubject: Re: upgrade\n\nWe upgrade on 2027-01-09 at 06:00 EST.\n", "2027-01-09 06:00"},
		{"newest message over a quoted one", "# Re: upgrade\n\n1. **Window moved.** Saturday 28 November left no time for a review. The new window is Saturday 19 December 2026, 09:00–14:00 AEDT.\n\n> **Proposed window:** Saturday 28 November 2026 from 09:00 AEDT.\n", "2026-12-19 09:00"},
		{"time on the window line, date in the prose", "# Plan\n\nThe freeze runs from Tuesday 2026-12-01 to Friday 2026-12-11, so the upgrade is on Saturday, December 12, 2026.\n\n- **Window:** the weekend after the freeze, Saturday 07:00–12:00 ET\n", "2026-12-12 07:00"},
		{"question and answer", "# Plan\n\n**Q: When?**\nA: Saturday 2026-12-19, 07:00–13:00 Europe/Oslo (CET).\n", "2026-12-19 07:00"},
		{"only the upgrade line", "# Plan\n\nThe upgrade runs on 2026-12-12 from 22:00 CET.\n", "2026-12-12 22:00"},
		{"date and time labels in a summary", "# Plan\n\n## Summary\n\n- Date: 2026-12-12\n- Time: 22:00 - 02:00 (CET)\n", "2026-12-12 22:00"},
		{"date and time rows in a summary table", "# Plan\n\n## Summary\n\n| Item | Value |\n|---|---|\n| Date | 2026-12-12 |\n| Uhrzeit | 22:00–02:00 MEZ |\n", "2026-12-12 22:00"},
		{"a table of the window's parts", "# Plan\n\n## Overview\n\n| Date | Start | End | TZ |\n|---|---|---|---|\n| 2026-12-12 | 22:00 | 02:00 | CET |\n", "2026-12-12 22:00"},
		{"day first beside a European zone", "# Plan\n\nVentana: 09/01/2027 07:00-15:00 CET\n", "2027-01-09 07:00"},
		{"day first as another date shows", "# Plan\n\nStaging test: 19/12/2026.\n\nWindow: 09/01/2027 07:00-15:00 UTC\n", "2027-01-09 07:00"},
		{"month first as another date shows", "# Plan\n\nStaging test: 12/19/2026.\n\nWindow: 01/09/2027 07:00-15:00 UTC\n", "2027-01-09 07:00"},
		{"calendar invite", "# Plan\n\nMantenimiento GitLab\nsábado, 9 de enero de 2027⋅7:00 – 15:00\nZona horaria: (GMT+01:00) Hora estándar de Europa central - Madrid\n", "2027-01-09 07:00"},
		{"the change as an event", "# Plan\n\nThe change will take place on 2026-12-12 at 22:00 UTC.\n", "2026-12-12 22:00"},
		{"l'intervention", "# Plan\n\nL'intervention aura lieu le 12/12/2026 à 22h00 CET.\n", "2026-12-12 22:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsePlan(t, tt.src)
			w := d.Plan.Window
			if w == nil || !w.HasDate || !w.HasTime {
				t.Fatalf("window = %+v, want %s", w, tt.want)
			}
			if got := w.Start.Format("2006-01-02 15:04"); got != tt.want {
				t.Errorf("window starts %s, want %s", got, tt.want)
			}
		})
	}
}

// TestCurrentVersionInProse checks which unlabelled lines state the
// running version.
func TestCurrentVersionInProse(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"filler words", "Current version is GitLab EE 18.8.11.", "18.8.11"},
		{"long label", "- Current version checked live in the call: GitLab EE 18.8.11 (Help page).", "18.8.11"},
		{"long label, current alone", "- Current version as shown on the admin page today: 17.8.7", "17.8.7"},
		{"sentence first", "- We checked the current version. The call moved to 18.8.11: no.", ""},
		{"not at the start", "- Aylin asked whether the current version in the call: 18.8.11 is fine", ""},
		{"too far", "- Current version of the runbook we wrote for the last upgrade in spring 2025 and reused: 18.8.11", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsePlan(t, "# Upgrade notes\n\n"+tt.line+"\n")
			got := ""
			if len(d.Plan.CurrentClaims) > 0 {
				got = d.Plan.CurrentClaims[0].Version.String()
			}
			if got != tt.want {
				t.Errorf("current version %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTargetBesideCurrent checks a target stated in the same line as the
// running version.
func TestTargetBesideCurrent(t *testing.T) {
	tests := []struct {
		line, current, target string
	}{
		{"Current version: 17.3.7. Target: 18.5.7.", "17.3.7", "18.5.7"},
		{"Current: 17.3.7 / Target: 18.5.7", "17.3.7", "18.5.7"},
		{"We run 17.3.7 and upgrade to 18.5.7.", "17.3.7", "18.5.7"},
		{"We are on GitLab 17.3.7 and will upgrade it to 18.5.7.", "17.3.7", "18.5.7"},
		// An older version is history, not the target.
		{"We run 17.3.7 since the upgrade to 17.3.7 from 16.11.10.", "17.3.7", ""},
		{"Wir sind auf 17.3.7 und wollen auf 18.5.7 aktualisieren.", "17.3.7", "18.5.7"},
		{"Siamo sulla 17.3.7 e vogliamo aggiornare alla 18.5.7.", "17.3.7", "18.5.7"},
		{"Our instance (17.3.7 EE) will be upgraded to 18.5.7.", "17.3.7", "18.5.7"},
		{"Version: 17.3.7 (upgrading to 18.5.7)", "17.3.7", "18.5.7"},
		{"GitLab 17.3.7 to be upgraded to 18.5.7", "17.3.7", "18.5.7"},
		{"| From | To |\n|---|---|\n| 17.3.7 | 18.5.7 |", "17.3.7", "18.5.7"},
		{"| Ist | Soll |\n|---|---|\n| 17.3.7 | 18.5.7 |", "17.3.7", "18.5.7"},
		{"Installed: 17.3.7 | Planned: 18.5.7", "17.3.7", "18.5.7"},
		{"Wij draaien 17.3.7 en willen naar 18.5.7.", "17.3.7", "18.5.7"},
		{"Version actuelle : 17.3.7. Nous allons passer en 18.5.7.", "17.3.7", "18.5.7"},
		{"Actualmente 17.3.7, queremos pasar a 18.5.7.", "17.3.7", "18.5.7"},
		{"Current state: GitLab 17.3.7; desired state: 18.5.7", "17.3.7", "18.5.7"},
		{"We are currently on 17.3.7 and the goal is 18.5.7.", "17.3.7", "18.5.7"},
		{"Estamos en la versión 17.3.7 y el objetivo es la 18.5.7.", "17.3.7", "18.5.7"},
		{"Momenteel draaien we 17.3.7; het doel is 18.5.7.", "17.3.7", "18.5.7"},
		{"Versions: 17.3.7 (current), 18.5.7 (target)", "17.3.7", "18.5.7"},
		{"Both sites run GitLab 17.3.7 today; the goal is 18.5.7.", "17.3.7", "18.5.7"},
		// A state to come is not what runs.
		{"After hop 1 all nodes run 18.5.7.", "", ""},
		{"Our GitLab server (v17.3.7-ee) needs to be upgraded to the latest 18.5 patch, 18.5.7.", "17.3.7", "18.5.7"},
		// The target before the start.
		{"We want to upgrade to 18.5.7 from 17.3.7.", "17.3.7", "18.5.7"},
		{"Nous voulons passer en 18.5.7 depuis la 17.3.7.", "17.3.7", "18.5.7"},
		// One version named twice is no pair.
		{"We gaan naar 18.2.8 (laatste patch van de tussenstop 18.2).", "", ""},
		// The runners' version is not GitLab's.
		{"GitLab 17.3.7 had an outage. We upgraded the runners to 18.5.7.", "", ""},
		// Several rows under "From | To" list hops, not the two ends.
		{"| From | To |\n|---|---|\n| 17.3.7 | 17.5.5 |\n| 17.5.5 | 17.8.7 |", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			d := parsePlan(t, "# GitLab at ACME\n\n## Summary\n\n"+tt.line+"\n")
			var cur, tgt string
			if len(d.Plan.CurrentClaims) > 0 {
				cur = d.Plan.CurrentClaims[0].Version.String()
			}
			if len(d.Plan.TargetClaims) > 0 {
				tgt = d.Plan.TargetClaims[0].Version.String()
			}
			if cur != tt.current || tgt != tt.target {
				t.Errorf("current %q, target %q; want %q, %q", cur, tgt, tt.current, tt.target)
			}
		})
	}
}

// TestContactChoice checks which of several people a plan names is taken
// as the point of contact.
func TestContactChoice(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"deputy first", "Backup contact: Sara Huber, sara@example.com\nPoint of contact: Felix Brandt, felix@example.com\n", "felix@example.com"},
		{"named in a note", "Author: Felix Brandt, felix@example.com (point of contact during the window)\nBackup contact: Sara Huber, sara@example.com\n", "felix@example.com"},
		{"named beside another's address", "Author: Tomás Ibarra · tomas.ibarra@example.com · +1 415 555 0172\n\nContacts for the window: **Tomás Ibarra** (point of contact for Support, e-mail above) and Aiyana Redcloud (aiyana.redcloud@example.com).\n", "tomas.ibarra@example.com"},
		{"only a deputy", "Deputy: Sara Huber, sara@example.com\n", "sara@example.com"},
		{"requester and assignee", "Requested by: Ann Lee, ann@example.com\nAssignee: Bo Chen, bo@example.com\n", "bo@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsePlan(t, "# Upgrade plan\n\n"+tt.body)
			got := ""
			if c := d.Plan.Contact; c != nil {
				got = c.Value
			}
			if got != tt.want {
				t.Errorf("contact %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNestedLeadIn checks that an item ending in a lead-in ("New
// rollback, replacing the old one:") gives its concept to nested items.
func TestNestedLeadIn(t *testing.T) {
	src := "# Upgrade\n\n1. **Rollback restores the backup now.** Reinstalling alone would fail. New rollback, replacing the old one:\n   1. `sudo apt-get install gitlab-ee=15.11.13-ee.0`\n   2. `sudo gitlab-backup restore BACKUP=pre`\n2. Checks after the upgrade\n"
	d := parsePlan(t, src)
	for _, l := range d.Lines {
		want := strings.Contains(l.Text, "apt-get") || strings.Contains(l.Text, "restore BACKUP")
		if got := l.In(TermRollback); want && !got {
			t.Errorf("line %d %q is not read as rollback", l.Num, l.Text)
		}
		if strings.HasPrefix(l.Text, "Checks") && l.In(TermRollback) {
			t.Errorf("line %d %q is read as rollback", l.Num, l.Text)
		}
	}
}

// TestLeaderFacts checks that "Key ....... value" lines, in prose or in a
// plain text block, are read as labelled facts, and that command output
// in such a block stays code.
func TestLeaderFacts(t *testing.T) {
	src := "# Runbook\n\n## Facts\n\n```text\nCurrent ........ 18.2.8-ee\nTopology ....... single node: Puma, Sidekiq, Gitaly, PostgreSQL all on gitlab01\n```\n\n## Checks\n\n```text\nChecking GitLab subtasks ... Finished\nGit configured correctly? ... yes\n```\n"
	d := parsePlan(t, src)
	if len(d.Plan.CurrentClaims) == 0 || d.Plan.CurrentClaims[0].Version.String() != "18.2.8" {
		t.Errorf("current version not read from the fact sheet: %v", d.Plan.CurrentClaims)
	}
	if d.Plan.Topology == nil || d.Plan.Topology.Value != "single-node" {
		t.Errorf("topology = %v, want single-node", d.Plan.Topology)
	}
	for _, l := range d.Lines {
		if strings.Contains(l.Text, "subtasks") || strings.Contains(l.Text, "correctly") {
			if l.Kind != KindCode {
				t.Errorf("line %d %q: kind %d, want code", l.Num, l.Text, l.Kind)
			}
		}
		if strings.HasPrefix(l.Text, "Topology") && l.LabelText() != "Topology" {
			t.Errorf("label %q, want \"Topology\"", l.LabelText())
		}
	}
}

// TestPostgresVersion checks which PostgreSQL version a plan's
// environment line states.
func TestPostgresVersion(t *testing.T) {
	tests := []struct{ line, want string }{
		{"- **PostgreSQL:** el incluido en la imagen, 14.11 (actualizado automáticamente por 16.11)", "14.11"},
		{"- PostgreSQL incluido en la imagen, versión 14.17", "14.17"},
		{"- bundled PostgreSQL 16.8, Redis 7.2", "16.8"},
		{"- 17.0 needs PostgreSQL 14 or later", ""},
	}
	for _, tt := range tests {
		d := parsePlan(t, "# Plan\n\n## Environment\n\n"+tt.line+"\n")
		got := ""
		if db := d.Plan.Database; db != nil {
			got = db.Version
		}
		if got != tt.want {
			t.Errorf("%q: PostgreSQL %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestProductionColumn checks that a plan for staging and production
// states production's facts.
func TestProductionColumn(t *testing.T) {
	src := "# Rollout\n\n| | Staging | Production |\n|---|---|---|\n| Current version | 18.5.7 | 18.2.8 |\n| Target version | 18.8.11 | 18.8.11 |\n| Window | Wed 2026-12-09, 17:00–20:00 UTC | Wed 2026-12-16, 17:00–23:00 UTC |\n| Data | refreshed from prod, upgraded to 18.5.7 on 2026-10-21 | live |\n\nWe rehearsed the 18.2.8 → 18.5.7 hop on staging in October.\n"
	d := parsePlan(t, src)
	var cur, tgt []string
	for _, c := range d.Plan.CurrentClaims {
		cur = append(cur, c.Version.String())
	}
	for _, c := range d.Plan.TargetClaims {
		tgt = append(tgt, c.Version.String())
	}
	if diff := cmp.Diff([]string{"18.2.8"}, cur); diff != "" {
		t.Errorf("current claims (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"18.8.11"}, tgt); diff != "" {
		t.Errorf("target claims (-want +got):\n%s", diff)
	}
	if w := d.Plan.Window; w == nil || w.Start.Format("2006-01-02 15:04") != "2026-12-16 17:00" {
		t.Errorf("window = %+v, want production's 2026-12-16 17:00", w)
	}
}

// TestWindowZoneStatement checks that a plan-wide statement of the time
// zone gives the window's times their zone.
func TestWindowZoneStatement(t *testing.T) {
	src := "# Plan\n\n**All times in this plan are Eastern Standard Time (EST, UTC−05:00).**\n\n| Window | Date | Time |\n|---|---|---|\n| 1 | Saturday, Dec 12, 2026 | 9:00 PM – 1:30 AM |\n"
	d := parsePlan(t, src)
	w := d.Plan.Window
	if w == nil || w.Zone == "" || w.Start.Format(time.RFC3339) != "2026-12-12T21:00:00-05:00" {
		t.Fatalf("window = %+v, want 2026-12-12 21:00 EST", w)
	}
}

// TestPendingValues checks that a pending word is a placeholder only as
// the whole value of a fact's label.
func TestPendingValues(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"- Ansprechpartner: Dennis Krüger, Telefon/E-Mail: folgt", 1},
		{"- Suplente: Natalia Ospina – teléfono: pendiente – correo en la firma", 1},
		{"- Freigabe: pendiente", 0},
		{"- Es folgt: die Liste der Schritte", 0},
	}
	for _, tt := range tests {
		d := parsePlan(t, "# Plan\n\n"+tt.line+"\n")
		got := 0
		for _, l := range d.Lines {
			got += len(l.Placeholders())
		}
		if got != tt.want {
			t.Errorf("%q: %d placeholders, want %d", tt.line, got, tt.want)
		}
	}
}

// TestItemContinuation checks that the label of a list item is in force
// on the lines that continue the item.
func TestItemContinuation(t *testing.T) {
	src := "# Plan\n\n## Prerequisites\n\n1. **Staging rehearsal (done):** restored from the production backup of 14/11/2026,\n   whole path tested. Timings: step 1 with the migrations job 18 min.\n2. Pause the runners.\n"
	d := parsePlan(t, src)
	for _, l := range d.Lines {
		want := strings.Contains(l.Text, "Timings") || strings.Contains(l.Text, "restored")
		if got := l.In(TermStaging); want != got {
			t.Errorf("line %d %q: staging context %v, want %v", l.Num, l.Text, got, want)
		}
	}
}

// TestNotUsedListNamesNoTopology checks that a list of features the
// instance does not use ("Not used: Geo, ...") does not make it a Geo
// deployment, in prose and in other languages, while a plain mention does.
func TestNotUsedListNamesNoTopology(t *testing.T) {
	for _, tc := range []struct {
		text string
		geo  bool
	}{
		{"Repositories 95 GB on local disk. Not used: Geo, Elasticsearch, Mattermost.", false},
		{"Zwei Rails-Knoten. Nicht genutzt: Geo, Advanced Search, Mattermost.", false},
		{"We run a Geo secondary in Frankfurt. Not used: Elasticsearch.", true},
	} {
		src := "# Plan\n\n## Environment\n\n" + tc.text + "\n"
		d, err := Parse("plan.md", []byte(src), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		got := d.Plan.Topology != nil && d.Plan.Topology.Value == "geo"
		if got != tc.geo {
			t.Errorf("%q: geo topology = %v, want %v", tc.text, got, tc.geo)
		}
	}
}

func TestGitLabVersionLabel(t *testing.T) {
	for _, label := range []string{"GitLab version", "Versão do GitLab", "Versión de GitLab", "Versione di GitLab", "GitLab-Version"} {
		src := "# Plan\n\n## Facts\n\n| Item | Value |\n|---|---|\n| " + label + " | 17.5.5 EE |\n| Target | 17.11.7 |\n\n## Steps\n\n1. Check: GitLab version 17.11.7 shows on the help page.\n"
		doc := parsePlan(t, src)
		if doc.Plan.Current == nil || doc.Plan.Current.Version.String() != "17.5.5" {
			t.Errorf("%s: current = %v, want 17.5.5", label, doc.Plan.Current)
		}
	}
}

func TestTitlePair(t *testing.T) {
	for _, title := range []string{"GitLab upgrade 18.8.11 to 18.11.11", "Upgradeplan GitLab productie – 18.8.11 naar 18.11.11", "Mise à jour GitLab 18.8.11 vers 18.11.11", "GitLab-Upgrade 18.8.11 auf 18.11.11"} {
		doc := parsePlan(t, "# "+title+"\n\n## Path\n\ntext\n")
		p := doc.Plan
		if p.Current == nil || p.Current.Version.String() != "18.8.11" || p.Target == nil || p.Target.Version.String() != "18.11.11" {
			t.Errorf("%q: current %v, target %v; want 18.8.11 and 18.11.11", title, p.Current, p.Target)
		}
	}
}

// TestParenLabel checks that a label with a long aside before its colon
// is still a label, and that a speaker's line with an address is not.
func TestParenLabel(t *testing.T) {
	src := "# Plan\n\n- Current version (Admin > Overview > Dashboard, checked 2026-11-24): **18.5.7**\n\n**Dev Ramanathan** (owner, dev@example.com, cell +1 617 555 0142):\nwe're on 18.5.7.\n"
	d := parsePlan(t, src)
	for _, l := range d.Lines {
		switch {
		case strings.HasPrefix(l.Text, "Current"):
			if !l.LabelIs(TermCurrent) || strings.TrimSpace(l.ValueText()) != "18.5.7" {
				t.Errorf("line %q: label %q value %q, want a current-version label over 18.5.7", l.Text, l.LabelText(), l.ValueText())
			}
		case strings.HasPrefix(l.Text, "Dev"):
			if l.Label.Len() > 0 {
				t.Errorf("line %q: label %q, want none", l.Text, l.LabelText())
			}
		}
	}
}

// parsePlan parses src as a plan on the fixtures' date, 2026-11-26, and
// stops the test if it cannot.
func parsePlan(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse("plan.md", []byte(src), time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
