package lint

import (
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// VersionRef is a GitLab version stated on a line.
type VersionRef struct {
	Version glversion.Version
	Line    *Line
	// Span covers the version as written in Line.Text.
	Span Span
	// Edition is "ee" or "ce" when the writing says so.
	Edition string
	// Chart is the Helm chart version the GitLab version was read from,
	// if any.
	Chart *glversion.Version
	// Pinned is true for package pins, image tags and chart versions.
	Pinned bool
	// Strong is true when the writing can only be a version (three parts,
	// a prefix or suffix, a package or image form).
	Strong bool
	// InLink is true for versions in link text or URLs.
	InLink bool
}

// unitWords follow numbers that are sizes, durations or counts.
var unitWords = map[string]bool{
	"gb": true, "tb": true, "mb": true, "kb": true, "gib": true, "tib": true, "mib": true, "g": true, "t": true,
	"h": true, "hr": true, "hrs": true, "hour": true, "hours": true, "min": true, "mins": true, "minute": true, "minutes": true,
	"s": true, "sec": true, "seconds": true, "ms": true, "days": true, "day": true, "weeks": true,
	"stunden": true, "stunde": true, "horas": true, "hora": true, "heures": true, "heure": true, "minuten": true,
	"users": true, "user": true, "k": true, "m": true, "million": true, "cores": true, "vcpu": true, "vcpus": true, "cpu": true,
	"percent": true, "x": true, "rows": true, "tage": true, "días": true, "jours": true,
}

// gitlabVersions returns the versions on l that name GitLab releases: it
// drops versions of other products ("PostgreSQL 14.9", "Redis 7.0.12"),
// sizes and durations ("1.5 hours"), and maps Helm chart versions to the
// GitLab version they deploy.
func gitlabVersions(l *Line, kb *knowledge.Base, pairs map[glversion.Version]glversion.Version) []VersionRef {
	// pairs collects, for charts newer than the table, the GitLab version
	// a line writes beside them; applyChartPairs uses it on the others.
	if len(l.Versions) == 0 {
		return nil
	}
	helmLine := l.Has(TermHelmUpgrade) || l.Has(TermChart) || argoGitLabChart(l)
	var out []VersionRef
	prevChartEnd := -1
	for _, m := range l.Versions {
		if m.Prerelease {
			continue
		}
		ti := tokenAt(l, m.NumStart)
		colChart, colOther := headerKind(l, m.Start)
		if colOther || runnerImage(l.Lower, m.Start) {
			// ("image: gitlab/gitlab-runner:alpine-v18.8.0" is the
			// Runner's release.)
			continue
		}
		ref := VersionRef{
			Version: m.Version, Line: l, Span: Span{m.Start, m.End}, Edition: m.Edition,
			Pinned: m.Form == glversion.FormPackage || m.Form == glversion.FormImage,
			Strong: m.Strong(),
			InLink: l.InLink(m.Start),
		}
		if m.Form == glversion.FormPackage || m.Form == glversion.FormImage {
			out = append(out, ref)
			continue
		}
		if l.InCode(m.Start) && m.Version.HasPatch && (l.Contains("git checkout") || m.Suffixed && strings.Contains(l.Lower[m.Start:m.End], ".0")) {
			// Source installs pin a version with "git checkout v17.5.5-ee";
			// a package revision ("18.8.10-ee.0") is a package pin.
			ref.Pinned = true
			out = append(out, ref)
			continue
		}
		// "chart 8.5.5 → 8.8.7", "charts 8.5.5, 8.8.7": the version after
		// an arrow or a comma from a chart is a chart as well.
		arrowFromChart := prevChartEnd >= 0 && prevChartEnd <= m.Start && arrowGap(l.Text[prevChartEnd:m.Start])
		if colChart || helmLine && (isChartVersion(l, ti) || arrowFromChart || gitlabBeside(l.Text[m.End:]) || chartNumber(kb, m.Version)) {
			gl, exact, ok := kb.Charts.GitLab(m.Version)
			if !ok {
				continue
			}
			if !exact && gl.Major > kb.Releases.Newest().Version.Major+1 {
				// Not a chart GitLab could have released: a GitLab version
				// on a helm line.
				ref.Strong = m.Strong()
				out = append(out, ref)
				continue
			}
			ch := m.Version
			prevChartEnd = m.End
			ref.Chart = &ch
			ref.Version = gl
			ref.Pinned = true
			ref.Strong = exact
			out = append(out, ref)
			continue
		}
		if m.Version.Major < 7 || m.Version.Major > 40 || m.Version.Minor > 13 {
			// GitLab has never had a minor above 13 ("GitLab Shell 14.45.5").
			continue
		}
		if otherProductBefore(l, ti) || otherProductLabel(l, m.Start) || plannedLastBefore(l, ti) ||
			m.Version.Major > kb.Releases.Newest().Version.Major && productEarlierInSentence(l, ti) {
			// ("Docker Engine 27.2 voldoet ruim aan de minimale versie
			// 20.10.10": past GitLab's releases, in a sentence about
			// another product.)
			continue
		}
		if m.Version.Major > kb.Releases.Newest().Version.Major+3 && !gitlabWordBefore(l, m.Start, 3) {
			// "Docker Engine ≥ 20.10.10 (we have 27.3.1)": years beyond
			// any GitLab release, and not called GitLab.
			continue
		}
		if next := nextToken(l, m.End); next != "" && unitWords[next] {
			continue
		}
		if !ref.Strong && (m.Version.Major < 8 || m.Version.Major > 25) {
			continue
		}
		if dottedDate(m.Version) && m.Form != glversion.FormPackage && (m.Version.Major > kb.Releases.Newest().Version.Major+1 || !released(kb, m.Version)) {
			// "Saturday 29.11.25, 18:00", "Stand: 12.12.26": a day, month
			// and year, not a release.
			continue
		}
		out = append(out, ref)
	}
	// A chart newer than planlint's table maps to a GitLab minor only;
	// the GitLab version written beside it ("chart 9.5.7 (GitLab
	// 18.5.7)") says the patch.
	kept := out[:0]
	for _, r := range out {
		if r.Chart != nil && !r.Version.HasPatch {
			// The nearest such version: "| 18.11.11 | 9.11.12 | avoids
			// the 18.11.0/18.11.1 regression |" pairs the chart with the
			// cell beside it, not with the patches the note avoids.
			beside, best := false, -1
			for _, o := range out {
				if o.Chart == nil && o.Version.HasPatch && o.Version.CompareMinor(r.Version) == 0 {
					d := o.Span.Start - r.Span.End
					if d < 0 {
						d = r.Span.Start - o.Span.End
					}
					if !beside || d < best {
						beside, best = true, d
						if pairs != nil {
							pairs[*r.Chart] = o.Version
						}
					}
				}
			}
			if beside {
				continue
			}
		}
		kept = append(kept, r)
	}
	return kept
}

// applyChartPairs gives a chart newer than the chart table the GitLab
// version the plan writes beside it elsewhere: a later "helm upgrade
// --version 9.5.7" deploys the "18.5.7 (chart 9.5.7)" of the summary.
func applyChartPairs(vs []VersionRef, pairs map[glversion.Version]glversion.Version) {
	for i := range vs {
		if r := &vs[i]; r.Chart != nil && !r.Version.HasPatch {
			if gl, ok := pairs[*r.Chart]; ok {
				r.Version, r.Strong = gl, true
			}
		}
	}
}

// runnerImage reports whether the word that ends at offset i names the
// GitLab Runner's package or image ("gitlab-runner:v19.2.0",
// "gitlab-runner=18.8.0-1").
func runnerImage(low string, i int) bool {
	w := i
	for w > 0 && low[w-1] != ' ' && low[w-1] != '\t' && low[w-1] != '"' && low[w-1] != '\'' && low[w-1] != '`' {
		w--
	}
	return strings.Contains(low[w:i], "runner")
}

// gitlabBeside reports whether the text after a version on a chart line
// gives the GitLab version it deploys: "8.11.8 (GitLab 17.11.7)".
func gitlabBeside(rest string) bool {
	rest = strings.TrimLeft(rest, " *_")
	return len(rest) > 8 && strings.EqualFold(rest[:8], "(gitlab ")
}

// statedCharts collects the chart versions the plan states as charts
// somewhere ("| 2 | 17.8.7 | 8.8.7 |" under a "Chart" column, "helm
// upgrade --version 8.8.7") and the GitLab version each deploys.
func statedCharts(lines [][]VersionRef) map[glversion.Version]glversion.Version {
	var out map[glversion.Version]glversion.Version
	for _, vs := range lines {
		for _, r := range vs {
			if r.Chart != nil && r.Chart.HasPatch {
				if out == nil {
					out = map[glversion.Version]glversion.Version{}
				}
				out[*r.Chart] = r.Version
			}
		}
	}
	return out
}

// applyStatedCharts reads a bare number that the plan states as a chart
// elsewhere as that chart, where it cannot be a GitLab release anyone
// installs today: "staging ran 8.3.7 → 8.5.5 → 8.8.7" in a plan whose
// chart column lists those charts is GitLab 17.3.7 → 17.5.5 → 17.8.7, not
// GitLab 8.
func applyStatedCharts(vs []VersionRef, charts map[glversion.Version]glversion.Version) {
	// Only a line of charts alone: "8.11.8 → 17.11.7" maps a chart to
	// its GitLab version itself, and a line that also names unknown
	// charts ("8.11.5 and 8.11.6 both → 17.11.5") is about charts in
	// general.
	for _, r := range vs {
		if r.Chart == nil && !r.Pinned {
			if _, ok := charts[r.Version]; !ok {
				return
			}
		}
	}
	for i := range vs {
		r := &vs[i]
		if r.Chart != nil || r.Pinned || r.Version.Major > 9 {
			continue
		}
		if gl, ok := charts[r.Version]; ok {
			ch := r.Version
			r.Chart, r.Version, r.Strong = &ch, gl, true
		}
	}
}

// plannedLastBefore reports whether the words before token ti speak of an
// operating system's planned last GitLab version ("proposed last GitLab
// version 22.1.0"), which no plan installs.
func plannedLastBefore(l *Line, ti int) bool {
	planned, last := false, false
	for j := max(0, ti-5); j < ti; j++ {
		switch l.Tokens[j].Word {
		case "proposed", "planned", "geplant", "geplante", "prevista", "prévue":
			planned = true
		case "last", "letzte", "última", "dernière":
			last = true
		}
	}
	return planned && last
}

// released reports whether v is a GitLab release in the data.
func released(kb *knowledge.Base, v glversion.Version) bool {
	ml, ok := kb.Releases.Line(v)
	return ok && v.Patch <= ml.Latest.Patch
}

// dottedDate reports whether a three-part number reads as a date
// written day.month.year: "29.11.25".
func dottedDate(v glversion.Version) bool {
	return v.HasPatch && v.Major >= 1 && v.Major <= 31 && v.Minor >= 1 && v.Minor <= 12 && (v.Patch >= 20 && v.Patch <= 99 || v.Patch >= 2000 && v.Patch <= 2099)
}

// arrowGap reports whether text between two versions only leads from one
// to the next ("→", "->", "to") or continues a list (", ").
func arrowGap(gap string) bool {
	g := strings.TrimSpace(gap)
	switch g {
	case "→", "->", "=>", "to", "–", "-",
		// A list: "<CHART> = 8.5.5, 8.8.7, 8.11.6, 9.2.8".
		",", ", then", "then", "and", ", and", "/":
		return true
	}
	return false
}

// tokenAt returns the index of the first token starting at or after off.
func tokenAt(l *Line, off int) int {
	for i, t := range l.Tokens {
		if t.Start >= off {
			return i
		}
	}
	return len(l.Tokens)
}

func nextToken(l *Line, off int) string {
	for _, t := range l.Tokens {
		if t.Start >= off {
			// Only a unit directly after the number ("1.5 hours", "2.5GB").
			gap := l.Text[off:t.Start]
			if len(gap) <= 1 {
				return t.Word
			}
			return ""
		}
	}
	return ""
}

// otherProductBefore reports whether the nearest product named in the few
// words before token ti, in the same clause, is not GitLab.
func otherProductBefore(l *Line, ti int) bool {
	lo := ti - 5
	if lo < 0 {
		lo = 0
	}
	for j := ti - 1; j >= lo; j-- {
		if l.Tokens[j+1].Break && j+1 < ti && strings.TrimSpace(l.Text[l.Tokens[j].End:l.Tokens[j+1].Start]) != "(" {
			// A parenthesis does not end the clause: "Proxmox (VE 8.2.7)".
			return false
		}
		w := l.Tokens[j].Word
		if (w == "ee" || w == "ce") && j > 0 && otherProductAt(l, j-1) {
			// "Docker CE 26.1.4" is Docker's edition.
			return true
		}
		if w == "gitlab" || w == "ee" || w == "ce" || w == "omnibus" {
			return false
		}
		if w == "git" && gitHostName(l, j) {
			// "git.example.com", the usual name of a GitLab server.
			continue
		}
		if otherProductAt(l, j) {
			if l.Kind == KindHeading && installMethodWord[w] && gitlabBefore(l, j, j) {
				// "# Plano de atualização do GitLab — Docker (19.1.6 →
				// 19.3.0)": a title names GitLab and its install method,
				// then GitLab's versions.
				return false
			}
			if (w == "helm" || w == "chart" || w == "charts") && leadingInt(l.Text[l.Tokens[ti].Start:]) >= 11 {
				// "Helm (17.5.5 → 17.11.7)": Helm is at 3.x and the
				// charts below 11, so this is GitLab's version.
				return false
			}
			if gap := l.Text[l.Tokens[ti-1].End:l.Tokens[ti].Start]; j+1 < ti && l.Tokens[ti].Break && (strings.Contains(gap, "—") || strings.Contains(gap, "–") || strings.Contains(gap, " - ")) {
				// "Helm on EKS with Gitaly VMs — 17.8.7": a clause
				// break right before the version, words away from the
				// product.
				return false
			}
			if between := l.Text[l.Tokens[j].End:l.Tokens[ti].Start]; strings.ContainsAny(between, ")]") {
				// "GitLab upgrade plan (GKE, Helm) – 17.3.7 → 17.11.7":
				// the product was named in an aside that has closed;
				// "16.11.10 → [PG 14] → 17.3.7": in a step of its own.
				continue
			}
			if j+1 == ti && strings.TrimSpace(l.Text[l.Tokens[j].End:l.Tokens[ti].Start]) == ":" && gitlabBefore(l, j, 3) {
				// "GitLab-Upgrade Docker: 18.8.11 → 18.11.11" labels
				// GitLab's versions with its install method.
				return false
			}
			if j+2 == ti && strings.TrimSpace(l.Text[l.Tokens[j+1].End:l.Tokens[ti].Start]) == ":" && gitlabBefore(l, j, 3) {
				switch l.Tokens[j+1].Word {
				case "upgrade", "update", "plan", "aktualisierung", "actualización", "mise":
					// "GitLab Helm upgrade: 18.9.1 → 19.2.4"
					return false
				}
			}
			return true
		}
	}
	return false
}

// productEarlierInSentence reports whether another product is named
// anywhere before token ti in its sentence, with no "GitLab" after it.
func productEarlierInSentence(l *Line, ti int) bool {
	a, _ := SentenceAt(l.Lower, l.Tokens[ti].Start, l.Tokens[ti].End)
	for j := ti - 1; j >= 0 && l.Tokens[j].Start >= a; j-- {
		if l.Tokens[j].Word == "gitlab" {
			return false
		}
		if otherProductAt(l, j) {
			return true
		}
	}
	return false
}

// chartNumber reports whether v, on a line about the chart, can only be a
// chart: below 11, where GitLab's own releases are years old, and a
// version the chart table maps exactly ("Chemin 8.8.7 → 8.11.8 → 9.2.8"
// after "même chart").
func chartNumber(kb *knowledge.Base, v glversion.Version) bool {
	if v.Major > 10 || !v.HasPatch {
		return false
	}
	_, exact, ok := kb.Charts.GitLab(v)
	return ok && exact
}

// installMethodWord are other products that name how GitLab is installed.
var installMethodWord = map[string]bool{"docker": true, "compose": true, "helm": true, "kubernetes": true, "k8s": true, "openshift": true, "swarm": true, "eks": true, "aks": true, "gke": true}

// leadingInt returns the number s starts with, or -1.
func leadingInt(s string) int {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 6 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 {
		return -1
	}
	return n
}

// gitlabBefore reports whether "gitlab" is one of the n tokens before j.
func gitlabBefore(l *Line, j, n int) bool {
	for k := j - 1; k >= 0 && k >= j-n; k-- {
		if l.Tokens[k].Word == "gitlab" {
			return true
		}
	}
	return false
}

// otherProductAt reports whether token j is part of another product's
// name.
func otherProductAt(l *Line, j int) bool {
	for _, m := range l.Matches {
		if m.Term == TermOtherProduct && m.Tok <= j && j < m.Tok+m.NTok {
			return true
		}
	}
	return false
}

// gitHostName reports whether token j begins a host name: a dot and a
// letter follow it ("git.example.com").
func gitHostName(l *Line, j int) bool {
	end := l.Tokens[j].End
	return end+1 < len(l.Text) && l.Text[end] == '.' && isASCIILetter(l.Text[end+1])
}

// headerKind tells what the table column holding byte offset off is
// about, from its header cell: Helm chart versions, or another product.
func headerKind(l *Line, off int) (chart, other bool) {
	if l.Header == nil || len(l.Header.Cells) != len(l.Cells) {
		return false, false
	}
	for ci, c := range l.Cells {
		if off < c.Start || off > c.End {
			continue
		}
		h := l.Header
		hs := h.Cells[ci]
		gitlab := false
		for _, t := range h.Tokens {
			if t.Start >= hs.Start && t.End <= hs.End && t.Word == "gitlab" {
				gitlab = true
			}
		}
		for _, m := range h.Matches {
			if m.Start < hs.Start || m.End > hs.End {
				continue
			}
			switch m.Term {
			case TermChart:
				chart = true
			case TermOtherProduct, TermOS:
				other = !gitlab
			}
		}
		if chart {
			other = false
		}
		return chart, other
	}
	return false, false
}

// otherProductLabel reports whether a version in a line's value belongs
// to another product named by the label ("PostgreSQL: 13.12",
// "| Redis | 7.0.15 |").
func otherProductLabel(l *Line, off int) bool {
	if l.Label.Len() == 0 || off < l.Value.Start {
		return false
	}
	other := false
	for _, m := range l.Matches {
		if m.Start >= l.Label.Start && m.End <= l.Label.End {
			if m.Term == TermOtherProduct || m.Term == TermOS {
				other = true
			}
		}
	}
	if !other {
		return false
	}
	for _, t := range l.Tokens {
		if t.End <= l.Label.End && t.Word == "gitlab" {
			return false
		}
	}
	return true
}

// argoGitLabChart reports whether a code line is the "targetRevision" of
// an Argo CD Application whose source is the gitlab chart ("chart:
// gitlab" a few lines around it).
func argoGitLabChart(l *Line) bool {
	if l.Kind != KindCode || l.doc == nil || !l.HasWord("targetrevision") {
		return false
	}
	lines := l.doc.Lines
	for i := max(0, l.Index-6); i < min(len(lines), l.Index+7); i++ {
		if o := lines[i]; o.Kind == KindCode && strings.TrimSpace(o.Lower) == "chart: gitlab" {
			return true
		}
	}
	return false
}

// isChartVersion reports whether the version at token ti is a Helm chart
// version: after the word "chart" in the same clause ("chart 8.5.5",
// "Helm chart gitlab/gitlab 8.5.5", "chart version 8.5.5"), a chart
// release name ("gitlab-8.5.5"), or "--version" or "version:" on a helm
// line.
func isChartVersion(l *Line, ti int) bool {
	if ti < 1 {
		return false
	}
	prev := l.Tokens[ti-1]
	if prev.Word == "gitlab" {
		between := l.Text[prev.End:l.Tokens[ti].Start]
		if between == "-" {
			return true
		}
		if between == " " && (ti < 2 || l.Text[l.Tokens[ti-2].End:prev.Start] != "/") {
			// "GitLab 17.5.5" is GitLab.
			return false
		}
	}
	if prev.Word == "targetrevision" && l.Kind == KindCode && strings.Contains(l.Text[prev.End:l.Tokens[ti].Start], ":") {
		// An Argo CD Application's "targetRevision: 9.2.6" for the
		// gitlab chart.
		return true
	}
	if prev.Word == "version" && ti >= 2 {
		if prev.Start >= 2 && l.Text[prev.Start-2:prev.Start] == "--" {
			return true
		}
		switch l.Tokens[ti-2].Word {
		case "gitlab", "app", "gitlabversion", "image":
			return false
		case "chart":
			return true
		}
		start := prev.Start
		if start >= 2 && l.Text[start-2:start] == "--" || l.Has(TermHelmUpgrade) || l.Kind == KindCode && strings.Contains(l.Text[prev.End:l.Tokens[ti].Start], ":") {
			return true
		}
	}
	for j := ti - 1; j >= 0 && j >= ti-4; j-- {
		if l.Tokens[j+1].Break {
			return false
		}
		switch w := l.Tokens[j].Word; {
		case w == "chart" || w == "charts":
			return true
		case isDigitWord(w) && j < ti-1:
			return false
		}
	}
	return false
}
