package lint

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// Claim sources, strongest first.
const (
	FromFrontMatter = iota
	FromLabel
	FromProse
	FromInferred
)

// Claim is a statement of a fact on a line.
type Claim struct {
	VersionRef
	From int
	// Installed is true for what a package query printed ("rpm -q
	// gitlab-ee" / "gitlab-ee-17.5.5-ee.0.el7.x86_64"): the version that
	// runs, whatever the prose says.
	Installed bool
}

// Hop is one version the plan's steps install.
type Hop struct {
	VersionRef
	// Listed is true for versions read from a path table, list or arrow
	// chain rather than from a step or command.
	Listed bool
}

// Fact is a non-version fact and where it was stated.
type Fact struct {
	Value string
	Line  *Line
	Span  Span
	From  int
}

// Plan is what planlint understood of an upgrade plan. Fields it could not
// find are nil or empty.
type Plan struct {
	Current *Claim
	Target  *Claim
	// CurrentClaims and TargetClaims are every statement of the two, in
	// document order, for consistency checks.
	CurrentClaims []Claim
	TargetClaims  []Claim
	// TargetVague is a target stated without a version ("latest").
	TargetVague *Fact

	Edition *Fact // "ee" or "ce"
	// EditionStated is the edition the plan says the instance runs, from
	// front matter, a label or prose, not from the commands.
	EditionStated *Fact
	InstallMethod *Fact // linux-package, docker, helm, operator, source, get
	OS            *Fact // "Ubuntu 22.04"; Value without a version when only the name is known
	OSNoVersion   bool
	// OSUpgrade is the operating system release the plan moves the
	// server to on the way ("[OS: 18.04 → 20.04 → 22.04]" in the path,
	// "W4: OS upgrade Ubuntu 18.04 → 22.04"), as "Ubuntu 22.04".
	OSUpgrade *Fact
	Topology  *Fact // single-node, multi-node, geo
	// Components maps a component name to the first line naming it.
	Components map[string]*Line

	Window *Window
	// MoreWindows are the other dated rows of the schedule table the
	// window comes from, when its rows each give their own zone
	// ("| Fenêtre 2 | samedi 9 janvier 2027 | 22h00–03h00 | |"): a row
	// that leaves its zone out is as unclear as a window without one.
	MoreWindows []*Window
	Contact     *Contact

	// Hops are the versions the steps install, ascending, each at its
	// first occurrence. Installs are every install statement in document
	// order.
	Hops     []Hop
	Installs []Hop
	// Stated are all install statements as written, before a command's
	// version overrides prose naming another patch of the same minor.
	Stated []Hop

	StagingTested *Fact // Value "true" or "false"
	// StagingVersion is the version the rehearsal instance runs, as the
	// plan states it ("gitlab-coll is on GitLab 17.6.5").
	StagingVersion *Claim
	ZeroDowntime   *Fact
	Prepared       *Fact

	// Done is the newest version a window ticked off as done, before the
	// day the plan is read, installed ("- [x] Window 2 — 2026-11-14:
	// 17.5.5 → 17.11.7"); nil when the plan records none.
	Done *VersionRef
	// Users and RailsNodes are counts the plan states; Database is what
	// it says about PostgreSQL.
	Users      *Count
	RailsNodes *Count
	Database   *Database
	// ExternalRedis is the line saying Redis runs outside GitLab, if any.
	ExternalRedis *Line
	// OneGitLabNode is the line saying only one server runs GitLab, the
	// others being its database, load balancer or other services.
	OneGitLabNode *Line

	// Mentions are all GitLab versions named anywhere, with their lines.
	Mentions []VersionRef
}

// PathStrings returns the hop versions as strings.
func (p *Plan) PathStrings() []string {
	var out []string
	for _, h := range p.Hops {
		out = append(out, h.Version.String())
	}
	return out
}

// Knowledge is the knowledge base used to read plans (chart versions).
// It can be replaced before linting, for example with cached newer data.
var Knowledge = knowledge.Default

// notStepContext are concepts whose versions are never hops.
var notStepContext = func() termSet {
	var s termSet
	for _, t := range []Term{TermRollback, TermRisk, TermChangelog, TermOutOfScope} {
		s.add(t)
	}
	return s
}()

// noProseStepContext are concepts whose prose "upgrade to X" lines are not
// steps, though a path statement there is.
var noProseStepContext = func() termSet {
	var s termSet
	for _, t := range []Term{TermSummary, TermVerify, TermEnvironment, TermArchitecture, TermWindow, TermContact, TermComms, TermSignoff, TermBackup, TermStaging} {
		s.add(t)
	}
	return s
}()

func extractPlan(d *Document, today time.Time) *Plan {
	kb := Knowledge()
	p := &Plan{Components: map[string]*Line{}}
	r := planReader{doc: d, plan: p, kb: kb, today: today, flat: true, dayFirst: dayFirstDocument(d)}
	for _, s := range d.Sections {
		if s.Heading != nil && !s.IsTitle && !s.Pseudo {
			r.flat = false
		}
	}
	r.readFrontMatter()
	// Charts newer than the chart table, paired with a GitLab version on
	// some line ("18.5.7 (chart 9.5.7)"), deploy that version everywhere:
	// read every line's versions first, then apply the pairs.
	pairs := map[glversion.Version]glversion.Version{}
	lineVersions := make([][]VersionRef, len(d.Lines))
	for i, l := range d.Lines {
		if l.Kind != KindFrontMatter {
			lineVersions[i] = gitlabVersions(l, kb, pairs)
		}
	}
	charts := statedCharts(lineVersions)
	for i, l := range d.Lines {
		if l.Kind == KindFrontMatter {
			continue
		}
		vs := lineVersions[i]
		if len(pairs) > 0 {
			applyChartPairs(vs, pairs)
		}
		if len(charts) > 0 {
			applyStatedCharts(vs, charts)
		}
		p.Mentions = append(p.Mentions, vs...)
		if l.QuoteDepth >= 2 {
			// "> > we would like to upgrade to 18.11.2": a message
			// quoted in a quoted reply is an older draft of the plan.
			vs = nil
		}
		r.readVersions(l, vs)
		r.readFacts(l)
	}
	if r.stagingDenied != nil && !r.stagingAffirmed {
		// "staging_tested: true" over "We hebben geen aparte
		// testomgeving; de upgrade wordt niet vooraf geoefend": the body
		// says what happened.
		p.StagingTested = r.stagingDenied
	}
	r.resolve()
	r.readSetup()
	r.readWindow()
	r.osUpgradeAfterWindow()
	r.readContact()
	return p
}

// osUpgradeAfterWindow drops an operating system upgrade the plan dates
// after the window ("| sabato 13/02/2027 | git01 | upgrade Debian 10 →
// Debian 12 |" in a calendar whose GitLab window is 02/12/2026): the
// path runs on the old release.
func (r *planReader) osUpgradeAfterWindow() {
	p := r.plan
	if p.OSUpgrade == nil || p.OSUpgrade.Line == nil || p.Window == nil || !p.Window.HasDate || p.OSUpgrade.Line == p.Window.Line {
		return
	}
	sc := r.scan(p.OSUpgrade.Line.Text)
	if sc.Date == nil || sc.Date.YearInferred {
		return
	}
	d := sc.Date.At(0, 0, p.Window.Start.Location())
	if !d.After(p.Window.Start) {
		return
	}
	// A later window or hop keeps it: "W2 after the OS move: 16.11 →
	// 17.3" runs on the new release.
	for _, l := range r.doc.Lines {
		if l == p.OSUpgrade.Line || l.Kind == KindCode || !(len(l.Versions) > 0 || l.Has(TermWindow)) || !l.hasDigit() {
			continue
		}
		if ls := r.scan(l.Text); ls.Date != nil && !ls.Date.YearInferred && ls.Date.At(0, 0, d.Location()).After(d) {
			return
		}
	}
	p.OSUpgrade = nil
}

type planReader struct {
	doc   *Document
	plan  *Plan
	kb    *knowledge.Base
	today time.Time
	flat  bool
	// dayFirst: the document writes ambiguous numeric dates day first.
	dayFirst bool
	method   map[string]int // evidence counts
	methodAt map[string]*Line
	// gitlabOperator is the first line that names the GitLab Operator
	// itself, not some other Kubernetes operator.
	gitlabOperator *Line
	edition        map[string]int
	edLine         map[string]*Line
	// proseEd counts editions named in prose, not in commands.
	proseEd   map[string]int
	proseLine map[string]*Line
	topo      map[string]*Fact
	// geoSites is a description of existing Geo sites in the environment
	// ("| Rolle | Geo primary | Geo secondary |").
	geoSites *Fact
	// stagingDenied is the first body line that says the upgrade was not
	// rehearsed while the front matter says it was; stagingAffirmed
	// records a body line that says it was.
	stagingDenied   *Fact
	stagingAffirmed bool
}

func (r *planReader) fm(key string) (string, *Line) {
	v, l, ok := r.doc.FrontMatterValue(key)
	if !ok || strings.TrimSpace(v) == "" {
		return "", nil
	}
	return v, l
}

func (r *planReader) readFrontMatter() {
	p := r.plan
	if r.doc.FrontMatter == nil {
		return
	}
	version := func(key string) *Claim {
		v, l := r.fm(key)
		if l == nil {
			return nil
		}
		gv, err := glversion.Parse(v)
		if err != nil {
			if isVagueVersion(v) && key == "target_version" {
				p.TargetVague = &Fact{Value: v, Line: l, Span: l.Value}
			}
			return nil
		}
		return &Claim{VersionRef: VersionRef{Version: gv, Line: l, Span: l.Value, Strong: true}, From: FromFrontMatter}
	}
	if c := version("current_version"); c != nil {
		p.CurrentClaims = append(p.CurrentClaims, *c)
	}
	if c := version("target_version"); c != nil {
		p.TargetClaims = append(p.TargetClaims, *c)
	}
	fact := func(key string) *Fact {
		v, l := r.fm(key)
		if l == nil {
			return nil
		}
		return &Fact{Value: v, Line: l, Span: l.Value, From: FromFrontMatter}
	}
	if f := fact("edition"); f != nil {
		if e := editionOf(f.Value); e != "" {
			f.Value = e
			p.Edition = f
		}
	}
	if f := fact("install_method"); f != nil {
		if m := normalizeMethod(f.Value); m != "" {
			f.Value = m
			p.InstallMethod = f
		}
	}
	if f := fact("os"); f != nil {
		p.OS = f
		name, ver := osOf(lowerSameLen(f.Value))
		if name != "" {
			f.Value = osString(name, ver)
		}
		p.OSNoVersion = name != "" && ver == ""
	}
	if f := fact("topology"); f != nil {
		if t := normalizeTopology(f.Value); t != "" {
			f.Value = t
			p.Topology = f
		}
	}
	p.StagingTested = boolFact(fact("staging_tested"))
	p.ZeroDowntime = boolFact(fact("zero_downtime"))
	p.Prepared = boolFact(fact("prepared"))
}

func boolFact(f *Fact) *Fact {
	if f == nil {
		return nil
	}
	switch strings.ToLower(f.Value) {
	case "true", "yes", "y", "on", "1", "ja", "sí", "si", "oui":
		f.Value = "true"
	case "false", "no", "n", "off", "0", "nein", "non":
		f.Value = "false"
	default:
		return nil
	}
	return f
}

func isVagueVersion(s string) bool {
	l := lowerSameLen(s)
	toks := tokenize(l, nil)
	ms := lexi().match(toks, nil)
	for _, m := range ms {
		if m.Term == TermLatest {
			return true
		}
	}
	return false
}

// pathProse reports whether a line of a "Path and notes" section states
// the path: prose with a chain ("One hop, 17.5.5 → 17.8.7") or a row of
// its path table. Its list items are the notes.
func pathProse(l *Line, vs []VersionRef) bool {
	h := l.Section.Heading
	if h == nil || l.Item || !l.Section.Names(TermPath) || !riskOnlyAsNotes(h) {
		return false
	}
	return l.Kind == KindTableRow || l.Kind == KindText && len(arrowChain(l, vs)) >= 2
}

// readVersions classifies the versions on one line: claims of the current
// and target version, and hops.
func (r *planReader) readVersions(l *Line, vs []VersionRef) {
	p := r.plan
	if l.Cited || removedDiffLine(l) {
		// A quote of the documentation ("> upgrade directly to 18.2.6")
		// names GitLab's versions, not the plan's; the removed line of a
		// diff ("-    image: 'gitlab/gitlab-ee:17.8.7-ee.0'") is what the
		// change takes away.
		return
	}
	if r.doneWindow(l, vs) {
		// "- [x] Ventana 1 — sábado 17/10/2026: 17.3.7 → 17.5.5.
		// completada": a window already behind the instance, which the
		// next window goes on from.
		for _, v := range vs {
			if v.Version.HasPatch && (p.Done == nil || v.Version.Compare(p.Done.Version) > 0) {
				p.Done = &v
			}
		}
		return
	}
	if runnerLabel(l) {
		// "Runners: stay online; upgraded to 19.2 the week after": the
		// runners' version, not GitLab's.
		vs = slices.DeleteFunc(slices.Clone(vs), func(v VersionRef) bool {
			return v.Span.Start >= l.Value.Start && !gitlabWordBefore(l, v.Span.Start, 4)
		})
	}
	if l.Kind == KindTableRow && slices.ContainsFunc(vs, func(v VersionRef) bool { return boundVersion(l, v) }) {
		// "| 2 | 18.8.11 | 18.11.11 | doel (laatste voor 19.0) |": a
		// limit named in a path row is not on the path.
		vs = slices.DeleteFunc(slices.Clone(vs), func(v VersionRef) bool { return boundVersion(l, v) })
	}
	if l.Kind != KindCode && slices.ContainsFunc(vs, func(v VersionRef) bool { return avoidedVersion(l, v) }) {
		// "Evitamos 19.0.0/19.0.1 (fallo ...)": versions the plan keeps
		// away from are neither hops nor claims.
		vs = slices.DeleteFunc(slices.Clone(vs), func(v VersionRef) bool { return avoidedVersion(l, v) })
	}
	if l.LabelIs(TermTarget) && !l.LabelIs(TermCurrent) && len(vsIn(vs, l.Value)) == 0 && isVagueVersion(l.ValueText()) {
		p.TargetVague = &Fact{Value: l.ValueText(), Line: l, Span: l.Value, From: FromLabel}
	}
	if len(vs) == 0 || len(vs) == 1 && !l.Has(TermTarget) {
		// "we want to upgrade to the latest version": a target, but not a
		// concrete one ("We are on 18.5.7 and want to upgrade to the
		// latest version" names only the current one).
		if p.TargetVague == nil && l.Has(TermLatest) && !l.Context.intersects(notStepContext) && l.Kind != KindCode {
			// "... to the latest version", "let's go to whatever is
			// newest", or a reply that is only "just latest".
			for _, m := range l.FindAll(TermLatest) {
				toLatest := termBefore(l, m.Start, TermTo, 3) && (termBefore(l, m.Start, TermUpgradeVerb, 6) || l.HasWord("go", "going", "move", "jump"))
				reply := m.Tok >= 1 && (l.Tokens[m.Tok-1].Word == "just" || l.Tokens[m.Tok-1].Word == "only") && len(l.Versions) == 0
				if !toLatest && !reply || len(vs) > 0 && vs[0].Span.Start > m.Start {
					// ("to the latest 17.8 patch, 17.8.7" names it.)
					continue
				}
				p.TargetVague = &Fact{Value: l.Text[m.Start:m.End], Line: l, Span: Span{m.Start, m.End}, From: FromProse}
				break
			}
		}
		if len(vs) == 0 {
			return
		}
	}
	if p.StagingVersion == nil && l.In(TermStaging) && !l.In(TermProcedure) && l.Kind != KindCode {
		for _, v := range vs {
			if !v.InLink && v.Chart == nil && (currentlyRuns(l, v) || currentVersionBefore(l, v) || alreadyOn(l, v)) && !pastUpgrade(l, v) {
				p.StagingVersion = &Claim{VersionRef: v, From: FromProse}
				break
			}
		}
	}
	if out, installed := versionQueryOutput(r.doc, l); l.Kind == KindCode && out {
		// "$ rpm -q gitlab-ee" / "gitlab-ee-17.11.7-ee.0.el9.x86_64",
		// "gitlab:env:info" / "Version: 18.6.3-ee": what runs now, not
		// an install. ("Candidate:" of apt-cache policy is neither.)
		if installed && !l.In(TermRollback) && !l.In(TermStaging) && !l.In(TermVerify) {
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: vs[0], From: FromProse, Installed: true})
		}
		return
	}
	// The title of an "upgrade and rollback plan" states the versions.
	excluded := l.Context.intersects(notStepContext) && !(l.Kind == KindHeading && l.Section.IsTitle && l.In(TermProcedure)) && !pathProse(l, vs)
	if excluded || versionNotesLabel(l) {
		// ("Abbiamo letto le note di versione: per il passaggio 17.5 →
		// 17.6 teniamo pronto ..." tells what the notes say of a
		// crossing, not a hop.)
		return
	}
	// "Hop 1 to 18.11.11. ... If this fails: set the image back to
	// 18.8.11": only the versions before the failure branch are the step's.
	cut := l.failureClause()
	if cut < len(l.Text) {
		n := 0
		for n < len(vs) && vs[n].Span.Start < cut {
			n++
		}
		if vs = vs[:n]; len(vs) == 0 {
			return
		}
	}
	// Labelled statements: "Current version: 15.4.2", "| Target | 17.8.1 |".
	labelled := false
	if l.Label.Len() > 0 && l.Kind != KindCode {
		inVal := vsIn(vs, valueSpan(l))
		switch {
		case l.LabelIs(TermCurrent) && !l.LabelIs(TermTarget) && len(inVal) > 0:
			cur := inVal[0]
			if i := slices.IndexFunc(inVal, func(v VersionRef) bool { return v.Chart == nil && !v.InLink }); cur.Chart != nil && i > 0 {
				// "Aktuell installiert: Chart 9.6.5 = GitLab 18.6.6": the
				// GitLab version as written; a chart that deploys
				// another patch is helm-chart-version-mismatch.
				cur = inVal[i]
			}
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: cur, From: FromLabel})
			// "Current version: 17.3.7. Target: 18.5.7." on one line.
			r.targetAfter(l, inVal, cur)
			labelled = true
		case len(inVal) == 1 && (gitlabVersionLabel(l) || gitlabInventoryRow(l)) && !l.Has(TermTarget) && !l.In(TermProcedure) && !l.In(TermVerify) && !l.In(TermStaging) && !l.In(TermPath):
			// "| GitLab version | 17.5.5 EE |", "Versão do GitLab:
			// 17.5.5" among the facts: what runs today.
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: inVal[0], From: FromLabel})
			labelled = true
		case l.LabelIs(TermTarget) && !l.LabelIs(TermCurrent) && len(inVal) > 0:
			if chain := arrowChain(l, inVal); len(chain) >= 2 && chain[0].Version.Compare(chain[len(chain)-1].Version) < 0 {
				// "**Ziel:** GitLab CE 18.5.7 → 18.11.11": from where the
				// instance stands to the target.
				p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: chain[0], From: FromProse})
				p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: chain[len(chain)-1], From: FromLabel})
				labelled = true
				break
			}
			p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: inVal[0], From: FromLabel})
			// A row of a path table marked "(target)" is the last hop
			// as well; a two-column facts row ("| Doelversie | 19.2.4 |"
			// over "| Pad | 18.8.11 → 18.11.11 → 19.2.4 |") is not.
			labelled = !(l.Kind == KindTableRow && (l.In(TermPath) || l.In(TermProcedure))) || l.Kind == KindTableRow && len(l.Cells) == 2 && l.LabelTerms.has(TermTarget)
		}
	}
	if !labelled && len(vs) == 2 && l.Kind != KindCode && !l.In(TermRollback) && !l.In(TermStaging) && !l.In(TermPath) && !l.In(TermProcedure) && parenRole(l, vs[0]) == TermCurrent && parenRole(l, vs[1]) == TermTarget {
		// "Versions: 17.3.7 (current), 18.5.7 (target)": each version
		// says in brackets which it is.
		p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: vs[0], From: FromLabel})
		p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: vs[1], From: FromLabel})
		return
	}
	if !labelled && len(p.CurrentClaims) == 0 && l.Kind == KindTableRow && (l.In(TermPath) || l.In(TermProcedure)) && (l.Has(TermCurrent) || startRow(l)) && !l.Has(TermTarget) &&
		!l.Has(TermPkgInstall) && !l.Has(TermHelmUpgrade) && len(l.Code) == 0 {
		// "| nu | 17.8.7 | 8.8.7 |", "| 0 (today) | 8.8.7 | 17.8.7 |" in a
		// path table of a plan that has not said what runs: where the
		// path starts, not a hop.
		var cur *VersionRef
		for i := range vs {
			v := &vs[i]
			if v.Chart != nil && !v.Version.HasPatch || v.InLink || noteColumn(l, *v) {
				// ("| Atual | 8.5.5 | 17.5.5 | último patch da 17.5 |": the
				// note names the minor.)
				continue
			}
			if cur != nil && !cur.Version.Matches(v.Version) {
				cur = nil
				break
			}
			if cur == nil || !cur.Version.HasPatch {
				cur = v
			}
		}
		if cur != nil {
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: *cur, From: FromLabel})
			return
		}
	}
	// Table columns labelled by the header: "| Current | Target |".
	if !labelled && l.Kind == KindTableRow && l.Header != nil && len(l.Header.Cells) == len(l.Cells) && !l.In(TermPath) && !l.In(TermProcedure) && !otherInstanceRow(l) {
		for ci, cell := range l.Cells {
			h := l.Header
			hs := h.Cells[ci]
			var ht termSet
			for _, m := range h.Matches {
				if m.Start >= hs.Start && m.End <= hs.End {
					ht.add(m.Term)
				}
			}
			in := vsIn(vs, cell)
			if len(in) == 0 {
				continue
			}
			// "| From | To |", "| Ist | Soll |": header words that name
			// the two ends only as a column's whole title, over one row
			// (several rows list hops or past upgrades).
			switch onlyRow := r.onlyRow(l); strings.Trim(strings.TrimSpace(h.Lower[hs.Start:hs.End]), "*_:") {
			case "from", "von", "desde", "de", "ist", "now", "today", "before", "vorher", "antes", "avant":
				if onlyRow {
					ht.add(TermCurrent)
				}
			case "to", "nach", "auf", "hasta", "a", "vers", "soll", "after", "after upgrade", "nachher", "después", "après", "naar", "para":
				if onlyRow {
					ht.add(TermTarget)
				}
			}
			switch {
			case ht.has(TermCurrent) && !ht.has(TermTarget):
				p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: in[0], From: FromLabel})
				labelled = true
			case ht.has(TermTarget) && !ht.has(TermCurrent):
				p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: in[0], From: FromLabel})
				labelled = true
			}
		}
	}
	if labelled {
		return
	}
	if m, ok := l.Find(TermRollback); ok && l.Has(TermConditional) && !l.In(TermProcedure) && m.Start < vs[0].Span.Start {
		// "Rollback, if a hop fails: ... install gitlab-ee=18.6.3-ee.0";
		// a sentence that names the versions first and the rollback
		// after them still states the versions.
		return
	}
	for _, c := range p.CurrentClaims {
		if l.revertsBefore(c.Version, cut) {
			// "then we put gitlab-ee:16.8.1-ee.0 back": the rollback.
			return
		}
	}
	if lookupBefore(l, vs[0].Span.Start) {
		// Looking the versions up installs nothing; a look-up named after
		// the versions ("all latest patches, I checked apt-cache
		// madison") does not take back the path before it.
		return
	}
	if l.FailureBranch() {
		// "If this hop fails: put the old chart back": the rollback
		// written inside the hop.
		return
	}
	if notInstalled(l, vs) || l.Item && r.continuationRejects(l) {
		// "17.1 conditional stop: 140,000 rows, so not needed", "| 32 |
		// Rollback 2 | dnf install gitlab-ee-16.3.9 |".
		return
	}
	step := r.isStepLine(l)
	// A section headed "Target" or "Current version" states that version
	// in its first sentence: "GitLab EE 18.5.7 via the required stops".
	if a, b := fromTo(l, vs); a >= 0 && b > a {
		// ("## Ziel" over "von 18.8.11 auf 18.11.11 heben": the sentence
		// says which is which.)
	} else if h := l.Section.Heading; h != nil && !step && l.Kind != KindTableRow && l.Kind != KindCode && len(l.Section.Lines) > 0 && l.Section.Lines[0] == l {
		switch {
		case h.Has(TermTarget) && !h.Has(TermCurrent) && !currentlyRuns(l, vs[0]):
			// ("## Ziel" over "Unsere Instanz läuft mit GitLab EE 18.5.7.
			// Ziel ist 18.11.11": the sentence says what runs today.)
			// The version after a target word wins; otherwise only the
			// first sentence's ("Debian 11 reached ... . The table lists
			// 19.3.0 as its last release. Our target 19.2.4 ...").
			pick := -1
			for i, v := range vs {
				if termBefore(l, v.Span.Start, TermTarget, 3) {
					pick = i
					break
				}
			}
			if _, end := SentenceAt(l.Text, 0, 0); pick < 0 && vs[0].Span.Start < end && !stopsFrom(l, vs[0]) {
				pick = 0
			}
			if pick >= 0 {
				p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: vs[pick], From: FromProse})
				return
			}
		case h.Has(TermCurrent) && !h.Has(TermTarget) && !h.Has(TermEnvironment):
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: vs[0], From: FromProse})
			return
		}
	}
	if numberedStepRow(l) && (l.In(TermEnvironment) || l.In(TermArchitecture)) {
		// "| Step | Image reference |" / "| 1 | gitlab/gitlab-ce:17.11.7-ce.0
		// |" beside the running image: the images of the path.
		for _, v := range vs {
			if v.Pinned {
				r.hop(v, true)
			}
		}
		return
	}
	// An environment description names the running version: "GitLab
	// Enterprise Edition 17.8.7 in Docker". (A chain of three or more
	// versions there is the path: "path (required stops): 14.10.5 ->
	// 15.0.5 -> ... -> 18.5.7".)
	if (l.In(TermEnvironment) || l.In(TermArchitecture)) && !step && !l.In(TermPath) && l.Kind != KindCode && len(arrowChain(l, vs)) < 3 {
		if instruction(l) {
			// "1. Instalar gitlab-ee=19.2.4-ee.0 em gitlab-db01" under
			// "Geo e nova arquitetura": an instruction, not what runs.
			return
		}
		if distinctVersions(vs) >= 3 && len(arrowChain(l, vs)) < 2 {
			// "Imported on 2026-11-20: gitlab-ee-17.1.8-ee.0.el9,
			// 17.3.7-ee.0.el9, 17.5.5-ee.0.el9, ...": a list of packages
			// at hand, not what runs.
			return
		}
		for _, v := range vs {
			if v.InLink || v.Chart != nil && !v.Chart.HasPatch {
				// (A chart line, "nothing to clean up for chart 9.0", is
				// a release's notes, not what runs.)
				continue
			}
			if termBefore(l, v.Span.Start, TermTo, 3) && (l.Has(TermUpgradeVerb) || l.HasWord("aim", "goal", "reach", "ziel", "objetivo", "objectif", "obiettivo")) {
				// "The aim of this change is to reach GitLab 16.11.10"
				// under "Background and current situation".
				continue
			}
			if l.Label.Len() > 0 && v.Span.Start >= l.Value.Start && (l.LabelIs(TermDatabaseWord) || l.LabelIs(TermOtherProduct)) && !v.Pinned {
				// "| PostgreSQL (GitLab) | 16.10 incluido en el paquete |":
				// the version of what the label names.
				continue
			}
			if gitlabWordBefore(l, v.Span.Start, 4) && !referencedVersion(l, v) || v.Pinned && !(v.Chart != nil && l.HasWord("supported", "supports", "lists", "compatible")) {
				// (Charts an Operator release supports are not the
				// running version.)
				p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: v, From: FromProse})
				return
			}
		}
		return
	}
	// ("- **F1** sabato 12/12/2026" over "- 14.10.5", "- 15.0.5": the
	// hops of a window, listed one per item.)
	pathCtx := l.In(TermPath) || l.LabelIs(TermPath) || l.Item && l.In(TermWindow) && bareHop(l) && amongHops(l, vs)
	// A "Description" or "Summary" heading over "### Upgrade path" does
	// not make the path a summary: the nearer heading decides.
	inSummary := l.In(TermSummary) && !(l.Section.Heading != nil && !l.Section.Names(TermSummary) && (l.Section.Names(TermPath) || l.Section.Names(TermProcedure)))
	summaryCtx := inSummary || !r.flat && (l.Section.IsTitle || l.Section.Heading == nil) || l.Kind == KindHeading && l.Section.IsTitle || mailSubject(l)
	chain := arrowChain(l, vs)
	fromIdx, toIdx := fromTo(l, vs)
	if fromIdx < 0 && l.Kind == KindHeading && l.Section.IsTitle {
		// "# GitLab upgrade 18.8.11 to 18.11.11", "Upgradeplan GitLab
		// productie – 18.11.11 naar 19.2.4": the title's pair.
		fromIdx, toIdx = barePair(l, vs)
	}
	if fromIdx < 0 && len(chain) < 2 && (summaryCtx || inSummary || l.In(TermEnvironment) || l.Context.empty()) {
		// "Our instance (17.3.7 EE) will be upgraded to 18.5.7."
		fromIdx, toIdx = upgradePair(l, vs)
	}
	if a, b := toFrom(l, vs); toIdx < 0 && a >= 0 && (summaryCtx || inSummary || l.In(TermEnvironment) || l.Context.empty()) && !pastUpgrade(l, vs[a]) && !nextUpgrade(l, vs[a], vs[b]) && !termBefore(l, vs[b].Span.Start, TermRollback, 3) {
		// "We want to upgrade to 18.5.7 from 17.3.7."
		p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: vs[a], From: FromProse})
		p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: vs[b], From: FromProse})
		return
	}
	// A path written as a chain: "15.4.2 → 15.4.6 → 15.11.13 → 16.3.9".
	// ("- [ ] Ventana 3 — sábado 12/12/2026: 17.8.7 → 17.11.7" after the
	// windows done: the next part of the path.)
	nextWindow := len(chain) == 2 && !summaryCtx && (l.Has(TermWindow) || windowRow(l)) && r.plan.Done != nil && r.continues(chain[0].Version)
	if (len(chain) >= 3 || len(chain) == 2 && pathCtx && !summaryCtx || nextWindow) && !noteItem(l, vs) {
		if pastUpgrade(l, chain[0]) || nextUpgrade(l, chain[0], chain[len(chain)-1]) {
			// "our last four upgrades (16.7 → 16.11, 16.11 → 17.3, ...)",
			// "the next planned change is 19.2.4 → 19.5 (when released)"
			return
		}
		if (l.Has(TermWindow) || windowRow(l)) && (r.continues(chain[0].Version) || len(p.CurrentClaims) > 0) {
			// "Window 2: ..., 15.11.13 → 16.3.9 → 16.11.10": the part of
			// the path one window covers, not the whole upgrade.
			// A window that starts past where the path stands installs its
			// first version too: "13.12.15 → 14.0.12" after a window
			// that ended on 13.8.8.
			from := 1
			if r.ahead(chain[0].Version) {
				from = 0
			}
			for _, v := range chain[from:] {
				r.hop(v, true)
			}
			return
		}
		rest := chain[1:]
		if hopCount(l, chain[0]) || stopsListed(l, chain[0]) {
			// "3 sauts (8.5.5 → 8.8.7 → 8.11.8)": a count of hops, then
			// the hops themselves; "Le fermate obbligatorie sono: 17.11.7
			// → 18.2.8 → ...": the stops. The chain does not start at
			// today's version.
			rest = chain
		} else if summaryCtx || len(p.CurrentClaims) == 0 || parenRole(l, chain[0]) == TermCurrent {
			// ("18.5.7 (attuale) ──► 18.8.11 ──► 18.11.11" says so.)
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: chain[0], From: FromProse})
		}
		for _, v := range rest {
			// A chain states the path; the steps that install it come
			// elsewhere, or the chain is all there is. A stop marked
			// conditional in it ("→ (17.1.8, conditional) →") is a
			// question the plan answers elsewhere.
			if !markedConditional(l, v) || r.stopTaken(l, v) {
				r.hop(v, true)
			}
		}
		if summaryCtx {
			p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: chain[len(chain)-1], From: FromProse})
		}
		return
	}
	// "from 15.4.2 to 17.8.1", "15.4.2 → 17.8.1", "von 15.4.2 auf 17.8.1".
	if (fromIdx >= 0 && toIdx > fromIdx || len(chain) == 2) && !noteItem(l, vs) && !pinsOtherVersion(l, vs, chain, fromIdx, toIdx) {
		a, b := fromIdx, toIdx
		if len(chain) == 2 {
			a, b = indexOf(vs, chain[0]), indexOf(vs, chain[1])
		}
		if termBefore(l, vs[a].Span.Start, TermRollback, 3) || l.In(TermStaging) && !l.In(TermProcedure) {
			// "The rollback from 16.3.9 to 15.11.13 took 2 h 05 min", a
			// rehearsal's timings: not this plan's versions.
			return
		}
		if databaseFrom(l, vs[a]) {
			// "The 17.11.7 package upgrades the bundled database from
			// 14.11 to 16.8": PostgreSQL's versions.
			return
		}
		// "from 18.5.7 we go to 18.8.11, ..., and then to 18.11.11, our
		// target": the hops go on to the last "to".
		for c := b + 1; c < len(vs); c++ {
			if termBefore(l, vs[c].Span.Start, TermTo, 2) && vs[c].Version.Compare(vs[b].Version) > 0 && l.HasWord("then", "dann", "luego", "después", "puis", "ensuite") {
				if summaryCtx {
					r.hop(vs[b], true)
				}
				b = c
			}
		}
		prose := l.Kind == KindText && !l.Item && fromIdx >= 0
		switch {
		case laterUpgrade(l, vs[b]):
			// "... next upgrade in April at the earliest (18.11)".
		case (l.LabelIs(TermWindow) && hasDigit(l.Text[l.Label.Start:l.Label.End]) || windowRow(l)) && (r.continues(vs[a].Version) || len(p.CurrentClaims) > 0):
			// "| Window 2 | 2026-12-19 06:00 SGT: 18.8.11 → 18.11.11 |":
			// the part of the path one window covers.
			r.hop(vs[b], true)
		case (pathCtx || hopLabel(l)) && l.Item && (r.continues(vs[a].Version) || len(p.CurrentClaims) > 0):
			// "Path (required stops):" / "1. 18.8.11 → 18.11.11" /
			// "2. 18.11.11 → 19.2.4", even in a summary: the hops.
			r.hop(vs[b], true)
		case step && !summaryCtx && !prose:
			// "Phase 1: 14.8.6 to 14.9.5": a step from one hop to the next.
			r.hop(vs[b], false)
		case pathCtx && !summaryCtx:
			r.hop(vs[b], true)
		case l.Kind == KindTableRow && numberedStepRow(l) && r.continues(vs[a].Version):
			// "| 1 | 18.5.7 → 18.8.11 | parada obligatoria 18.8 |", even
			// in a summary: a numbered step that goes on from where the
			// path stands.
			r.hop(vs[b], true)
		case (l.Item || l.Kind == KindTableRow) && !summaryCtx:
			// "1. 18.5.7 → 18.8.11" under a heading planlint does not
			// know continues the path when it starts where the path
			// stands; a row of timings ("| 18.3.5 → 18.5.7 | 1 h 50 |")
			// does not state the instance's versions.
			if r.continues(vs[a].Version) {
				r.hop(vs[b], true)
			}
		case pastUpgrade(l, vs[a]) || r.pastDated(l, vs[b]) || r.pastYear(l, vs[a]) || nextUpgrade(l, vs[a], vs[b]):
			// "Previous upgrade (16.11 → 17.3): runbook" is history.
		case summaryCtx || l.In(TermSummary) || l.In(TermEnvironment) || l.In(TermArchitecture) || l.Context.empty():
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: vs[a], From: FromProse})
			p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: vs[b], From: FromProse})
		}
		return
	}
	// "we currently run 16.3.4", "läuft derzeit 16.3.4".
	for _, v := range vs {
		if currentVersionBefore(l, v) && !l.In(TermStaging) && l.Kind != KindCode {
			// "We run GitLab EE (Ultimate), current version 17.8.7, ..."
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: v, From: FromProse})
			r.targetAfter(l, vs, v)
			return
		}
		// ("Why we are upgrading" over "our GitLab is on 18.9.8": the
		// word "upgrading" makes no step of what runs today.)
		if currentlyRuns(l, v) && !interimState(l) && !decisionLabel(l) && (!l.In(TermProcedure) || l.Section.Heading != nil && whyHeading(l.Section.Heading)) && !l.In(TermStaging) && !windowRow(l) && !databaseSentence(l, v) && !termBefore(l, v.Span.Start, TermUpgradeVerb, 2) && !otherProductInSentence(l, tokenAt(l, v.Span.Start)) && !(otherProductSection(l) && !gitlabWordBefore(l, v.Span.Start, 4)) {
			p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: v, From: FromProse})
			r.targetAfter(l, vs, v)
			return
		}
	}
	if l.Kind == KindCode && !installCommand(l) && outputSection(l.Section) {
		// Pasted output ("apt-cache policy gitlab-ee" in an appendix
		// lists 19.3.0-ee.0 as a candidate) installs nothing.
		return
	}
	// Commands that install a version: package pins, image tags, charts.
	// A command written as plain text, as e-mails do: "sudo zypper
	// install gitlab-ee=18.11.11-ee.0".
	bare := shellLine(l)
	if l.ContainsAny("docker pull", "podman pull", "compose pull") && !l.ContainsAny("docker run", "podman run", "compose up") && !l.Has(TermPkgInstall) && l.Section.Own.has(TermPrereq) && !l.Section.Own.has(TermProcedure) {
		// "### 1. Preparazione" / "podman pull ...:18.8.11-ce.0": images
		// fetched ahead install nothing yet.
		return
	}
	if (l.IsCommand() || bare) && (!summaryCtx || step || l.Kind == KindCode) {
		found := false
		for _, v := range vs {
			if v.InLink {
				continue
			}
			inCode := l.InCode(v.Span.Start) || bare
			if replacedBySed(l, v) || replacedInProse(l, vs, v) || replacedInComment(l, vs, v) {
				// "sed -i 's/18.8.11-ce.0/18.11.11-ce.0/'" swaps the old
				// tag out.
				continue
			}
			if v.Pinned && inCode && imageRef(l, v) && l.Kind != KindCode && !installCommand(l) && !l.Has(TermDockerPull) && !startsWithStepWord(l) && gitlabWordBefore(l, v.Span.Start, 12) && currentStatement(l) {
				// "facts: GitLab CE 17.11.7 in docker
				// (`gitlab/gitlab-ce:17.11.7-ce.0`)" names the image that
				// runs today.
				p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: v, From: FromProse})
				return
			}
			if v.Pinned && inCode || l.Kind == KindCode && v.Strong && (step || pathCtx) || inCode && v.Strong && installCommand(l) {
				r.hop(v, !step)
				found = true
			}
		}
		if found {
			// The prose of the same step ("upgrade to 17.8.7: `...`") is a
			// statement too, for consistency checks.
			for _, v := range vs {
				if !l.InCode(v.Span.Start) && !v.InLink && upgradeVerbBefore(l, v.Span.Start, 5) {
					r.hop(v, !step)
				}
			}
			return
		}
	}
	// Path sections: tables and lists of versions.
	if pathCtx && !summaryCtx {
		switch {
		case l.Kind == KindTableRow:
			for _, v := range vs {
				if fromColumn(l, v) {
					if l.Index > 0 && r.doc.Lines[l.Index-1] == l.Header && !v.InLink && v.Chart == nil {
						// "| 1 | 17.11.7 | 18.2.8 |" under "| Salto | Desde |
						// Hasta |": the first hop starts where the instance
						// stands, if nothing says otherwise.
						p.CurrentClaims = append(p.CurrentClaims, Claim{VersionRef: v, From: FromInferred})
					}
					continue
				}
				if !v.InLink && !termBefore(l, v.Span.Start, TermFrom, 1) && !termBefore(l, v.Span.Start, TermRelation, 2) && !noteColumn(l, v) && !boundAt(l, v) {
					r.hop(v, true)
				}
			}
			return
		case l.Item && (startsWithVersion(l, vs) || startsWithStepWord(l) || windowItem(l, vs)):
			note := noteItem(l, vs) && !amongHops(l, vs)
			for i, v := range vs {
				if i > 0 && asideVersion(l, vs, i) {
					continue
				}
				if !v.InLink && (!note || installedHere(l, v)) {
					r.hop(v, true)
				}
			}
			return
		}
	}
	// The title and summary name the target: "Upgrade to 17.8.7".
	if summaryCtx {
		for _, v := range vs {
			if termBefore(l, v.Span.Start, TermTo, 2) && termBefore(l, v.Span.Start, TermUpgradeVerb, 5) {
				if ti := tokenAt(l, v.Span.Start); otherProductInSentence(l, ti) || wordsBefore(l, ti, 5, "runner", "runners") {
					// "We upgraded the runners to 18.5.7": another
					// product's version.
					continue
				}
				if r.pastDated(l, v) || pastUpgrade(l, v) || r.pastYear(l, v) {
					// "upgraded to 18.5.7 on 2026-10-21", "(previous
					// change: upgrade to 18.6.4 in February)": history.
					return
				}
				p.TargetClaims = append(p.TargetClaims, Claim{VersionRef: v, From: FromProse})
				return
			}
		}
		if l.Section.Heading != nil || l.Kind == KindHeading {
			return
		}
	}
	if l.Context.intersects(noProseStepContext) && !step && !pathCtx {
		return
	}
	// Step lines: "Upgrade to 16.3.9", "Hop 2: 16.3.9", "Aktualisierung auf 16.3.9".
	for _, v := range vs {
		if v.InLink {
			continue
		}
		if laterUpgrade(l, v) {
			// "We stop at 18.5.7 and go to 18.8/18.11 in Q1 2027": a
			// later change, not this plan's hops.
			continue
		}
		if negatedVersion(l, v) {
			// "wir installieren 18.9 nicht, sondern gehen von 18.8.11
			// direkt auf 18.11.11".
			continue
		}
		if upgradeVerbFor(l, vs, v) && !termBefore(l, v.Span.Start, TermFrom, 1) ||
			(l.Kind == KindHeading || l.Item || l.Kind == KindTableRow) && (step || pathCtx) && (startsWithStepWord(l) || startsWithVersion(l, vs)) && !noteItem(l, vs) && !noteColumn(l, v) && !checkHeading(l) ||
			l.Kind == KindText && step && numberedStepOf(l, v) {
			r.hop(v, !step)
		}
	}
}

// stopsListed reports whether the required stops are named right before
// v, in its sentence: "Le fermate obbligatorie sono: 17.11.7 → 18.2.8".
func stopsListed(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		switch l.Tokens[j].Word {
		case "stops", "stopps", "zwischenstopps", "fermate", "paradas", "paliers", "tussenstops", "tussenstappen":
			return !strings.Contains(l.Text[l.Tokens[j].End:v.Span.Start], ". ")
		}
	}
	return false
}

// hopCount reports whether a number of hops stands right before v: "3
// sauts (8.5.5 → ...)", "drei Sprünge: 18.8.11 → ...".
func hopCount(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for j := ti - 1; j >= 1 && j >= ti-3; j-- {
		if stepNoun[l.Tokens[j].Word] {
			w := l.Tokens[j-1].Word
			return isDigitWord(w) || numberWordValues[w] > 1
		}
	}
	return false
}

// stepNoun are the plural nouns a plan counts its hops with.
var stepNoun = map[string]bool{"hops": true, "steps": true, "sauts": true, "étapes": true, "sprünge": true, "schritte": true, "saltos": true, "pasos": true,
	"salti": true, "tappe": true, "passi": true, "sprongen": true, "stappen": true, "etapas": true, "passos": true, "upgrades": true}

// hopLabel reports whether a line's label numbers a hop: "Salto 1",
// "Hop 2", "Schritt 3".
func hopLabel(l *Line) bool {
	words := strings.Fields(strings.Trim(l.LowerLabel(), " *_:|"))
	return len(words) == 2 && isDigitWord(words[1]) && slices.Contains([]string{"hop", "step", "salto", "sprung", "saut", "étape", "schritt", "paso", "etapa", "passo", "stap", "sprong", "tappa", "stage", "phase", "fase"}, words[0])
}

// gitlabVersionLabel reports whether a line's label is only "GitLab
// version", in one of the plan languages.
func gitlabVersionLabel(l *Line) bool {
	switch strings.Trim(l.LowerLabel(), " *_:|") {
	case "gitlab version", "gitlab-version", "version gitlab", "gitlab release", "versão do gitlab", "versão gitlab", "versión de gitlab", "versión gitlab",
		"version de gitlab", "versione di gitlab", "versione gitlab", "gitlab versie", "versie gitlab", "versie van gitlab":
		return true
	}
	return false
}

// gitlabInventoryRow reports whether a table row is GitLab's own row in an
// inventory of components and their versions: "| GitLab CE | 18.6.2 |
// server gitlab01 |" under "| Componente | Versione | Note |".
func gitlabInventoryRow(l *Line) bool {
	if l.Kind != KindTableRow || l.Header == nil || !l.Header.Has(TermVersionWord) || l.Header.Has(TermCurrent) || l.Header.Has(TermTarget) {
		return false
	}
	switch strings.Trim(l.LowerLabel(), " *_:|`") {
	case "gitlab", "gitlab ce", "gitlab ee", "gitlab enterprise edition", "gitlab community edition":
		return true
	}
	return false
}

// pinsOtherVersion reports whether a line's command pins a version other
// than the two of its from-to pair: "`apt-get install gitlab-ee=17.5.5-ee.0`
// (17.3 → 17.4 UniqueViolation: workaround at hand)" installs 17.5.5; the
// pair in the aside names a known problem.
func pinsOtherVersion(l *Line, vs []VersionRef, chain []VersionRef, fromIdx, toIdx int) bool {
	a, b := fromIdx, toIdx
	if len(chain) == 2 {
		a, b = indexOf(vs, chain[0]), indexOf(vs, chain[1])
	}
	for i, v := range vs {
		if i != a && i != b && v.Pinned && !v.InLink && l.InCode(v.Span.Start) && v.Version.Compare(vs[b].Version) != 0 {
			return true
		}
	}
	return false
}

// upgradeVerbFor reports whether an upgrade verb in the few words before
// v takes v as its object: not negated ("we do not install 18.9"), and
// with no other number in between ("the move to 16 comes with 17.11"
// moves PostgreSQL to 16).
func upgradeVerbFor(l *Line, vs []VersionRef, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for _, m := range l.FindAll(TermUpgradeVerb) {
		end := m.Tok + m.NTok
		if end > ti || ti-end > 5 || breakBetween(l, end, ti) || negatedBefore(l, m, 3) || negatedAfterVerb(l, end) || timeReference(l, m.Tok) || hypothetical(l, m) {
			continue
		}
		if m.Start > 0 && l.Text[m.Start-1] == '_' || m.End < len(l.Text) && l.Text[m.End] == '_' ||
			l.InCode(m.Start) && m.Start > 0 && (l.Text[m.Start-1] == '-' || l.Text[m.Start-1] == '/') {
			// ("/etc/gitlab/disable-postgresql-upgrade" names a file.)
			// Part of a setting's name: "GITLAB_SKIP_PG_UPGRADE ist
			// nicht gesetzt, denn 19.0 braucht PostgreSQL 17".
			continue
		}
		other := false
		for j := end; j < ti; j++ {
			t := l.Tokens[j]
			switch t.Word {
			case "past", "beyond", "skipping", "avoiding", "avoid", "instead", "except":
				// "we go to 19.2.4, past the 19.0.0 bug"
				other = true
			case "stop", "stops", "path", "paths", "tool", "notes", "docs", "documentation":
				// "required upgrade stops (18.11 is the last ...)": the
				// verb names a thing, not this plan's install.
				other = true
			case "runner", "runners", "gitlab-runner":
				// "after night 2: upgrade runners to 19.2": the runners
				// follow GitLab; their version is not a hop.
				other = true
			case "before", "after", "until", "separate", "vor", "nach", "bis", "antes", "después", "avant", "après":
				// "the PG 17 upgrade is a separate change before 19.0":
				// the version only places it in time.
				other = true
			}
			if !isDigitWord(t.Word) {
				continue
			}
			inVersion := false
			for _, o := range vs {
				if t.Start >= o.Span.Start && t.End <= o.Span.End {
					inVersion = true
				}
			}
			if !inVersion {
				other = true
			}
		}
		if !other {
			return true
		}
	}
	return false
}

// imageRef reports whether v is the tag of a GitLab image reference.
func imageRef(l *Line, v VersionRef) bool {
	return strings.HasSuffix(l.Lower[max(0, v.Span.Start-20):v.Span.Start], "gitlab-ee:") || strings.HasSuffix(l.Lower[max(0, v.Span.Start-20):v.Span.Start], "gitlab-ce:")
}

// currentStatement reports whether a line describes what runs today
// ("facts: GitLab CE 17.11.7 in docker", "we currently run ...").
func currentStatement(l *Line) bool {
	return l.Has(TermCurrently) || l.HasWord("facts", "fakten", "datos", "faits", "today", "heute", "hoy")
}

// HasWord reports whether one of the words is a token of the line.
func (l *Line) HasWord(words ...string) bool {
	if l.wordsSet {
		for _, w := range words {
			if l.mayHaveWord(w) && l.hasToken(w) {
				return true
			}
		}
		return false
	}
	for _, t := range l.Tokens {
		for _, w := range words {
			if t.Word == w {
				return true
			}
		}
	}
	return false
}

// removedDiffLine reports whether a line is a removed line of a diff
// block.
func removedDiffLine(l *Line) bool {
	return l.Kind == KindCode && (l.Lang == "diff" || l.Lang == "patch") && strings.HasPrefix(l.Text, "-") && !strings.HasPrefix(l.Text, "---")
}

// hypothetical reports whether a verb is in the conditional mood: "8.11.7
// installerebbe 17.11.6", "would install", "würde ... installieren". It
// tells what would happen, not a step.
func hypothetical(l *Line, m Match) bool {
	w := l.Tokens[m.Tok].Word
	for _, suf := range []string{"erebbe", "erebbero", "aría", "arían", "erait", "eraient", "aria", "ariam"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	for j := m.Tok - 1; j >= 0 && j >= m.Tok-3 && !l.Tokens[j+1].Break; j-- {
		switch l.Tokens[j].Word {
		case "would", "würde", "würden", "zou", "zouden":
			return true
		}
	}
	return false
}

// replacedBySed reports whether v is in the pattern of a sed substitution
// ("s/18.8.11-ce.0/18.11.11-ce.0/", "s#image: gitlab/gitlab-ce:18.2.8-ce.0#...#"),
// which names the version replaced.
func replacedBySed(l *Line, v VersionRef) bool {
	if !l.Contains("sed ") {
		return false
	}
	t := l.Text
	for i := 0; i+1 < len(t) && i < v.Span.Start; i++ {
		sep := t[i+1]
		if t[i] != 's' || (sep != '/' && sep != '|' && sep != '#') || i > 0 && !strings.ContainsRune(" '\"", rune(t[i-1])) {
			continue
		}
		// The pattern runs from after "s/" to the next separator.
		start := i + 2
		end := strings.IndexByte(t[start:], sep)
		if end < 0 {
			return false
		}
		end += start
		if v.Span.Start >= start && v.Span.End <= end {
			return true
		}
		i = end
	}
	return false
}

// ReplaceWords say one thing is put in place of another: "we replace the
// query with", "wir ersetzen", "la sostituiamo con".
var ReplaceWords = []string{"replace", "replaces", "replaced", "replacing", "change", "swap", "ersetzen", "ersetzt", "tauschen", "cambiamos", "cambiar", "cambia", "troca", "trocar", "wijzigen",
	"sustituimos", "sustituye", "reemplazamos", "reemplaza", "remplaçons", "remplacer", "remplace", "remplacé", "remplacée", "vervangen", "vervangt",
	"sostituiamo", "sostituisce", "sostituita", "sostituito", "trocamos", "substituímos", "substitui", "substituída", "substituído"}

// replacedInProse reports whether v is the old value of a replacement
// written in words: "in docker-compose.yml we change `gitlab-ce:18.5.7-ce.0`
// for `gitlab-ce:18.8.11-ce.0`", "replace ... with ...".
func replacedInProse(l *Line, vs []VersionRef, v VersionRef) bool {
	i := indexOf(vs, v)
	if i < 0 || i+1 >= len(vs) || !l.HasWord(ReplaceWords...) {
		return false
	}
	between := l.Lower[v.Span.End:vs[i+1].Span.Start]
	for _, w := range []string{" with ", " by ", " for ", " durch ", " gegen ", " por ", " par ", " door ", " con ", " pelo ", " pela "} {
		if strings.Contains(" "+strings.Trim(between, "`* ")+" ", w) {
			return true
		}
	}
	return false
}

// replacedInComment reports whether v is the old side of a change a
// shell comment writes with an arrow: "# docker-compose.yml: image:
// gitlab/gitlab-ee:18.2.8-ee.0 -> gitlab/gitlab-ee:18.5.7".
func replacedInComment(l *Line, vs []VersionRef, v VersionRef) bool {
	i := indexOf(vs, v)
	if l.Kind != KindCode || i < 0 || i+1 >= len(vs) || !strings.HasPrefix(strings.TrimSpace(l.Text), "#") {
		return false
	}
	between := strings.TrimSpace(l.Text[v.Span.End:vs[i+1].Span.Start])
	for _, a := range []string{"->", "→", "=>", "⇒"} {
		if strings.HasPrefix(between, a) {
			return true
		}
	}
	return false
}

// separateChangeWords say that another change is not part of this one.
var separateChangeWords = []string{"separate project", "separate change", "not part of this", "separates projekt", "eigenes projekt", "eigener change", "nicht teil dieses", "nicht teil des", "kein teil dieses",
	"proyecto aparte", "proyecto separado", "cambio aparte", "no forma parte de", "projet distinct", "projet séparé", "ne fait pas partie de", "progetto separato", "non fa parte di",
	"apart project", "aparte change", "maakt geen deel uit", "projeto separado", "não faz parte d",
	"separate ticket", "mudança separada", "alteração separada", "changement séparé", "changement distinct", "cambio separado", "modifica separata", "separater change", "eigene änderung", "aparte wijziging"}

// SeparateChange reports whether a line says another change is not part
// of this one: "Der Umzug auf OpenShift ist ein separates Projekt".
func (l *Line) SeparateChange() bool { return l.ContainsAny(separateChangeWords...) }

// restoredWords say a backup was restored somewhere.
var restoredWords = []string{"restored", "restore of", "restore from", "restore van", "restore aus", "restore der", "restauración de", "restauration de", "restauriert", "wiederhergestellt", "zurückgespielt", "eingespielt", "restaurado", "restaurada", "restauré", "restaurée", "ripristinat", "ripristiniamo", "restauramos", "restaurons", "teruggezet", "hersteld"}

// walkedWords say a path was gone through: "het pad doorlopen".
var walkedWords = []string{"doorlopen", "doorgelopen", "durchlaufen", "durchgespielt", "run through", "ran through", "walked through", "recorrido", "recorrimos", "parcouru", "percorso", "percorremos", "percorrido",
	// "eseguiamo tutto il piano": the whole runbook, on the copy.
	"the whole plan", "the entire plan", "den ganzen plan", "den gesamten plan", "todo el plan", "tout le plan", "tutto il piano", "het hele plan", "todo o plano"}

// rehearsalOnCopy reports whether a line tells of an upgrade run on a
// machine restored from the production backup.
func rehearsalOnCopy(l *Line) bool {
	if (len(l.Versions) >= 3 || l.Has(TermPath) || l.Has(TermUpgradeVerb) || l.ContainsAny(walkedWords...)) && (l.Has(TermBackup) || l.ContainsAny("backup", "back-up")) && l.ContainsAny(restoredWords...) &&
		l.ContainsAny("production", "produktion", "producción", "produção", "produzione", "productie", "prod ") {
		// "de back-up van productie teruggezet op code-test01 en het
		// volledige pad 18.8.11 → 18.11.11 → 19.2.4 doorlopen", "hersteld
		// uit de productie-back-up ... het pad doorlopen": the production
		// backup, restored elsewhere, taken along the path.
		return true
	}
	if !l.Has(TermUpgradeVerb) {
		return false
	}
	restored := l.Contains("restored from") || l.Contains("restauriert aus") || l.Contains("restaurado desde") || l.Contains("restaurée depuis")
	if restored && l.Contains("production") {
		return true
	}
	// "We restored last Sunday's backup on a scratch Hetzner Cloud VM and
	// upgraded it the same way": done, on another machine.
	return l.ContainsAny(restoredWords...) &&
		l.ContainsAny("backup", "sicherung", "copia de seguridad", "sauvegarde") &&
		l.HasWord("vm", "server", "machine", "instance", "box", "host", "maschine", "servidor", "máquina", "serveur", "machine") &&
		l.ContainsAny("upgraded", "aktualisiert", "actualizamos", "actualizado", "mis à jour", "mise à jour", "aggiornato")
}

// negatedLater reports whether "nicht" or "pas" closes the clause within n
// words after a match: "Eine Testumgebung haben wir derzeit nicht".
func negatedLater(l *Line, m Match, n int) bool {
	end := m.Tok + m.NTok
	for j := end; j < len(l.Tokens) && j < end+n; j++ {
		if j > end && l.Tokens[j].Break {
			return false
		}
		switch l.Tokens[j].Word {
		case "nicht", "pas":
			return true
		}
	}
	return false
}

// negatedAfterVerb reports whether the word after a verb negates it, as
// French and German do: "nous n'installons pas 18.4", "wir installieren
// nicht 18.4".
func negatedAfterVerb(l *Line, end int) bool {
	if end >= len(l.Tokens) {
		return false
	}
	switch l.Tokens[end].Word {
	case "pas", "jamais", "nicht", "nie", "neither", "weder", "ni", "niet", "nunca", "geen", "kein", "keine", "keinen", "ningún", "ninguna", "aucun", "aucune", "nessun", "nessuna", "nenhum", "nenhuma":
		// ("we install neither 18.9 nor 18.10")
		return true
	}
	return false
}

// currentVersionBefore reports whether "current version" (or "installed
// version", "versión actual") names v in prose: "current version 17.8.7".
func currentVersionBefore(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for _, m := range l.FindAll(TermCurrent) {
		end := m.Tok + m.NTok
		// ("Current version is GitLab EE 18.8.11": three filler words.)
		if end > ti || ti-end > 4 || breakBetween(l, end, ti) || negatedBefore(l, m, 2) || termBefore(l, m.Start, TermTo, 2) {
			// ("auf die aktuelle Version 19.3.0 gebracht": to the newest
			// release, the target.)
			continue
		}
		w := l.Lower[m.Start:m.End]
		if !strings.Contains(w, "version") && !strings.Contains(w, "versión") && !strings.Contains(w, "versie") && !strings.Contains(w, "versão") && w != "current" {
			continue
		}
		if onlyWordsBetween(l, end, ti, currentVersionFiller) && !strings.Contains(l.Text[m.End:v.Span.Start], ",") {
			// ("17.8 is our actual version, 17.11 is the last stop": the
			// comma ends what the words say.)
			return true
		}
	}
	return longCurrentLabel(l, ti)
}

// longCurrentLabel reports whether the line opens with a label too long to
// split as one that starts with "current version" and names the token ti
// right after its colon: "Current version checked live in the call: GitLab
// EE 18.8.11".
func longCurrentLabel(l *Line, ti int) bool {
	m, ok := l.Find(TermCurrent)
	if !ok || m.Tok != 0 || ti >= len(l.Tokens) {
		return false
	}
	end := m.Tok + m.NTok
	if !strings.Contains(l.Lower[m.Start:m.End], "version") {
		// "Current" alone, then "version".
		if end >= len(l.Tokens) || l.Tokens[end].Word != "version" {
			return false
		}
		end++
	}
	for j := end; j < ti && j-end <= 8; j++ {
		if l.Tokens[j].Break {
			return false
		}
		if strings.HasPrefix(strings.TrimLeft(l.Text[l.Tokens[j].End:l.Tokens[j+1].Start], " *_)"), ":") {
			return onlyWordsBetween(l, j+1, ti, currentVersionFiller)
		}
	}
	return false
}

// currentVersionFiller and currentlyFiller are the words that may stand
// between "current version" or "currently" and the version.
var (
	currentVersionFiller = map[string]bool{"is": true, "gitlab": true, "ist": true, "es": true, "est": true, "ee": true, "ce": true,
		"enterprise": true, "community": true, "edition": true}
	currentlyFiller = map[string]bool{"gitlab": true, "version": true, "ee": true, "ce": true, "enterprise": true, "community": true, "edition": true, "release": true,
		"v": true, "the": true, "on": true, "at": true, "auf": true, "en": true, "sur": true, "omnibus": true, "package": true,
		// Articles and "version" in the plan languages, and the Dutch
		// inverted "momenteel draaien we 17.3.7".
		"la": true, "el": true, "le": true, "il": true, "lo": true, "de": true, "der": true, "die": true, "na": true, "no": true,
		"versión": true, "versão": true, "versione": true, "versie": true, "draaien": true, "we": true, "wij": true}
)

// onlyWordsBetween reports whether every token in [a, b) is in words.
func onlyWordsBetween(l *Line, a, b int, words map[string]bool) bool {
	for j := a; j < b; j++ {
		if !words[l.Tokens[j].Word] {
			return false
		}
	}
	return true
}

// fillerAroundTier reports whether text holds only filler words once a
// parenthesised tier ("(Ultimate)", "(Premium, 2,450 seats)") is left out.
func fillerAroundTier(text string, filler map[string]bool) bool {
	i := strings.IndexByte(text, '(')
	j := strings.IndexByte(text, ')')
	if i < 0 || j < i {
		return false
	}
	inner := text[i+1 : j]
	if !strings.Contains(inner, "ultimate") && !strings.Contains(inner, "premium") && !strings.Contains(inner, "free") && !strings.Contains(inner, "starter") {
		return false
	}
	rest := text[:i] + " " + text[j+1:]
	if strings.ContainsAny(rest, ".;:!?") {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if !filler[w] {
			return false
		}
	}
	return true
}

// alreadyOn reports whether v follows "already on" in a sentence about
// GitLab: "Acceptatie staat sinds oktober al op 18.5.7", but not "RDS
// déjà en 17.6".
func alreadyOn(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	j := ti - 1
	for j >= 0 && (l.Tokens[j].Word == "gitlab" || l.Tokens[j].Word == "ee" || l.Tokens[j].Word == "ce" || l.Tokens[j].Word == "version" || l.Tokens[j].Word == "versie") {
		j--
	}
	if j < 1 {
		return false
	}
	switch l.Tokens[j-1].Word + " " + l.Tokens[j].Word {
	case "al op", "already on", "bereits auf", "schon auf", "ya en", "déjà en", "déjà sur", "già su", "già alla", "já na", "já no", "já em":
	default:
		return false
	}
	return !databaseSentence(l, v) && !otherProductInSentence(l, ti)
}

// currentlyRuns reports whether a "currently" phrase states v as the
// running version: "we currently run GitLab 16.3.4", "läuft derzeit auf
// 16.3.4". Only a few words may stand between ("17.5.5 is on a required
// stop, and 17.8 is the next one" is not one), and "running" or "is on"
// needs the instance as its subject ("a load generator running: 18.9.8
// took 1 h 35 min" is not one).
func currentlyRuns(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for _, m := range l.FindAll(TermCurrently) {
		end := m.Tok + m.NTok
		if end > ti || ti-end > 7 {
			continue
		}
		if ti-end > 4 || breakBetween(l, end, ti) || !onlyWordsBetween(l, end, ti, currentlyFiller) {
			// "runs GitLab Enterprise Edition (Ultimate) version 17.8.7":
			// a tier in parentheses is filler too.
			if !fillerAroundTier(l.Lower[l.Tokens[end-1].End:v.Span.Start], currentlyFiller) {
				continue
			}
		}
		if between := l.Text[l.Tokens[end-1].End:v.Span.Start]; strings.Contains(between, "→") || strings.Contains(between, "->") || strings.Contains(between, "➜") {
			// "18.2.8 (Premium) today → 18.7.7": the arrow leads away
			// from today's version.
			continue
		}
		if conditionBefore(l, m.Tok, 6) || negationAfter(l, tokenAt(l, v.Span.End)-1, 4) || negatedBefore(l, m, 2) {
			// "the 18.x packages refuse to install unless the instance
			// already runs 17.11" states a requirement; "läuft 18.5.7
			// bis dahin nicht" a condition of the cut-off.
			continue
		}
		switch l.Lower[l.Tokens[m.Tok].Start:l.Tokens[end-1].End] {
		case "running", "runs", "run", "is on", "are on", "today":
			// The subject is the instance, somewhere earlier in the same
			// sentence: "Our GitLab EE (Premium, 2,450 seats) runs 14.10.5".
			subject := false
			for j := m.Tok - 1; j >= 0; j-- {
				if strings.Contains(l.Text[l.Tokens[j].End:l.Tokens[j+1].Start], ". ") {
					break
				}
				switch l.Tokens[j].Word {
				case "we", "gitlab", "instance", "it", "server", "production", "prod", "our", "currently", "ee", "ce", "wir", "nous", "nosotros", "este", "es",
					"instances", "servers", "nodes", "sites", "both", "all":
					subject = true
				}
			}
			if !subject || strings.Contains(l.Text[l.Tokens[end-1].End:v.Span.Start], ":") {
				// "with a load generator running: 18.9.8 took 1 h 35 min"
				continue
			}
			if a, _ := SentenceAt(l.Lower, v.Span.Start, v.Span.End); afterWordIn(l, a, v.Span.Start) {
				// "After hop 1 all nodes run 18.5.7": a state to come.
				continue
			}
		}
		return true
	}
	return false
}

// afterWordIn reports whether the line's words between offsets a and b
// place what follows after something: "after hop 1", "nach Schritt 1".
func afterWordIn(l *Line, a, b int) bool {
	for _, t := range l.Tokens {
		if t.Start < a || t.End > b {
			continue
		}
		switch t.Word {
		case "after", "nach", "después", "après", "dopo", "afterwards":
			return true
		}
	}
	return false
}

// negationAfter reports whether a negation follows token i within n
// tokens, in its clause.
func negationAfter(l *Line, i, n int) bool {
	for _, m := range l.Matches {
		if m.Term == TermNeg && m.Tok > i && m.Tok-i <= n && !clauseBreak(l, i+1, m.Tok+1) {
			return true
		}
	}
	return false
}

// conditionBefore reports whether one of the n words before token i, in
// its clause, opens a condition: "unless", "if", "wenn", "si".
func conditionBefore(l *Line, i, n int) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		switch l.Tokens[j].Word {
		case "unless", "if", "until", "once", "wenn", "falls", "sofern", "bis", "si", "hasta", "sauf", "jusqu":
			return true
		}
		if l.Tokens[j].Break {
			return false
		}
	}
	return false
}

// pastUpgrade reports whether a from→to pair describes an earlier upgrade:
// "previous", "last" or "earlier" stands a few words before it.
func pastUpgrade(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	if ti < 4 && l.Index > 0 && l.doc != nil {
		// The words before may end the previous line of the paragraph:
		// "It has done our last four upgrades" / "(16.7 → 16.11, ...)".
		if prev := l.doc.Lines[l.Index-1]; prev.Kind == KindText && !l.Item && prev.Section == l.Section && prev.Num == l.Num-1 && len(prev.Tokens) > 0 {
			for j := len(prev.Tokens) - 1; j >= 0 && j >= len(prev.Tokens)-(4-ti); j-- {
				if pastWord(prev.Tokens[j].Word) {
					return true
				}
			}
		}
	}
	if open := strings.LastIndexByte(l.Text[:v.Span.Start], '('); open >= 0 && strings.IndexByte(l.Text[open:v.Span.Start], ')') < 0 {
		// "(Vorgänger: CHG-2026-0311, Upgrade auf 18.6.4 im Februar)":
		// an aside about the change before this one.
		if first := tokenAt(l, open); first < ti && (pastWord(l.Tokens[first].Word) || predecessorWord(l.Tokens[first].Word)) {
			return true
		}
	}
	if start, _ := SentenceAt(l.Text, v.Span.Start, v.Span.End); true {
		// "Eerder hebben we ... van 17.11.7 naar 18.2.8 geüpgraded",
		// "Previously, we went from 17.8 to 17.11": the sentence opens
		// in the past.
		if si := tokenAt(l, start); si < ti && si < len(l.Tokens) && sentencePastWord(l.Tokens[si].Word) {
			return true
		}
	}
	for j := ti - 1; j >= 0 && j >= ti-6; j-- {
		switch l.Tokens[j].Word {
		case "copied", "kopiert", "copiado", "copié", "template", "vorlage", "plantilla", "modèle":
			// "(copied from CR-87540, the 18.5 → 18.8 upgrade in spring)"
			return true
		}
		if w := l.Tokens[j].Word; (w == "letzten" || w == "vorigen" || w == "last" || w == "previous" || w == "vorige" || w == "dernière" || w == "dernier" || w == "última" || w == "último" || w == "ultimo") && j+1 < ti {
			// "Bei unserem letzten Upgrade (17.11 → 18.3)", but not "auf
			// den letzten Patch 18.8.11".
			switch l.Tokens[j+1].Word {
			case "upgrade", "update", "aktualisierung", "change", "wartungsfenster", "wartung", "window", "mise", "montée", "actualización", "aggiornamento":
				return true
			}
		}
		if j >= ti-4 && pastWord(l.Tokens[j].Word) || predecessorWord(l.Tokens[j].Word) {
			// ("Previous run of this runbook (16.11 → 17.11)".)
			return true
		}
	}
	return false
}

// nextUpgrade reports whether a from→to pair describes a later change
// than this plan: "the next planned change is 19.2.4 → 19.5", "then
// 19.2.4 → 19.5 when it is released".
func nextUpgrade(l *Line, from, to VersionRef) bool {
	if laterUpgrade(l, to) {
		return true
	}
	// The sentence names the later change before the versions: "A
	// separate plan will cover 18.2.8 → 18.5".
	start, _ := SentenceAt(l.Lower, from.Span.Start, from.Span.Start)
	if containsAny(l.Lower[start:from.Span.Start], laterChange) {
		return true
	}
	ti := tokenAt(l, from.Span.Start)
	for j := ti - 1; j >= 0 && j >= ti-6; j-- {
		switch l.Tokens[j].Word {
		case "next", "nächste", "nächstes", "nächsten", "próxima", "próximo", "siguiente", "prochaine", "prochain":
			if j+1 == ti {
				// "das nächste (18.5 → 18.11) ist für Q2/2027
				// eingeplant", "the next one (...)": the word
				// stands for the next upgrade.
				return true
			}
			if j+1 < ti {
				switch l.Tokens[j+1].Word {
				case "planned", "change", "upgrade", "upgrades", "major", "one", "geplante", "geplantes", "änderung", "aktualisierung", "cambio", "actualización", "changement", "mise":
					return true
				}
			}
		}
	}
	return false
}

// interimState reports whether a line describes the state between two
// windows of the plan ("Between the windows GitLab runs on 17.11.7 for
// five weeks"), not the version the instance runs today.
func interimState(l *Line) bool {
	return l.ContainsAny([]string{"between the windows", "between windows", "between the two windows", "between window 1 and", "after window 1", "after the first window",
		"interim", "zwischen den fenstern", "zwischen den beiden fenstern", "nach fenster 1", "entre las ventanas", "entre las dos ventanas", "entre ambas ventanas",
		"entre les fenêtres", "entre les deux fenêtres", "tra le finestre", "tra le due finestre", "entre as janelas", "tussen de vensters"}...)
}

// sentencePastWord reports whether a sentence that opens with w tells
// what happened before this change.
func sentencePastWord(w string) bool {
	switch w {
	case "previously", "earlier", "eerder", "vroeger", "früher", "zuvor", "bisher", "anteriormente", "auparavant", "précédemment", "precedentemente":
		return true
	}
	return false
}

// pastWord reports whether a word places an upgrade in the past: "last",
// "previous", or a rehearsal ("we rehearsed the 18.2.8 → 18.5.7 hop").
func pastWord(w string) bool {
	switch w {
	case "previous", "last", "earlier", "prior", "vorherige", "vorheriges", "letzte", "letztes", "anterior", "última", "ultimo", "último", "précédente", "précédent", "dernière", "dernier",
		"rehearsed", "went", "tested", "trialled", "trialed", "geprobt", "getestet", "ensayamos", "probamos", "répété", "testé", "damals", "seinerzeit", "destijds", "époque", "época", "epoca", "formerly":
		return true
	}
	return false
}

// versionQueryOutput reports whether a code line is the output of a
// command that shows the installed GitLab version ("rpm -q gitlab-ee",
// "gitlab-rake gitlab:env:info", "dpkg -l gitlab-ee"), printed in the
// same block below it.
func versionQueryOutput(d *Document, l *Line) (output, installed bool) {
	head := strings.TrimSpace(l.Lower)
	if l.Kind != KindCode || versionQueryCommand(l.Lower) || strings.HasPrefix(head, "$") || installCommand(l) || startsWithCommand(head) || strings.HasPrefix(head, "sed ") || shellPromptEnd(head) > 0 {
		// A command, not what one printed: "sed -i 's/^GITLAB_TAG=.*/
		// GITLAB_TAG=18.11.11-ce.0/' .env" after "gitlab:env:info".
		return false, false
	}
	for i := l.Index - 1; i >= 0 && i >= l.Index-20; i-- {
		o := d.Lines[i]
		if o.Kind != KindCode && len(o.Code) > 0 && strings.HasSuffix(strings.TrimSpace(o.Text), ":") && (versionQueryCommand(o.Lower) || versionListCommand(o.Lower)) {
			// "`sudo dnf --showduplicates list gitlab-ee | tail` (repo is
			// enabled):" over a block of what it printed: what the
			// repository offers, not what runs.
			return true, queryShowsInstalled(o, head)
		}
		if o.Kind != KindCode || o.Num != d.Lines[i+1].Num-1 {
			return false, false
		}
		cmd := strings.HasPrefix(strings.TrimSpace(o.Text), "$") || startsWithCommand(strings.TrimSpace(o.Lower)) || shellPromptEnd(o.Lower) > 0
		if cmd && !versionQueryCommand(o.Lower) && !versionListCommand(o.Lower) {
			// The output of another command: "$ sudo gitlab-psql -c
			// 'SHOW server_version;'" / " 17.7".
			return false, false
		}
		if versionQueryCommand(o.Lower) || versionListCommand(o.Lower) {
			return true, queryShowsInstalled(o, head)
		}
	}
	return false, false
}

// queryShowsInstalled reports whether an output line (lower-case, trimmed)
// of the version command on line cmd states the installed version.
func queryShowsInstalled(cmd *Line, head string) bool {
	switch {
	case cmd.Contains("env:info"):
		// Only the "Version:" line under "GitLab information".
		return strings.HasPrefix(head, "version:")
	case cmd.Contains("apt-cache policy"), cmd.Contains("madison"), versionListCommand(cmd.Lower):
		// "Installed: 18.8.11-ee.0" runs; "Candidate:" and the version
		// table are what the repository offers.
		return strings.HasPrefix(head, "installed:")
	}
	return true
}

// versionListCommand reports whether a command lists the GitLab
// versions a repository offers: "dnf --showduplicates list gitlab-ee",
// "apt-cache madison gitlab-ee", "helm search repo -l gitlab/gitlab".
func versionListCommand(low string) bool {
	return strings.Contains(low, "--showduplicates") || strings.Contains(low, "dnf list") || strings.Contains(low, "yum list") || strings.Contains(low, "apt-cache madison") ||
		strings.Contains(low, "apt list -a") || strings.Contains(low, "apt list --all-versions") || strings.Contains(low, "zypper se") || strings.Contains(low, "helm search")
}

// versionQueryCommand reports whether a command line asks which GitLab
// version is installed.
func versionQueryCommand(low string) bool {
	return strings.Contains(low, "gitlab:env:info") || strings.Contains(low, "rpm -q") || strings.Contains(low, "dpkg -l") || strings.Contains(low, "dpkg-query") ||
		strings.Contains(low, "apt list --installed") || strings.Contains(low, "version-manifest") || strings.Contains(low, "apt-cache policy") || strings.Contains(low, "apt-cache madison")
}

// NotUsedAt reports whether offset off lies in a list of things the
// instance does not use, in the same sentence: "Not used: Geo,
// Elasticsearch, Mattermost", "Nicht genutzt: Geo, Advanced Search".
func (l *Line) NotUsedAt(off int) bool {
	start, end := SentenceAt(l.Lower, off, off)
	if usedNotAfter(l, l.Lower[off:end]) {
		// "Geo, Elasticsearch, Mattermost und Spamcheck setzen wir nicht
		// ein."
		return true
	}
	before := l.Lower[start:off]
	c := strings.LastIndexByte(before, ':')
	if c < 0 {
		return false
	}
	return l.ContainsAnyIn(before[:c], []string{"not used", "unused", "not in use", "nicht genutzt", "nicht im einsatz", "ungenutzt", "nicht verwendet", "no se usa", "no usamos", "sin uso",
		"non utilisé", "pas utilisé", "non utilisés", "niet gebruikt", "non usato", "non usati", "não usado", "não utilizado", "não usamos"}...)
}

// usedNotAfter reports whether the rest of a sentence, after a list of
// names joined by commas and "and", says they are not used.
func usedNotAfter(l *Line, rest string) bool {
	for _, w := range notUsedWords {
		if !l.mayContain(w) {
			continue
		}
		i := strings.Index(rest, w)
		if i < 0 {
			continue
		}
		// Only names, commas and short joining words stand between: "Geo,
		// Elasticsearch und Spamcheck setzen wir nicht ein".
		for _, f := range strings.FieldsFunc(rest[:i], func(r rune) bool { return r == ' ' || r == ',' || r == '/' }) {
			if len(f) > 20 {
				return false
			}
		}
		return strings.Count(rest[:i], " ") <= 10
	}
	return false
}

// predecessorWord reports whether w names the change before this one.
func predecessorWord(w string) bool {
	switch w {
	case "predecessor", "vorgänger", "vorgängerchange", "predecesor", "prédécesseur", "previous", "prior", "vorherige", "vorheriger", "vorheriges", "précédente", "précédent", "precedente", "vorige", "vorig":
		return true
	}
	return false
}

// pastDated reports whether the sentence after v dates it before the day
// the plan is read: "upgraded to 18.5.7 on 2026-10-21".
func (r *planReader) pastDated(l *Line, v VersionRef) bool {
	rest := l.Text[v.Span.End:]
	if i := strings.Index(rest, ". "); i >= 0 {
		rest = rest[:i]
	}
	return r.datedBefore(rest)
}

// datedBefore reports whether text names a date, with its year, before
// the day the plan is read.
func (r *planReader) datedBefore(text string) bool {
	if !hasDigit(text) {
		return false
	}
	sc := r.scan(text)
	return sc.Date != nil && !sc.Date.YearInferred && sc.Date.At(0, 0, time.UTC).Before(r.today)
}

// doneWindow reports whether a line is a window of the upgrade, ticked
// off and dated before today, that took the instance along a part of the
// path: "- [x] Window 2 — Saturday 2026-11-14: 17.5.5 → 17.11.7".
func (r *planReader) doneWindow(l *Line, vs []VersionRef) bool {
	if l.Task != 1 && !strings.Contains(l.Text, "[x]") || !(l.Has(TermWindow) || windowRow(l)) || l.In(TermStaging) || len(arrowChain(l, vs)) < 2 {
		return false
	}
	return r.datedBefore(l.Text)
}

// pastYear reports whether the sentence around v names a year before the
// current one, and none after: "Im Oktober 2023 hat Watchtower uns von
// 16.3 auf 16.4 gehoben" is history.
func (r *planReader) pastYear(l *Line, v VersionRef) bool {
	start, end := SentenceAt(l.Lower, v.Span.Start, v.Span.End)
	past := false
	for _, t := range l.Tokens {
		if t.Start < start || t.End > end || len(t.Word) != 4 || t.Word[0] != '2' || t.Word[1] != '0' || !isDigitWord(t.Word) {
			continue
		}
		y, _ := strconv.Atoi(t.Word)
		if y >= r.today.Year() {
			return false
		}
		past = true
	}
	return past
}

// continues reports whether v is where the path stands: the current
// version or a version already installed.
func (r *planReader) continues(v glversion.Version) bool {
	if d := r.plan.Done; d != nil && d.Version.Compare(v) == 0 {
		return true
	}
	for _, c := range r.plan.CurrentClaims {
		if c.Version.Compare(v) == 0 {
			return true
		}
	}
	for _, h := range r.plan.Installs {
		if h.Version.Compare(v) == 0 {
			return true
		}
	}
	return false
}

// ahead reports whether v is newer than the current version and every
// version installed so far, so a step that starts from it must install it.
func (r *planReader) ahead(v glversion.Version) bool {
	known := false
	for _, c := range r.plan.CurrentClaims {
		if c.Version.Compare(v) >= 0 {
			return false
		}
		known = true
	}
	for _, h := range r.plan.Installs {
		if h.Version.Compare(v) >= 0 {
			return false
		}
		known = true
	}
	return known
}

// noteItem reports whether a list item that starts with a version is a
// note about that version rather than a step of the path: "**18.4
// amcheck** is created by reconfigure", "18.11.0/18.11.1 regression: not
// relevant". A step names a stop, a hop, the target or an install, or is
// short ("- 16.3.9 (about 40 min)").
func noteItem(l *Line, vs []VersionRef) bool {
	if l.Label.Len() > 0 && len(l.Tokens) > 0 && l.Tokens[0].Start < l.Label.End && noteWords[l.Tokens[0].Word] {
		// "Notes checked for the path: the 17.3→17.4 UniqueViolation
		// ...": release notes, not hops.
		return true
	}
	// (A quoted note reads like an item: "> 17.11→18.0 with Rails on
	// 18.0 and Sidekiq still on 17.11 causes pipeline failures".)
	if !(l.Item || l.Quote) && !minorTransition(l, vs) || !startsWithVersion(l, vs) || startsWithStepWord(l) {
		return false
	}
	first := vs[0]
	if l.Has(TermStopWord) || l.Has(TermTarget) || l.Has(TermPkgInstall) {
		return false
	}
	if chain := arrowChain(l, vs); len(chain) >= 2 {
		// "17.11 → 18.0 ZDT trap: not relevant" names a transition; a
		// path chain names patches or is the whole item.
		for _, v := range chain {
			if v.Version.HasPatch {
				return false
			}
		}
	}
	if termBefore(l, first.Span.End+1, TermUpgradeVerb, 3) {
		return false
	}
	words, labelWords := 0, 0
	for _, t := range l.Tokens {
		if t.Start >= first.Span.End && !isDigitWord(t.Word) {
			words++
			if t.End <= l.Label.End {
				labelWords++
			}
		}
	}
	// "**18.0 – PostgreSQL 16 obligatoire :** déjà en 16.8": a label
	// naming a version's topic, then how it stands.
	// "17.0 : PostgreSQL 14 requis, on y est déjà (14.11)": a release's
	// requirement on something else, a note, not a hop to 17.0.
	return words > 6 || labelWords >= 2 && first.Span.Start < l.Label.End ||
		words >= 3 && !first.Version.HasPatch && (l.Has(TermDatabaseWord) || l.Has(TermComponent) || l.Has(TermOtherProduct))
}

// windowItem reports whether a list item dates a window and then lists
// the versions it installs: "**F1 — samedi 12 décembre 2026, 08h00–18h00
// CET** : 14.9.5 ; 14.10.5 ; 15.0.5".
func windowItem(l *Line, vs []VersionRef) bool {
	if len(vs) == 0 || !vs[0].Version.HasPatch || !l.Has(TermWhenWord) && !l.Has(TermWindow) {
		return false
	}
	lead := strings.TrimRight(l.Text[:vs[0].Span.Start], " *_`")
	return strings.HasSuffix(lead, ":") && strings.ContainsAny(lead, "0123456789")
}

// amongHops reports whether a list item that starts with a full version
// stands beside an item that is nothing but a full version, so it is one
// hop of a list of hops with a remark: "13.12.15 (W1), then pg-upgrade
// because 14.0 needs PostgreSQL 12" next to "14.9.5 (W1)".
func amongHops(l *Line, vs []VersionRef) bool {
	if len(vs) == 0 || !vs[0].Version.HasPatch || l.doc == nil {
		return false
	}
	lines := l.doc.Lines
	for _, dir := range []int{-1, 1} {
		for i := l.Index + dir; i >= 0 && i < len(lines); i += dir {
			o := lines[i]
			if o.Section != l.Section || o.Depth < l.Depth || o.Kind == KindHeading {
				break
			}
			if !o.Item || o.Depth != l.Depth {
				continue
			}
			if bareHop(o) {
				return true
			}
			if !opensWithFullVersion(o) {
				// Another remarked hop may stand between: look on.
				break
			}
		}
	}
	return false
}

// bareHop reports whether a list item holds one full version and at most
// a few words beside it: "14.9.5 (W1)", "16.3.9 (about 40 min)".
func bareHop(l *Line) bool {
	if len(l.Versions) != 1 || !opensWithFullVersion(l) || l.Has(TermNeg) {
		// ("16.0.10 (≥ 30.000 Benutzer): nein" answers whether a
		// conditional stop applies.)
		return false
	}
	words := 0
	for _, t := range l.Tokens {
		if t.Start >= l.Versions[0].End && !isDigitWord(t.Word) {
			words++
		}
	}
	return words <= 3
}

// opensWithFullVersion reports whether the line's text starts with a
// version that has a patch: "14.9.5 (W1)", "**16.3.9** ...".
func opensWithFullVersion(l *Line) bool {
	return len(l.Versions) > 0 && l.Versions[0].Version.HasPatch && strings.Trim(l.Text[:l.Versions[0].Start], " *`_") == ""
}

// minorTransition reports whether the line opens with the move from one
// minor to the next, then a topic and a colon: "17.5 → 17.6
// `ci_deleted_objects` CheckViolation: fix is ..." names the transition a
// note is about.
func minorTransition(l *Line, vs []VersionRef) bool {
	chain := arrowChain(l, vs)
	if len(chain) != 2 || chain[0].Span != vs[0].Span {
		return false
	}
	a, b := chain[0].Version, chain[1].Version
	if a.HasPatch || b.HasPatch || !(b.Major == a.Major && b.Minor == a.Minor+1 || b.Major == a.Major+1 && b.Minor == 0) {
		return false
	}
	return strings.Contains(l.Text[chain[1].Span.End:], ":")
}

// noteWords start a label of notes: "Notes checked for the path: ...".
var noteWords = map[string]bool{"note": true, "notes": true, "hinweis": true, "hinweise": true, "nota": true, "notas": true, "remarque": true, "remarques": true, "known": true, "caveats": true}

// Reverts reports whether the line goes back to version v: it names v
// and says "back" or "again" ("put gitlab-ee:16.8.1-ee.0 back in the
// compose file", "install 16.3.9 again").
func (l *Line) Reverts(v glversion.Version) bool {
	return l.revertsBefore(v, len(l.Text))
}

// revertsBefore is Reverts for the text before offset end.
func (l *Line) revertsBefore(v glversion.Version, end int) bool {
	if !v.HasPatch || len(l.Versions) == 0 {
		return false
	}
	for _, m := range l.Versions {
		if m.Start < end && m.Version.Compare(v) == 0 {
			for _, t := range l.Tokens {
				if t.Start >= end {
					break
				}
				switch t.Word {
				case "back", "again", "zurück", "wieder", "atrás", "nuevo", "arrière", "nouveau":
					return true
				}
			}
			return false
		}
	}
	return false
}

func hasAnyToken(l *Line, words ...string) bool {
	for _, t := range l.Tokens {
		for _, w := range words {
			if t.Word == w {
				return true
			}
		}
	}
	return false
}

// FailureBranch reports whether a line starts with what to do when a step
// fails: "If this hop fails: ...", "Falls der Schritt fehlschlägt: ...",
// "Si falla: ...". Such a line is a rollback, wherever it stands.
func (l *Line) FailureBranch() bool {
	return failureWords(l.Tokens)
}

// failureClause returns the offset of a sentence inside the line that
// opens a failure branch, "Hop 1 to 18.11.11. ... If this fails: set the
// image back to 18.8.11", or len(l.Text) if there is none.
func (l *Line) failureClause() int {
	for i := 1; i < len(l.Tokens); i++ {
		if !l.Tokens[i].Break || !strings.ContainsAny(l.Text[l.Tokens[i-1].End:l.Tokens[i].Start], ".!?") {
			continue
		}
		if failureWords(l.Tokens[i:]) {
			return l.Tokens[i].Start
		}
	}
	return len(l.Text)
}

// failureWords reports whether words open a failure branch.
func failureWords(toks []Token) bool {
	n := len(toks)
	if n > 8 {
		n = 8
	}
	cond := false
	for i := 0; i < n; i++ {
		w := toks[i].Word
		switch {
		case w == "if" || w == "falls" || w == "wenn" || w == "si" || w == "should":
			cond = true
		case cond && (strings.HasPrefix(w, "fail") || strings.HasPrefix(w, "fehlschl") || strings.HasPrefix(w, "scheitert") || w == "falla" || strings.HasPrefix(w, "échoue") || strings.HasPrefix(w, "echoue") || w == "breaks" || w == "goes" || w == "stops" || w == "hangs" || w == "aborts" || w == "errors"):
			return true
		}
	}
	return false
}

// lookupBefore reports whether a command that only lists available
// versions ("helm search", "apt-cache madison") comes before offset.
func lookupBefore(l *Line, offset int) bool {
	for _, c := range []string{"helm search", "apt-cache madison", "--showduplicates"} {
		if i := l.IndexOf(c); i >= 0 && i < offset {
			return true
		}
	}
	return false
}

// continuationRejects reports whether the lines that continue a list item
// ("- **17.1 (conditional stop):** we ran" / "`query`" / "... so the 17.1
// stop does not apply to us") say its conditional stop is not taken.
func (r *planReader) continuationRejects(l *Line) bool {
	if !conditionalWording(l) {
		return false
	}
	for i := l.Index + 1; i < len(r.doc.Lines) && i <= l.Index+3; i++ {
		n := r.doc.Lines[i]
		if n.Item || n.Kind == KindHeading || n.Section != l.Section {
			return false
		}
		if n.ContainsAny(stopRejections...) || n.ContainsAny(emptyCheck...) {
			return true
		}
	}
	return false
}

// conditionalWording reports whether a line calls a stop conditional:
// "17.1 (conditional stop)", "16.2 is only needed with ...".
func conditionalWording(l *Line) bool {
	if l.ContainsAny([]string{"only needed", "only required", "nur nötig", "solo necesari", "alleen nodig", "seulement nécessaire", "uniquement nécessaire", "solo necessari", "apenas necessári"}...) {
		return true
	}
	for _, t := range l.Tokens {
		if t.Word == "cond" || strings.HasPrefix(t.Word, "conditional") || strings.HasPrefix(t.Word, "bedingt") || strings.HasPrefix(t.Word, "condicional") || strings.HasPrefix(t.Word, "conditionnel") || strings.HasPrefix(t.Word, "voorwaardelijk") || strings.HasPrefix(t.Word, "condizional") {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of the phrases.
func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// stopRejections are the phrases that say a conditional stop is not taken.
var stopRejections = []string{"not needed", "not required", "no need", "does not apply", "doesn't apply", "do not apply", "not relevant", "not applicable",
	"nicht nötig", "nicht erforderlich", "no aplica", "no es necesari", "pas nécessaire", "ne s'applique pas", "pas d'arrêt", "pas d’arrêt",
	"kein stopp", "kein zwischenstopp", "sin parada", "no hay parada", "n/a", "entfällt", "nicht zutreffend", "non applicable", "no procede",
	"não se aplica", "não é necessári", "nao se aplica", "non si applica", "non necessari", "non serve", "niet van toepassing", "niet nodig",
	"non requis", "non nécessaire", "pas requis", "no requerid", "no necesari", "non richiest", "não necessári", "não requerid", "niet vereist",
	"non concerné", "pas concerné", "nicht betroffen", "not affected", "no afecta", "non interessat", "niet van belang", "não afeta"}

// emptyCheck are the phrases that say a conditional stop's check found
// nothing.
var emptyCheck = []string{"far below", "below the threshold", "returned 0", "returned no", "returns 0", "returns no", "no row", "0 rows",
	"keine zeile", "0 zeilen", "ninguna fila", "0 filas", "aucune ligne", "0 ligne", "nenhuma linha", "nessuna riga", "geen rijen", "0 rijen"}

// sentenceWithVersion reports whether one of the phrases stands in a
// sentence of the line that names one of its versions: "17.1: 140,000
// rows, so not needed", but not "Upgrade from 14.8.2 to 17.11.7. The
// conditional stops do not apply to us."
func sentenceWithVersion(l *Line, vs []VersionRef, phrases []string) bool {
	return AnyPhraseSentence(l.Lower, phrases, func(a, b int) bool {
		for _, v := range vs {
			if v.Span.Start >= a && v.Span.End <= b {
				return true
			}
		}
		return false
	})
}

// sentenceNames reports whether the sentence around offset off names
// version v.
func sentenceNames(l *Line, off int, v glversion.Version, vs []VersionRef) bool {
	start, end := SentenceAt(l.Text, off, off)
	for _, o := range vs {
		if o.Span.Start >= start && o.Span.End <= end && o.Version.Compare(v) == 0 {
			return true
		}
	}
	return false
}

// databaseSentence reports whether the sentence of v, before it, is about
// PostgreSQL: "We do not cross a PostgreSQL floor (18.x needs 16.5 or
// later; we run 16.10)".
func databaseSentence(l *Line, v VersionRef) bool {
	a, _ := SentenceAt(l.Lower, v.Span.Start, v.Span.End)
	before := l.Lower[a:v.Span.Start]
	db := func(b string) bool {
		return (strings.Contains(b, "postgres") || strings.Contains(" "+b, " pg ") || strings.Contains(" "+b, " rds ") || strings.Contains(b, "aurora") || strings.Contains(b, "cloud sql")) && !strings.Contains(b, "gitlab")
	}
	if db(before) {
		return true
	}
	// "PostgreSQL 16 para GitLab 18.0: RDS ya está en 16.8": the clause
	// after the label.
	if i := strings.LastIndexByte(before, ':'); i >= 0 && db(before[i+1:]) {
		return true
	}
	// "PostgreSQL 16 required from 18.0. Our external cluster is on
	// 16.9": the sentence before names the database, this one its
	// cluster.
	return db(l.Lower[:a]) && !strings.Contains(before, "gitlab") && containsAny(before, []string{"cluster", "database", "datenbank", "base de datos", "base de données", "banco de dados", "db "})
}

// databaseFrom reports whether a database noun stands right before the
// first version of a from-to pair: "the bundled database from 14.11 to
// 16.8", "die Datenbank von 13 auf 14".
func databaseFrom(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		switch l.Tokens[j].Word {
		case "database", "db", "datenbank", "postgresql", "postgres", "pg", "datos", "données", "dados", "databank", "rds":
			return true
		}
	}
	return false
}

// otherInstanceRow reports whether a table row describes an instance
// other than production: "| Staging | gl-stg-01 | ... | 18.11.11 | no |",
// "| DR `gl-dr` | ... |", "| Unidad de negocio LatAm | ... | fuera de
// alcance |".
func otherInstanceRow(l *Line) bool {
	if len(l.Cells) == 0 {
		return false
	}
	c := l.Cells[0]
	if cellHas(l, c, TermStaging) {
		return true
	}
	first := strings.ToLower(l.Text[c.Start:c.End])
	for _, w := range strings.FieldsFunc(first, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "dr", "dev", "development", "entwicklung", "desarrollo", "développement", "sviluppo", "desenvolvimento", "ontwikkeling",
			"preprod", "preproducción", "préproduction", "preproduzione", "recette", "collaudo", "acceptatie", "homologação", "qa", "uat", "sandbox", "lab":
			return true
		}
	}
	return l.ContainsAny([]string{"out of scope", "not in this change", "fuera de alcance", "hors périmètre", "nicht teil", "fuori ambito", "buiten scope", "fora do escopo"}...)
}

// startWords name the row of a path table that holds today's version.
var startWords = map[string]bool{"today": true, "now": true, "current": true, "currently": true, "start": true, "heute": true, "jetzt": true, "aktuell": true, "ist": true, "hoy": true, "ahora": true, "actual": true,
	"inicio": true, "aujourd": true, "hui": true, "actuel": true, "actuelle": true, "départ": true, "oggi": true, "attuale": true, "partenza": true, "vandaag": true, "nu": true, "huidig": true, "huidige": true, "hoje": true, "atual": true, "início": true, "partida": true}

// startRow reports whether the first cell of a table row names where the
// path starts, with at most a step number beside it: "| 0 (today) |",
// "| start |", "| Ist |".
func startRow(l *Line) bool {
	if len(l.Cells) < 2 {
		return false
	}
	c := l.Cells[0]
	named := false
	for _, t := range l.Tokens {
		if t.Start < c.Start || t.End > c.End || allDigits(t.Word) {
			continue
		}
		if !startWords[t.Word] {
			return false
		}
		named = true
	}
	return named
}

// boundAt reports whether a comparison sign stands right before v: "RDS
// 14.x → 16.x (≥ 16.8)" names a floor, not a hop.
func boundAt(l *Line, v VersionRef) bool {
	before := strings.TrimRight(l.Text[:v.Span.Start], " ")
	for _, sign := range []string{"≥", ">=", "≤", "<=", ">", "<"} {
		if strings.HasSuffix(before, sign) {
			return true
		}
	}
	return false
}

// otherStopBetween reports whether a negated stop word speaks of other
// stops between two versions: "there is no other required stop between,
// so the path is 18.11.11 → 19.2.4", "Er ligt geen andere verplichte stop
// tussen".
func otherStopBetween(l *Line, m Match) bool {
	for j := max(0, m.Tok-3); j < len(l.Tokens) && j <= m.Tok+m.NTok+2; j++ {
		switch l.Tokens[j].Word {
		case "other", "further", "andere", "anderen", "weitere", "weiteren", "otro", "otra", "autre", "altro", "altra", "outra", "outro",
			"between", "dazwischen", "tussen", "entre", "tra", "fra":
			return true
		}
	}
	return false
}

// notesNamed reports whether release or upgrade notes are named right
// before v ("upgrade notes 18.0–18.2", "Versionshinweise 17.x").
func notesNamed(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for j := ti - 1; j >= 0 && j >= ti-2; j-- {
		if w := l.Tokens[j].Word; noteWords[w] && w != "known" || w == "changelog" || w == "versionshinweise" {
			return true
		}
	}
	return false
}

// conditionalStop reports whether v's minor is a conditional stop of the
// required-stop list (17.1, 16.0, ...).
func conditionalStop(v glversion.Version) bool {
	kb := Knowledge()
	if _, ok := kb.Conditional[v.MinorString()]; ok {
		return true
	}
	for _, s := range kb.Stops {
		if s.Conditional && s.Line().CompareMinor(v) == 0 {
			return true
		}
	}
	return false
}

// notInstalled reports whether a line's versions are named without being
// installed: a conditional stop the plan says it does not need, or a row
// of a rollback in a table of steps.
func notInstalled(l *Line, vs []VersionRef) bool {
	if l.Kind == KindTableRow && (l.LabelIs(TermRollback) || leadingCellHas(l, TermRollback) || leadingCellHas(l, TermRisk)) {
		return true
	}
	if l.Kind == KindTableRow && l.Header != nil && len(l.Header.Cells) > 0 && cellHas(l.Header, l.Header.Cells[0], TermRisk) && !cellHas(l.Header, l.Header.Cells[0], TermProcedure) {
		// "| Version note | How we handle it |" / "| 17.5 → 17.6
		// CheckViolation | ... |": a table of known problems.
		return true
	}
	if notesNamed(l, vs[0]) {
		// "Release Notes / Upgrade-Hinweise 18.0–18.2 gelesen": the
		// versions of the notes read.
		return true
	}
	if negatedInstall(l, vs) {
		// "17.1.0/17.1.1 upgrade failures: we do not install 17.1",
		// "wir installieren 18.9 nicht".
		return true
	}
	if knownProblem(l, vs) {
		// "upgrades to 17.1.0/17.1.1 from 16.x can fail; we use
		// 17.1.8": a release note about the versions, not a step.
		return true
	}
	if noteOnOtherStop(l, vs) {
		// "| 1 | 16.11.10 | 17.3.7 | parada obrigatória 17.3 (17.1
		// condicional não se aplica) |": the note turns down another
		// stop, not the row's hop.
		return false
	}
	conditional := conditionalWording(l)
	for _, m := range l.FindAll(TermStopWord) {
		// Only when the sentence speaks of the line's first version:
		// "Straight from 18.8.11 to 18.11.11. 18.9 and 18.10 are not
		// required stops" still installs 18.11.11.
		if negatedBefore(l, m, 3) && sentenceNames(l, m.Start, vs[0].Version, vs) && !otherStopBetween(l, m) {
			// "so we do not stop there", "no 16.1 stop"
			return true
		}
	}
	// (An item about one version speaks of it in every sentence: "16.2.11
	// is only needed with a large history. pg_stat_user_tables shows 1.2
	// million rows, far below ...", and so does a table row that starts
	// with it: "| 17.1 | > 1,500,000 rows | 1,120,000 | non requis |".)
	whole := (l.Item || l.Kind == KindTableRow && conditionalStop(vs[0].Version)) && startsWithVersion(l, vs)
	if !conditional && !whole {
		return false
	}
	if whole && (l.ContainsAny(stopRejections...) || conditional && l.ContainsAny(emptyCheck...)) ||
		sentenceWithVersion(l, vs, stopRejections) || conditional && sentenceWithVersion(l, vs, emptyCheck) {
		// (A conditional stop whose check came back empty is not taken
		// either.)
		return true
	}
	// "we skip it", but not "cannot skip".
	for _, t := range l.Tokens {
		if (strings.HasPrefix(t.Word, "skip") || strings.HasPrefix(t.Word, "überspring")) && !negatedAround(l, Match{Tok: tokenAt(l, t.Start), NTok: 1}) {
			return true
		}
	}
	return false
}

// noteOnOtherStop reports whether a table row's note column names a
// minor that none of the row's other cells holds, and nothing outside the
// note negates: what the note turns down is that other version.
func noteOnOtherStop(l *Line, vs []VersionRef) bool {
	if l.Kind != KindTableRow {
		return false
	}
	var row, note []VersionRef
	for _, v := range vs {
		if noteColumn(l, v) {
			note = append(note, v)
		} else {
			row = append(row, v)
		}
	}
	if len(row) == 0 {
		return false
	}
	other := false
	for _, n := range note {
		if !slices.ContainsFunc(row, func(v VersionRef) bool { return v.Version.CompareMinor(n.Version) == 0 }) {
			other = true
		}
	}
	if !other {
		return false
	}
	for _, m := range l.FindAll(TermNeg) {
		if !noteColumn(l, VersionRef{Span: Span{m.Start, m.End}}) {
			return false
		}
	}
	return true
}

// knownProblem reports whether the line speaks of upgrades to its versions
// in general ("upgrades to 18.9.0/18.9.1", "Upgrades auf 18.9.0") and says
// they fail or are affected by a problem.
func knownProblem(l *Line, vs []VersionRef) bool {
	general := false
	for _, v := range vs {
		ti := tokenAt(l, v.Span.Start)
		if ti >= 2 && l.Tokens[ti-2].Word == "upgrades" && (l.Tokens[ti-1].Word == "to" || l.Tokens[ti-1].Word == "auf") {
			general = true
			break
		}
	}
	if !general {
		return false
	}
	for _, t := range l.Tokens {
		w := t.Word
		if strings.HasPrefix(w, "fail") || strings.HasPrefix(w, "betroffen") || strings.HasPrefix(w, "affect") || w == "betrifft" || w == "betreffen" || w == "bug" || w == "checkviolation" || w == "uniqueviolation" {
			return true
		}
	}
	return false
}

// negatedVersion reports whether a negated install verb names v in its
// clause: "we do not install 18.9", "wir installieren 18.9 nicht".
func negatedVersion(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for _, m := range l.FindAll(TermUpgradeVerb) {
		end := m.Tok + m.NTok
		if end > ti || ti-end > 4 || breakBetween(l, end, ti) {
			continue
		}
		if negatedBefore(l, m, 3) || negatedAfterVerb(l, end) || end+1 < len(l.Tokens) && negatedAfterVerb(l, end+2) || negatedAfterVerb(l, tokenAt(l, v.Span.End)) {
			return true
		}
	}
	return false
}

// negatedInstall reports whether the line says it does not install the
// minor of every version it names: a negated install verb followed, in
// the same clause, by a version of each of their minors.
func negatedInstall(l *Line, vs []VersionRef) bool {
	var minors []glversion.Version
	for _, v := range vs {
		if negatedVersion(l, v) {
			minors = append(minors, v.Version)
		}
	}
	if len(minors) == 0 {
		return false
	}
	for _, v := range vs {
		named := false
		for _, m := range minors {
			if v.Version.CompareMinor(m) == 0 {
				named = true
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// cellHas reports whether cell c of line l names concept term.
func cellHas(l *Line, c Span, term Term) bool {
	for _, m := range l.Matches {
		if m.Term == term && m.Start >= c.Start && m.End <= c.End {
			return true
		}
	}
	return false
}

// leadingCellHas reports whether a short leading cell of a table row names
// the term: a rollback step ("| 32 | Rollback 2 | dnf install ... |") or
// notes ("| 14 | Version notes | 16.7→16.11 ... |").
func leadingCellHas(l *Line, term Term) bool {
	for i, c := range l.Cells {
		if i > 2 {
			break
		}
		words := 0
		for _, t := range l.Tokens {
			if t.Start >= c.Start && t.End <= c.End {
				words++
			}
		}
		if words == 0 || words > 4 {
			continue
		}
		if cellHas(l, c, term) {
			return true
		}
	}
	return false
}

// installedHere reports whether the line says it installs version v:
// "we install 18.11.11".
func installedHere(l *Line, v VersionRef) bool {
	return termBefore(l, v.Span.Start, TermUpgradeVerb, 4) && !termBefore(l, v.Span.Start, TermFrom, 1)
}

// windowRow reports whether a table row is one window of several: its
// first cell names a window in a few words ("| W1 | Sat 2026-12-05 |
// ... | 18.5.7 → 18.8.11 |", "| Window A | ...").
func windowRow(l *Line) bool {
	if l.Kind != KindTableRow || len(l.Cells) < 2 {
		return false
	}
	c := l.Cells[0]
	if len(strings.Fields(l.Text[c.Start:c.End])) > 3 {
		return false
	}
	// "| Window 2 | ... |", or "| A | ... |" under a first column headed
	// "Window".
	return cellHas(l, c, TermWindow) || l.Header != nil && len(l.Header.Cells) == len(l.Cells) && cellHas(l.Header, l.Header.Cells[0], TermWindow)
}

// numberedStepRow reports whether a table row is a numbered step under a
// first column headed "Step" or "Hop".
func numberedStepRow(l *Line) bool {
	if l.Kind != KindTableRow || l.Header == nil || len(l.Header.Cells) == 0 || len(l.Cells) == 0 {
		return false
	}
	head := strings.Trim(strings.ToLower(strings.TrimSpace(l.Header.Text[l.Header.Cells[0].Start:l.Header.Cells[0].End])), "*_#")
	switch head {
	case "step", "hop", "schritt", "paso", "salto", "étape", "etape", "passo", "stap":
	default:
		return false
	}
	first := strings.TrimSpace(l.Text[l.Cells[0].Start:l.Cells[0].End])
	return first != "" && isDigitWord(first)
}

// shellLine reports whether a text line starts with a shell command that
// installs software: "sudo zypper install ...", "apt-get install ...".
func shellLine(l *Line) bool {
	return bareCommand(l) && (l.Has(TermPkgInstall) || l.Has(TermHelmUpgrade) || l.Has(TermDockerPull))
}

// bareCommand reports whether a text line is a shell command written
// without code formatting: "sudo gitlab-backup restore BACKUP=<...>".
func bareCommand(l *Line) bool {
	if l.Kind != KindText {
		return false
	}
	return startsWithCommand(strings.TrimLeft(l.Lower, " -*$#"))
}

// shellCommands are the commands plans run, as a line starts with them.
var shellCommands = []string{"sudo ", "apt-get ", "apt ", "yum ", "dnf ", "zypper ", "rpm ", "dpkg ", "docker ", "helm ", "kubectl ", "gitlab-ctl ", "gitlab-backup ", "gitlab-rake ", "gitlab-psql ", "gitlab-rails "}

// startsWithCommand reports whether lower-case text starts with a command
// plans run.
// shellPromptEnd returns where the command starts after a shell prompt
// pasted with it ("lucia@gitlab-01:~$ ", "[root@gitlab ~]# "), or 0.
func shellPromptEnd(low string) int {
	if strings.HasPrefix(low, "[") {
		for _, p := range []string{"]$ ", "]# "} {
			// "[root@gl-app01 ~]# ", or a host alone: "[gl-pg01]$ ".
			if i := strings.Index(low, p); i > 0 && i < 80 && (strings.IndexByte(low[:i], '@') > 0 || strings.IndexByte(low[:i], ' ') < 0) {
				return i + len(p)
			}
		}
		return 0
	}
	sp := strings.IndexByte(low, ' ')
	if sp < 2 || sp > 80 || low[sp-1] != '$' && low[sp-1] != '#' || strings.IndexByte(low[:sp], '@') <= 0 {
		return 0
	}
	return sp + 1
}

func startsWithCommand(low string) bool {
	for _, c := range shellCommands {
		if strings.HasPrefix(low, c) {
			return true
		}
	}
	return false
}

// asideVersion reports whether vs[i], a later version of a path item,
// is said in passing rather than installed: "18.11 is the last stop
// before 19.0", "19.2 is the next stop (planned 19.x stops: 19.2, 19.5,
// 19.8, 19.11)".
func asideVersion(l *Line, vs []VersionRef, i int) bool {
	v := vs[i]
	if termBefore(l, v.Span.Start, TermRelation, 2) && !termBefore(l, v.Span.Start, TermUpgradeVerb, 3) {
		return true
	}
	// A list of three or more versions in parentheses.
	open := strings.LastIndexByte(l.Text[:v.Span.Start], '(')
	if open < 0 || strings.LastIndexByte(l.Text[:v.Span.Start], ')') > open {
		return false
	}
	end := strings.IndexByte(l.Text[open:], ')')
	if end < 0 {
		end = len(l.Text) - open
	}
	n := 0
	for _, o := range vs {
		if o.Span.Start > open && o.Span.End <= open+end {
			n++
		}
	}
	return n >= 3
}

// noteColumn reports whether v stands in a table column headed as notes
// or risks ("| Version note | How we handle it |").
func noteColumn(l *Line, v VersionRef) bool {
	hc, ok := headerCellOf(l, v)
	if !ok {
		return false
	}
	h := l.Header
	for _, m := range h.Matches {
		if m.Start >= hc.Start && m.End <= hc.End && m.Term == TermRisk {
			return true
		}
	}
	switch strings.Trim(h.Lower[hc.Start:hc.End], " *_") {
	case "why", "reason", "reasons", "comment", "comments", "remarks", "note", "notes", "grund", "begründung", "bemerkung", "bemerkungen", "kommentar", "hinweis", "hinweise", "anmerkung",
		"motivo", "observaciones", "observación", "comentario", "nota", "notas", "raison", "commentaire", "remarques", "remarque", "observação", "observações", "motivo/observação",
		"osservazioni", "note e motivo", "opmerking", "opmerkingen", "reden", "toelichting":
		return true
	}
	return false
}

// fromColumn reports whether v stands in a table column headed as the
// version a hop starts from: "| Salto | Desde | Hasta |".
func fromColumn(l *Line, v VersionRef) bool {
	hc, ok := headerCellOf(l, v)
	if !ok {
		return false
	}
	switch strings.Trim(l.Header.Lower[hc.Start:hc.End], " *_:") {
	case "from", "from version", "von", "von version", "desde", "versión origen", "versión de origen", "de", "depuis", "van", "vanaf", "da", "de versão", "versão de origem":
		return true
	}
	return false
}

// headerCellOf returns the header cell over the table cell that holds v.
func headerCellOf(l *Line, v VersionRef) (Span, bool) {
	if l.Kind != KindTableRow || l.Header == nil || len(l.Header.Cells) != len(l.Cells) {
		return Span{}, false
	}
	for ci, c := range l.Cells {
		if v.Span.Start >= c.Start && v.Span.End <= c.End {
			return l.Header.Cells[ci], true
		}
	}
	return Span{}, false
}

// referencedVersion reports whether "GitLab X" is a reference to another
// version rather than the instance's: "the PostgreSQL 16 requirement of
// GitLab 18.0", "supported since GitLab 17.5".
func referencedVersion(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	// "weil GitLab 19.0 mindestens PostgreSQL 17 verlangt", "GitLab 19.0
	// requires PostgreSQL 17": what a release needs, not what runs.
	for j := tokenAt(l, v.Span.End-1) + 1; j < len(l.Tokens) && j <= tokenAt(l, v.Span.End-1)+2; j++ {
		if w := l.Tokens[j].Word; requirementWords[w] && w != "support" && w != "supports" && w != "least" {
			// ("GitLab 18.5 supports ..." says what it works with, not
			// what it needs.)
			return true
		}
	}
	for j := ti - 1; j >= 0 && j >= ti-4; j-- {
		if l.Tokens[j].Word != "gitlab" {
			continue
		}
		if j == 0 {
			return false
		}
		switch l.Tokens[j-1].Word {
		case "of", "for", "since", "until", "before", "after", "from", "to", "than", "by", "with", "in", "requires", "needs",
			"von", "für", "seit", "bis", "ab", "de", "para", "desde", "hasta", "pour", "depuis", "jusqu",
			// "exigé par GitLab 19.0", "requerido por", "vereist door"
			"par", "por", "pelo", "pela", "door", "durch", "dal", "dalla",
			"including", "through", "einschließlich", "inklusive", "incluido", "incluida", "inclus", "incluse":
			// ("Ubuntu 20.04 gets packages up to and including GitLab
			// 18.11")
			return true
		}
		return false
	}
	return false
}

// otherProductSection reports whether the line's section is about another
// product ("## PostgreSQL", "## Redis").
func otherProductSection(l *Line) bool {
	h := l.Section.Heading
	return h != nil && (h.Has(TermOtherProduct) || h.Has(TermDatabaseWord)) && !hasAnyToken(h, "gitlab")
}

// otherProductInSentence reports whether the nearest product named before
// token ti in the same sentence, parentheses included, is not GitLab:
// "drops PostgreSQL 14/15 (we run 16.8)".
func otherProductInSentence(l *Line, ti int) bool {
	for j := ti - 1; j >= 0 && j >= ti-8; j-- {
		if j+1 < ti && breakBetween(l, j, j+1) && strings.Contains(l.Text[l.Tokens[j].End:l.Tokens[j+1].Start], ". ") {
			return false
		}
		w := l.Tokens[j].Word
		if w == "gitlab" || w == "ee" || w == "ce" || w == "omnibus" {
			return false
		}
		for _, m := range l.Matches {
			if m.Term == TermOtherProduct && m.Tok <= j && j < m.Tok+m.NTok {
				return true
			}
		}
	}
	return false
}

// gitlabWordBefore reports whether "GitLab" (or its edition) stands within
// n words before byte offset off, in the same clause.
func gitlabWordBefore(l *Line, off, n int) bool {
	ti := tokenAt(l, off)
	for j := ti - 1; j >= 0 && j >= ti-n; j-- {
		if j+1 < ti && l.Tokens[j+1].Break {
			return false
		}
		switch l.Tokens[j].Word {
		case "gitlab", "ee", "ce":
			return true
		case "enterprise", "community", "edition", "version", "v", "premium", "ultimate", "self", "managed", "omnibus", "is", "on", "at", "runs", "running":
			// Words that may stand between "GitLab" and its version.
		default:
			return false
		}
	}
	return false
}

// isStepLine reports whether a line belongs to the upgrade steps, rather
// than to a listing of the path, a summary, a rehearsal report or notes.
func (r *planReader) isStepLine(l *Line) bool {
	if l.In(TermStaging) || l.In(TermPrereq) && !l.In(TermProcedure) {
		return false
	}
	if l.In(TermPath) && !l.In(TermProcedure) && !l.In(TermMigrations) {
		return false
	}
	if l.Section.Is(TermPath) && !l.Section.Is(TermProcedure) && !l.In(TermMigrations) && l.Kind != KindCode && !installCommand(l) {
		// "- Hop 1: gitlab/gitlab-ee:18.2.8-ee.0 (required stop)" under
		// "## Path" lists the path; the steps come later.
		return false
	}
	if l.In(TermProcedure) || l.In(TermMigrations) {
		return true
	}
	if (l.Item || l.Kind == KindCode) && l.Section.NumberedWindow() {
		// "## Janela 2 — sábado, 09/01/2027" over "3. 10:40 — Imagem
		// `gitlab/gitlab-ce:18.2.8-ce.0`": the steps of that window.
		return true
	}
	if (l.Has(TermPkgInstall) || l.Has(TermHelmUpgrade) && !l.Has(TermRollback)) && (l.Kind == KindCode || len(l.Code) > 0) && !l.In(TermRollback) && !l.In(TermRisk) && !l.In(TermVerify) {
		// "- [ ] 21:45 hop 1: `sudo apt-get install gitlab-ee=17.11.7-ee.0`"
		// under a heading such as "## Window": an install command is a
		// step wherever it stands, and so is a helm upgrade outside the
		// rollback ("| 5 | Salto 1 → 17.5.5 | `helm upgrade ... --version
		// 8.5.5` |" in a plan that is one big table).
		return true
	}
	// A plan without sections is all steps.
	return r.flat && l.Context.empty() && l.Kind != KindHeading
}

// startsWithVersion reports whether the line's text starts with one of
// its versions ("1. 16.3.9", "| 16.3.9 | ...").
func startsWithVersion(l *Line, vs []VersionRef) bool {
	if len(vs) == 0 {
		return false
	}
	first := 0
	for first < len(l.Text) && (l.Text[first] == ' ' || l.Text[first] == '`' || l.Text[first] == '*') {
		first++
	}
	for _, v := range vs {
		if v.Span.Start <= first+1 {
			return true
		}
	}
	if l.Kind == KindTableRow && len(l.Cells) > 1 {
		// "| 1 | 16.3.9 | ...": a step number, then the version.
		c0 := strings.TrimSpace(l.Text[l.Cells[0].Start:l.Cells[0].End])
		if isDigitWord(c0) {
			c1 := l.Cells[1]
			for _, v := range vs {
				if v.Span.Start >= c1.Start && v.Span.End <= c1.End {
					// "| 14 | 18.8.2 blocked users |" names a topic, and
					// "| 13 | Other 19.0 items |" does not start with it.
					lead := strings.Trim(l.Text[c1.Start:v.Span.Start], " *`_")
					return lead == "" && !topicAfter(l.Text[v.Span.End:c1.End])
				}
			}
		}
	}
	return false
}

// targetAfter reads a target named after the current version in the same
// line: "we're on GitLab EE 18.5.7 everywhere, target is 18.11.11".
func (r *planReader) targetAfter(l *Line, vs []VersionRef, cur VersionRef) {
	for i, v := range vs {
		if v.Span.Start <= cur.Span.End || v.Version.Compare(cur.Version) <= 0 || v.InLink {
			continue
		}
		// "We run 17.3.7 and upgrade to 18.5.7": the last version, after
		// an upgrade verb and "to", is where the upgrade ends.
		// ("Wir sind auf 17.3.7 und wollen auf 18.5.7 aktualisieren":
		// the verb comes last.)
		// A verb of going right before it does the same: "we willen naar
		// 18.5.7", "nous allons passer en 18.5.7".
		upgradeTo := i == len(vs)-1 && (termBefore(l, v.Span.Start, TermTo, 2) && (termBefore(l, v.Span.Start, TermUpgradeVerb, 6) || termAfter(l, v.Span.End-1, TermUpgradeVerb, 2)) || termBefore(l, v.Span.Start, TermGoVerb, 2))
		if termBefore(l, v.Span.Start, TermTarget, 3) || termBefore(l, v.Span.Start, TermGoal, 3) || upgradeTo {
			r.plan.TargetClaims = append(r.plan.TargetClaims, Claim{VersionRef: v, From: FromProse})
			return
		}
	}
}

func (r *planReader) hop(v VersionRef, listed bool) {
	r.plan.Installs = append(r.plan.Installs, Hop{VersionRef: v, Listed: listed})
}

func indexOf(vs []VersionRef, v VersionRef) int {
	for i := range vs {
		if vs[i].Span == v.Span {
			return i
		}
	}
	return 0
}

func vsIn(vs []VersionRef, s Span) []VersionRef {
	var out []VersionRef
	for _, v := range vs {
		if v.Span.Start >= s.Start && v.Span.End <= s.End {
			out = append(out, v)
		}
	}
	return out
}

var stepWords = map[string]bool{"hop": true, "step": true, "phase": true, "stop": true, "stage": true, "task": true, "schritt": true, "sprung": true, "etappe": true, "paso": true, "salto": true, "fase": true, "étape": true, "etape": true, "palier": true, "saut": true, "stap": true, "sprong": true, "passo": true}

// onlyRow reports whether a table row is the only row under its header.
func (r *planReader) onlyRow(l *Line) bool {
	lines := r.doc.Lines
	return l.Header != nil && l.Index > 0 && lines[l.Index-1] == l.Header &&
		(l.Index+1 >= len(lines) || lines[l.Index+1].Header != l.Header)
}

// wordsBefore reports whether one of the words stands within n tokens
// before token i, in the same clause.
func wordsBefore(l *Line, i, n int, words ...string) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if slices.Contains(words, l.Tokens[j].Word) {
			return true
		}
		if l.Tokens[j].Break {
			return false
		}
	}
	return false
}

// runnerLabel reports whether a line's label names the runners:
// "Runners:", "GitLab Runner fleet:".
func runnerLabel(l *Line) bool {
	if l.Label.Len() == 0 || l.Kind == KindCode {
		return false
	}
	label := l.LowerLabel()
	return strings.Contains(label, "runner") && !strings.Contains(label, "rails runner")
}

// numberedStepOf reports whether a paragraph opens with a numbered step
// that names v: "Salto 2 (17.3.7): ...", "Hop 3: 16.11.10, then ...".
func numberedStepOf(l *Line, v VersionRef) bool {
	if len(l.Tokens) < 3 || !(stepWords[l.Tokens[0].Word] || l.Tokens[0].Word == "salto") || !isDigitWord(l.Tokens[1].Word) {
		return false
	}
	// "Schritt 2 / Hop 2 → 16.7.10": further step words and numbers may
	// come first.
	ti := tokenAt(l, v.Span.Start)
	for j := 2; j < ti; j++ {
		if w := l.Tokens[j].Word; !stepWords[w] && w != "salto" && !isDigitWord(w) {
			return false
		}
	}
	return ti >= 2 && ti <= 6 && !breakBetween(l, 1, ti)
}

func startsWithStepWord(l *Line) bool {
	i := 0
	for i+1 < len(l.Tokens) && i < 3 && allDigits(l.Tokens[i].Word) {
		i++
	}
	if i > 0 && strings.Trim(l.Text[:l.Tokens[i].Start], "0123456789.) ") != "" {
		// Only the heading's own number may come first: "### 3. Hop 2 →
		// 18.5.7", "### 7.3 Passo 2 – 18.2.8".
		i = 0
	}
	return len(l.Tokens) > i && stepWords[l.Tokens[i].Word]
}

// checkHeading reports whether a heading names a check rather than a hop:
// "17.1 check (run 2026-11-20 on production)".
func checkHeading(l *Line) bool {
	return l.Kind == KindHeading && (l.Has(TermCheckVerb) || l.HasWord("check", "checks", "query", "condition", "prüfung", "abfrage", "comprobación", "consulta", "vérification", "requête"))
}

// outputSection reports whether a section, or one it belongs to, is an
// appendix or holds command output.
func outputSection(s *Section) bool {
	for ; s != nil; s = s.Parent {
		if s.Heading == nil || s.IsTitle {
			continue
		}
		if s.Heading.HasWord("appendix", "anhang", "anexo", "apéndice", "annexe", "output", "ausgabe", "salida", "sortie", "bijlage", "allegato", "uitvoer") || strings.Contains(s.Heading.Lower, "madison") || strings.Contains(s.Heading.Lower, "apt-cache") {
			return true
		}
	}
	return false
}

// installCommand reports whether a line installs or deploys something.
func installCommand(l *Line) bool {
	return l.Has(TermPkgInstall) || l.Has(TermHelmUpgrade) || l.Has(TermDockerPull) || l.Has(TermUpgradeVerb)
}

// versionNotesLabel reports whether a line is labelled as what the
// version or release notes say.
func versionNotesLabel(l *Line) bool {
	if l.Label.Len() == 0 || l.Kind == KindCode || !l.LabelIs(TermRisk) {
		return false
	}
	lab := l.LowerLabel()
	return containsAny(lab, []string{"not"}) && containsAny(lab, []string{"version", "versión", "versão", "release", "versie"})
}

// stopsFrom reports whether v is where a line says the required stops
// begin: "Paliers obligatoires à partir de 17.5 : X.2, X.5, X.8, X.11",
// a rule of GitLab's, not a version of the plan.
func stopsFrom(l *Line, v VersionRef) bool {
	return l.Has(TermStopWord) && termBefore(l, v.Span.Start, TermFrom, 1)
}

// termBefore reports whether term t occurs within n tokens before byte
// offset off, in the same clause.
func termBefore(l *Line, off int, t Term, n int) bool {
	if !l.Has(t) {
		return false
	}
	ti := tokenAt(l, off)
	lo := ti - n
	for _, m := range l.Matches {
		if m.Term != t {
			continue
		}
		end := m.Tok + m.NTok
		if end <= ti && end >= lo && !breakBetween(l, end, ti) {
			return true
		}
	}
	return false
}

// upgradeVerbBefore reports whether an upgrade verb that states a step
// stands at most n words before offset off in its clause: "upgrade to
// 17.8.7", not "(8.11.7 installerebbe 17.11.6)".
func upgradeVerbBefore(l *Line, off int, n int) bool {
	if !l.Has(TermUpgradeVerb) {
		return false
	}
	ti := tokenAt(l, off)
	var near *Match // the nearest verb before off decides
	for i, m := range l.Matches {
		if end := m.Tok + m.NTok; m.Term == TermUpgradeVerb && end <= ti && (near == nil || m.Tok > near.Tok) {
			near = &l.Matches[i]
		}
	}
	if near == nil {
		return false
	}
	end := near.Tok + near.NTok
	if InParens(l.Text[near.End:off]) {
		// "installa 17.11.7 (8.11.7 installerebbe 17.11.6)": an aside
		// opened after the verb's own version.
		return false
	}
	return end >= ti-n && !breakBetween(l, end, ti) && !hypothetical(l, *near)
}

// breakBetween reports whether a clause break separates token a from
// token b (the break on b itself, as in "to: 16.3.9", does not count).
func breakBetween(l *Line, a, b int) bool {
	if clauseBreak(l, a, b) {
		return true
	}
	// A sentence that ends right before b does separate them: "the
	// Upgrade Path tool. 17.1 is a conditional stop".
	if b > 0 && b < len(l.Tokens) && l.Tokens[b].Break {
		sep := l.Text[l.Tokens[b-1].End:l.Tokens[b].Start]
		return strings.Contains(sep, ". ") || strings.ContainsAny(sep, ";!?")
	}
	return false
}

func isDigitWord(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// fromTo finds "from A to B" on a line: the index of A and B in vs, or -1.
func fromTo(l *Line, vs []VersionRef) (int, int) {
	a, b := -1, -1
	for i, v := range vs {
		if a >= 0 && strings.Contains(l.Text[vs[a].Span.End:v.Span.Start], ". ") {
			// "from" and "to" in one sentence: "every package from 18.3.0
			// on checks ... at least 18.2. So ... from 17.11.7 to 18.2.8".
			a = -1
		}
		if a < 0 && (fromWordBefore(l, v) || fromBeforeEdition(l, v)) {
			a = i
			continue
		}
		if a >= 0 && termBefore(l, v.Span.Start, TermTo, 2) {
			b = i
			break
		}
	}
	return a, b
}

// fromWordBefore reports whether "from" stands right before v, or with
// one word between: "from 18.8.11", "de la 17.3.7", "von GitLab 17.3.7".
// The short Romance and Dutch forms ("de", "da", "van") are also
// articles and prepositions of other kinds ("op de laatste 18.11-patch"),
// so only an article or a version word may stand between them and v.
func fromWordBefore(l *Line, v VersionRef) bool {
	if !l.Has(TermFrom) {
		return false
	}
	ti := tokenAt(l, v.Span.Start)
	for _, m := range l.Matches {
		if m.Term != TermFrom {
			continue
		}
		end := m.Tok + m.NTok
		if end > ti || end < ti-2 || breakBetween(l, end, ti) {
			continue
		}
		if end == ti-1 {
			switch l.Tokens[m.Tok].Word {
			case "de", "da", "van":
				switch l.Tokens[end].Word {
				case "la", "le", "l", "el", "lo", "a", "o", "versión", "version", "versão", "versione", "versie", "gitlab":
				default:
					continue
				}
			}
		}
		return true
	}
	return false
}

// avoidWords keep the plan away from a release.
var avoidWords = map[string]bool{"avoid": true, "avoiding": true, "avoids": true, "skip": true, "skipping": true, "vermeiden": true, "vermeiden,": true, "meiden": true,
	"evitar": true, "evitamos": true, "evita": true, "evitando": true, "éviter": true, "évitons": true, "évite": true, "evitare": true, "evitiamo": true, "vermijden": true, "vermijd": true}

// avoidedVersion reports whether v follows a word that avoids it, perhaps
// after other versions of the same list: "we avoid 19.0.0/19.0.1",
// "evita 19.0.0 e 19.0.1".
func avoidedVersion(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	for j := ti - 1; j >= 0 && j >= ti-8; j-- {
		w := l.Tokens[j].Word
		if avoidWords[w] {
			return true
		}
		if j+1 < len(l.Tokens) && l.Tokens[j+1].Break && j+1 != ti {
			return false
		}
		if isDigitWord(w) || w == "and" || w == "or" || w == "und" || w == "oder" || w == "y" || w == "o" || w == "e" || w == "et" || w == "ou" || w == "en" || w == "of" || w == "x" {
			// (The other versions of the list, "19.0.0/19.0.1".)
			continue
		}
		return false
	}
	return false
}

// timeReference reports whether a preposition of time stands in the few
// words before token i: "vor einem Upgrade auf 19.0", "before an upgrade
// to 19.0" uses the upgrade as a point in time, not as a step.
func timeReference(l *Line, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch l.Tokens[j].Word {
		case "before", "vor", "antes", "avant", "prima", "vóór",
			// "bij de sprong naar 19.0", "beim Sprung auf 19.0", "lors du
			// passage à 19.0": at the time of it.
			"bij", "beim", "lors", "during", "durante", "während":
			return true
		}
		if l.Tokens[j+1].Break {
			return false
		}
	}
	return false
}

// barePair finds "A to B" with only the word "to" (in a plan language)
// between two ascending versions: the indexes of A and B, or -1.
func barePair(l *Line, vs []VersionRef) (int, int) {
	for i := 0; i+1 < len(vs); i++ {
		between := strings.ToLower(strings.Trim(l.Text[vs[i].Span.End:vs[i+1].Span.Start], " *_`"))
		switch between {
		case "to", "auf", "nach", "a", "à", "vers", "naar", "para", "al", "alla", "até":
			if vs[i].Version.Compare(vs[i+1].Version) < 0 {
				return i, i + 1
			}
		}
	}
	return -1, -1
}

// distinctVersions counts the different GitLab versions among vs.
func distinctVersions(vs []VersionRef) int {
	n := 0
	for i, v := range vs {
		if v.Chart != nil {
			continue
		}
		seen := false
		for _, w := range vs[:i] {
			if w.Chart == nil && w.Version.Compare(v.Version) == 0 {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}

// toFrom finds a sentence that names where the upgrade goes before where
// it starts: "upgrade to 18.5.7 from 17.3.7", "passer en 18.5.7 depuis la
// 17.3.7". It returns the indexes of the start and the end, or -1.
func toFrom(l *Line, vs []VersionRef) (int, int) {
	if len(vs) != 2 || vs[0].InLink || vs[1].InLink || vs[0].Chart != nil || vs[1].Chart != nil || vs[1].Version.Compare(vs[0].Version) >= 0 {
		return -1, -1
	}
	to, from := vs[0], vs[1]
	if from.Version.Matches(to.Version) || to.Version.Matches(from.Version) {
		// "naar 18.2.8 (laatste patch van de tussenstop 18.2)": one
		// version named twice.
		return -1, -1
	}
	if strings.Contains(l.Text[to.Span.End:from.Span.Start], ". ") || !termBefore(l, from.Span.Start, TermFrom, 2) || stopNounBefore(l, from.Span.Start) ||
		!termBefore(l, to.Span.Start, TermTo, 2) && !termBefore(l, to.Span.Start, TermGoVerb, 2) {
		// ("van 17.11.7 naar 18.5.7, via de verplichte tussenstop
		// 18.2.8": "de" is an article, and the stop lies on the way.)
		return -1, -1
	}
	return 1, 0
}

// stopNounBefore reports whether the word right before off names a stop
// of the path: "tussenstop 18.2.8", "parada obligatoria 17.11.7".
func stopNounBefore(l *Line, off int) bool {
	ti := tokenAt(l, off)
	for j := ti - 1; j >= 0 && j >= ti-2; j-- {
		w := l.Tokens[j].Word
		if strings.HasSuffix(w, "stop") || strings.HasSuffix(w, "stopp") || strings.HasSuffix(w, "halte") {
			return true
		}
		switch w {
		case "parada", "arrêt", "palier", "tappa", "fermata", "paragem", "stops", "stopps":
			return true
		case "obligatoria", "obligatorio", "obligatoire", "obbligatoria", "obrigatória", "obrigatoria", "required", "mandatory", "verplichte", "verplicht", "pflicht":
			continue
		}
		return false
	}
	return false
}

// upgradePair finds the two versions of a sentence that upgrades the
// first to the second without "from": "GitLab 17.3.7 will be upgraded
// to 18.5.7", "Version: 17.3.7 (upgrading to 18.5.7)".
func upgradePair(l *Line, vs []VersionRef) (int, int) {
	bi := 1
	to := func(v VersionRef) bool { return termBefore(l, v.Span.Start, TermTo, 2) }
	if len(vs) == 3 && restates(l, vs[1], vs[2]) {
		// "upgraded to the latest 18.5 patch, 18.5.7": the second names
		// the third's minor, and "to" stands before it.
		bi = 2
		to = func(VersionRef) bool { return termBefore(l, vs[1].Span.Start, TermTo, 3) }
	} else if len(vs) != 2 {
		return -1, -1
	}
	a, b := vs[0], vs[bi]
	if a.InLink || b.InLink || a.Chart != nil || b.Chart != nil || a.Version.Compare(b.Version) >= 0 {
		return -1, -1
	}
	goes := termBefore(l, b.Span.Start, TermGoVerb, 2)
	if termBefore(l, a.Span.Start, TermTo, 2) || !goes && !to(b) || strings.Contains(l.Text[a.Span.End:b.Span.Start], ". ") {
		return -1, -1
	}
	if goes {
		// A verb of going right before the second version: "wij willen naar
		// 18.5.7", "queremos pasar a 18.5.7", "passer en 18.5.7".
		return 0, bi
	}
	for _, m := range l.FindAll(TermUpgradeVerb) {
		if m.Start >= a.Span.End && m.End <= b.Span.Start {
			return 0, bi
		}
	}
	start, _ := SentenceAt(l.Text, a.Span.Start, a.Span.End)
	for _, v := range l.Versions {
		if v.Start >= start && v.Start < a.Span.Start {
			// ("von 18.2.8 über den Pflicht-Zwischenstopp 18.5.7 auf
			// 18.8.11": a is not where the sentence starts the upgrade.)
			return -1, -1
		}
	}
	for _, m := range l.Matches {
		if (m.Term == TermUpgradeVerb || m.Term == TermProcedure) && m.End <= a.Span.Start && m.Start >= start && tokenAt(l, m.Start)-tokenAt(l, start) <= 1 {
			// "Upgrade of the GitLab EE 18.2.8 instance to version
			// 18.8.11", "Aggiornamento dell'istanza GitLab EE 18.2.8 alla
			// versione 18.8.11": the sentence opens with the upgrade.
			return 0, bi
		}
	}
	return -1, -1
}

// parenRole returns TermCurrent or TermTarget when a short remark in
// brackets right after v says which version it is: "17.3.7 (current)",
// "18.5.7 (target version)", "18.5.7 (Ziel)"; otherwise 0.
func parenRole(l *Line, v VersionRef) Term {
	rest := l.Text[v.Span.End:]
	open := strings.IndexByte(rest, '(')
	if open < 0 || strings.TrimLeft(rest[:open], " *_`") != "" {
		return 0
	}
	end := strings.IndexByte(rest[open:], ')')
	if end < 0 {
		return 0
	}
	lo, hi := v.Span.End+open+1, v.Span.End+open+end
	role := Term(0)
	n := 0
	for _, t := range l.Tokens {
		if t.Start >= lo && t.End <= hi {
			n++
		}
	}
	for _, m := range l.Matches {
		if m.Start < lo || m.End > hi {
			continue
		}
		switch m.Term {
		case TermCurrent, TermTarget:
			if role != 0 && role != m.Term {
				return 0
			}
			role = m.Term
		}
	}
	if n > 3 {
		// ("18.5.7 (the target of the last upgrade, in 2025)")
		return 0
	}
	return role
}

// restates reports whether w repeats v's minor with its patch a few
// words later in the same clause: "the latest 18.5 patch, 18.5.7",
// "18.5 (18.5.7)".
func restates(l *Line, v, w VersionRef) bool {
	if v.Version.HasPatch || !w.Version.HasPatch || v.Version.CompareMinor(w.Version) != 0 || v.Chart != nil || w.Chart != nil {
		return false
	}
	a, b := tokenAt(l, v.Span.Start), tokenAt(l, w.Span.Start)
	return b-a <= 4 && !strings.Contains(l.Text[v.Span.End:w.Span.Start], ". ")
}

// termAfter reports whether a match of t starts within n tokens after
// the token at off, in the same clause: "auf 18.5.7 aktualisieren".
func termAfter(l *Line, off int, t Term, n int) bool {
	if !l.Has(t) {
		return false
	}
	ti := tokenAt(l, off)
	for _, m := range l.Matches {
		if m.Term == t && m.Tok > ti && m.Tok <= ti+n && !breakBetween(l, ti, m.Tok) {
			return true
		}
	}
	return false
}

// fromBeforeEdition reports whether "from" stands before the product's
// name that precedes v: "from GitLab Enterprise Edition 18.8.11".
func fromBeforeEdition(l *Line, v VersionRef) bool {
	ti := tokenAt(l, v.Span.Start)
	j := ti - 1
	for j >= 0 && ti-j <= 6 {
		switch l.Tokens[j].Word {
		case "gitlab", "enterprise", "community", "edition", "ee", "ce",
			// "dalla versione GitLab Enterprise Edition 17.11.7"
			"version", "versione", "versión", "versão", "versie":
			j--
			continue
		}
		break
	}
	if j < 0 || j == ti-1 {
		return false
	}
	for _, m := range l.FindAll(TermFrom) {
		if m.Tok+m.NTok-1 == j {
			return true
		}
	}
	return false
}

// arrowChain returns the versions joined by arrows ("→", "->", "=>", "»")
// when the line holds such a chain.
func arrowChain(l *Line, vs []VersionRef) []VersionRef {
	if len(vs) < 2 {
		return nil
	}
	// "18.9.8 → 18.11.10 (≥ 18.11.9 for the Mattermost check) → 19.2.4":
	// a bound inside a note is not on the path.
	var onPath []VersionRef
	for _, v := range vs {
		if !boundVersion(l, v) && !noteVersion(l, v) {
			onPath = append(onPath, v)
		}
	}
	vs = onPath
	if len(vs) < 2 {
		return nil
	}
	var chain []VersionRef
	for i := 0; i+1 < len(vs); i++ {
		between := l.Text[vs[i].Span.End:vs[i+1].Span.Start]
		if (vs[i].Chart != nil) != (vs[i+1].Chart != nil) && vs[i].Version.Compare(vs[i+1].Version) == 0 {
			// "le mapping du chart donne 9.4.6 → 18.4.6": a chart and
			// the GitLab release it deploys, not a step.
			continue
		}
		if isArrow(between) {
			if len(chain) == 0 || chain[len(chain)-1].Span != vs[i].Span {
				if len(chain) > 0 && chain[len(chain)-1].Version.Compare(vs[i].Version) == 0 {
					// "18.9.8 → 18.10.8, then 18.10.8 → 18.11.11": the
					// path goes on.
					chain = append(chain, vs[i+1])
					continue
				}
				if len(chain) > 0 {
					// A second, separate chain: keep the longer.
					if len(chain) >= 3 {
						return chain
					}
					chain = chain[:0]
				}
				chain = append(chain, vs[i])
			}
			chain = append(chain, vs[i+1])
		}
	}
	return chain
}

// stopTaken reports whether another line of the plan says it stops at v:
// "so we do stop at 16.1.8". A "stop" sentence that rejects the stop ("we
// do not stop at 17.1") does not count.
func (r *planReader) stopTaken(at *Line, v VersionRef) bool {
	for _, l := range r.doc.Lines {
		if l == at || l.Kind == KindCode || l.In(TermRollback) || !l.Has(TermStopWord) || l.Has(TermNeg) || l.ContainsAny(stopRejections...) || hasAnyToken(l, "if", "unless", "falls", "wenn", "si", "sauf") {
			// ("we stop at 17.1.8 only if the query returns rows" leaves
			// the question open.)
			continue
		}
		for _, m := range l.Versions {
			if m.Version.Compare(v.Version) != 0 {
				continue
			}
			ti := tokenAt(l, m.Start)
			for j := ti - 1; j >= 0 && j >= ti-3; j-- {
				if w := l.Tokens[j].Word; w == "stop" || w == "halt" || w == "parada" || w == "paramos" || w == "arrêt" || w == "stopp" || w == "anhalten" {
					return true
				}
			}
		}
	}
	return false
}

// markedConditional reports whether the note right after a version in a
// chain marks it as a conditional stop: "(17.1.8, conditional)".
func markedConditional(l *Line, v VersionRef) bool {
	rest := strings.TrimLeft(l.Lower[v.Span.End:], " *_`")
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "(") {
		// Only the note attached to the version counts.
		return false
	}
	end := ")"
	if rest[0] == ',' {
		end = "→>;"
	}
	if i := strings.IndexAny(rest, end); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, ". "); i >= 0 {
		rest = rest[:i]
	}
	if containsAny(rest, stopRejections) || strings.Contains(rest, "skip") {
		return true
	}
	for _, w := range []string{"applies", "apply to us", "needed", "required", "we need", "trifft zu", "nötig", "necesari", "nécessaire"} {
		if strings.Contains(rest, w) {
			// "(conditional stop: 2.1 million rows, so it applies to us)"
			return false
		}
	}
	for _, w := range []string{"conditional", "bedingt", "condicional", "conditionnel", "optional", "if needed"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

func isArrow(s string) bool {
	// Notes between the versions do not break the chain:
	// "18.6.3 → 18.8.11 (required stop) → 18.11.11".
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		switch {
		case j >= 0 && (i < 0 || j < i):
			// The end of a note that holds the version: "(17.1.8,
			// conditional) → 17.3.7".
			s = s[j+1:]
			continue
		case i >= 0 && j < 0:
			// "16.11.10 → (17.1.8, conditional)"
			s = s[:i]
			continue
		case i < 0:
		default:
			s = s[:i] + s[j+1:]
			continue
		}
		break
	}
	t := strings.TrimSpace(s)
	t = strings.Trim(t, "*_`()[] ")
	if arrowWord(t) {
		return true
	}
	// A step of its own between two arrows: "16.11.10 → [PG 14] →
	// 17.3.7", "→ PostgreSQL upgrade →".
	for _, a := range arrows {
		if rest, ok := strings.CutPrefix(t, a); ok && len(rest) < 40 {
			for _, b := range arrows {
				if strings.HasSuffix(rest, b) {
					return true
				}
			}
		}
	}
	return false
}

var arrows = []string{"→", "->", "=>", "⇒", "➜", "➔", "»", "⟶", "►", "▶", "➡"}

func arrowWord(t string) bool {
	switch t {
	case "→", "->", "-->", "=>", "⇒", "➜", "➔", "»", ">", "⟶", "—>", "–>", "→→", "►", "▶", "➡", "─►", "──►", "──>", "─>", "--->", "==>":
		return true
	}
	return false
}

// readFacts reads non-version facts from one line.
func (r *planReader) readFacts(l *Line) {
	p := r.plan
	if r.method == nil {
		r.method = map[string]int{}
		r.methodAt = map[string]*Line{}
		r.edition = map[string]int{}
		r.edLine = map[string]*Line{}
		r.proseEd = map[string]int{}
		r.proseLine = map[string]*Line{}
		r.topo = map[string]*Fact{}
	}
	if l.In(TermRisk) || l.In(TermChangelog) || l.In(TermOutOfScope) {
		// Notes are not facts, but a rehearsal among them ("- **Ensayo
		// en preproducción:** el 2026-12-19 ...") is.
		if l.In(TermRisk) && l.Kind != KindCode {
			r.readStaging(l)
		}
		return
	}
	labelled := l.Label.Len() > 0 && l.Kind != KindCode
	val := ""
	if labelled {
		val = lowerSameLen(l.ValueText())
	}
	// Install method.
	if p.InstallMethod == nil || p.InstallMethod.From > FromLabel {
		if labelled && l.LabelIs(TermInstall) {
			if m := methodIn(l, l.Value); m != "" {
				p.InstallMethod = &Fact{Value: m, Line: l, Span: l.Value, From: FromLabel}
			}
		}
	}
	if !l.In(TermRollback) {
		r.methodEvidence(l)
	}
	// Edition.
	if labelled && l.LabelIs(TermEdition) && (p.Edition == nil || p.Edition.From > FromLabel) {
		if e := editionOf(val); e != "" {
			p.Edition = &Fact{Value: e, Line: l, Span: l.Value, From: FromLabel}
		}
	}
	if !l.In(TermRollback) {
		for _, v := range r.versionsOf(l) {
			if v.Edition != "" && v.Pinned {
				r.edition[v.Edition] += 2
				if r.edLine[v.Edition] == nil {
					r.edLine[v.Edition] = l
				}
			}
		}
		if l.Kind != KindCode && (l.Has(TermEE) || l.Has(TermCE)) && !isEditionChange(l) {
			for _, e := range []struct {
				t  Term
				ed string
			}{{TermEE, "ee"}, {TermCE, "ce"}} {
				if m, ok := l.Find(e.t); ok && gitlabNear(l, m) && !l.InCode(m.Start) {
					r.proseEd[e.ed]++
					if r.proseLine[e.ed] == nil {
						r.proseLine[e.ed] = l
					}
				}
				if m, ok := l.Find(e.t); ok && gitlabNear(l, m) {
					r.edition[e.ed]++
					if r.edLine[e.ed] == nil {
						r.edLine[e.ed] = l
					}
				}
			}
		}
	}
	// Operating system.
	if p.OS == nil || p.OS.From > FromLabel || p.OSNoVersion || osReleaseOutput(l) {
		r.readOS(l, labelled)
	}
	if p.OSUpgrade == nil {
		p.OSUpgrade = osUpgrade(l)
	}
	// Topology and components.
	r.readTopology(l, labelled)
	r.readStaging(l)
}

// readStaging records whether the line says the upgrade was rehearsed.
func (r *planReader) readStaging(l *Line) {
	p := r.plan
	if TemplateHint(l) {
		// "_Describe how the change was tested before production._"
		// asks; it rehearses nothing.
		return
	}
	if p.StagingTested == nil && l.Kind == KindHeading && l.Section.Heading == l && l.Has(TermStaging) && unanswered(l) {
		// "## Test plan" answered "Test evidence: N/A", or left to the
		// template's guidance: nothing was rehearsed.
		at := l.Section.Answer()
		if at == nil {
			at = l
		}
		p.StagingTested = &Fact{Value: "false", Line: at, From: FromProse}
		return
	}
	// A label that names the rehearsal and its restore ("Generalprobe
	// auf der Testumgebung (Restore der Produktion vom 16.11.2026): ...")
	// does not make the line part of the rollback.
	rollback := l.In(TermRollback) && !l.LabelIs(TermStaging)
	if p.StagingTested == nil && l.LabelIs(TermStaging) && (l.Label.Len() == 0 || answerLabel(l)) && l.Kind != KindCode && len(l.Tokens) > 0 {
		// The answer to "Have you tested this on a staging system?":
		// "Yes, on git-test01, built from ...", or "No, ...".
		f := &Fact{Value: "true", Line: l, From: FromProse}
		first := 0
		for first < len(l.Tokens) && l.Label.Len() > 0 && l.Tokens[first].Start < l.Value.Start {
			// ("A: We do not run a staging GitLab": the answer's words.)
			first++
		}
		for _, m := range l.FindAll(TermNeg) {
			if m.Tok-first <= 2 {
				f.Value = "false"
			}
		}
		p.StagingTested = f
		return
	}
	if m, ok := l.Find(TermStaging); ok {
		if _, end := SentenceAt(l.Text, m.Start, m.End); strings.HasSuffix(strings.TrimSpace(l.Text[:end]), "?") || QuestionAt(l.Text, m.End) && containsAny(l.LowerLabel(), []string{"support", "soporte", "suporte"}) {
			// ("**Vraag aan Support:** is het verstandig om toch een
			// tijdelijke test-VM op te zetten ...?" asks whether to test.)
			// "Has the upgrade been tested on a staging instance?" asks.
			return
		}
	}
	if p.StagingTested == nil && l.Kind != KindCode && !rollback && !l.In(TermBackup) && rehearsalOnCopy(l) {
		// "git-test, restored from the production backup of 2026-12-01,
		// was upgraded to 19.6.1 on 2026-12-03".
		p.StagingTested = &Fact{Value: "true", Line: l, From: FromProse}
		return
	}
	fmYes := p.StagingTested != nil && p.StagingTested.From == FromFrontMatter && p.StagingTested.Value == "true"
	if fmYes && !r.stagingAffirmed && l.Kind != KindCode && !rollback && !l.In(TermBackup) && rehearsalOnCopy(l) {
		r.stagingAffirmed = true
	}
	if p.StagingTested == nil || p.StagingTested.From > FromLabel || fmYes {
		if m, ok := l.Find(TermStaging); ok && !rollback && l.Kind != KindHeading && !inPathCode(l, m.Start) && !restoreTestOnly(l, m) {
			// ("| Rehearsal on staging | Davide | ⚠ blocked |" is not done.)
			neg := (negatedAround(l, m) || negatedLater(l, m, 10) || negatedBefore(l, m, 7)) && !l.ContainsAny(notOccurred...) || l.StatusDropped()
			if !neg && l.LabelIs(TermStaging) && m.End <= l.Label.End {
				// "Staging: we have no staging instance", "Staging: none".
				for _, o := range l.FindAll(TermStaging) {
					if o.Start >= l.Value.Start && (negatedBefore(l, o, 3) || negatedAround(l, o)) {
						neg = true
					}
				}
				switch strings.Trim(l.LowerValue(), " .") {
				case "none", "no", "n/a", "nein", "keine", "keins", "ninguno", "ninguna", "aucun", "aucune", "non", "not done", "nicht vorhanden":
					neg = true
				}
			}
			f := &Fact{Value: "true", Line: l, Span: Span{m.Start, m.End}, From: FromProse}
			if neg {
				f.Value = "false"
			}
			switch {
			case p.StagingTested == nil:
				p.StagingTested = f
			case fmYes && neg:
				if r.stagingDenied == nil {
					r.stagingDenied = f
				}
			case fmYes:
				r.stagingAffirmed = true
			case p.StagingTested.From == FromProse && p.StagingTested.Value == "false" && !neg:
				// A later positive statement ("rehearsed on a restored copy")
				// outweighs an earlier "no staging environment".
				p.StagingTested = f
			}
		}
	}
}

// notOccurred say a problem did not show up: "Op de testomgeving niet
// opgetreden" negates the problem, not the test environment.
var notOccurred = []string{"niet opgetreden", "niet voorgekomen", "did not occur", "didn't occur", "did not happen", "didn't happen", "not seen", "not observed", "not reproduced",
	"nicht aufgetreten", "nicht beobachtet", "no ocurrió", "no se produjo", "no apareció", "no se observó", "n'est pas apparu", "ne s'est pas produit", "pas observé", "pas reproduit",
	"non si è verificato", "non si è presentato", "non osservato", "não ocorreu", "não apareceu", "não se reproduziu"}

// restoreTestOnly reports whether a line is about a test of the backup's
// restore, named before the test machine (match m), and names no upgrade:
// "Test del backup: ripristino su VM di prova" proves the backup, not the
// upgrade.
// ("Dry run on the test VM ...; the restore test took 50 min" rehearsed
// both.)
func restoreTestOnly(l *Line, m Match) bool {
	if l.Has(TermUpgradeVerb) || len(l.Versions) > 0 {
		return false
	}
	for _, p := range restoreTestPhrases {
		if i := l.IndexOf(p); i >= 0 && i < m.Start {
			return true
		}
	}
	return false
}

// restoreTestPhrases name a test of the backup's restore.
var restoreTestPhrases = []string{"backup test", "restore test", "test restore", "test the restore", "test of the restore", "restore-test", "wiederherstellungstest", "rücksicherungstest", "test der sicherung",
	"prueba de restauración", "prueba del backup", "prueba de la copia", "test de restauration", "test de la sauvegarde", "test del backup", "test di ripristino", "prova di ripristino", "prova del backup",
	"teste de restauração", "teste do backup", "hersteltest", "restoretest", "test van de back-up", "test van de backup"}

// inPathCode reports whether offset off lies in an inline code span that
// holds a path: "clone and push to `sandbox/upgrade-check`" names a
// project, not a staging instance.
func inPathCode(l *Line, off int) bool {
	for _, c := range l.Code {
		if off >= c.Start && off < c.End {
			return strings.Contains(l.Text[c.Start:c.End], "/")
		}
	}
	return false
}

// versionsOf returns the GitLab versions of a line from the plan's
// mention list.
func (r *planReader) versionsOf(l *Line) []VersionRef {
	var out []VersionRef
	for i := len(r.plan.Mentions) - 1; i >= 0; i-- {
		v := r.plan.Mentions[i]
		if v.Line != l {
			if v.Line.Index < l.Index {
				break
			}
			continue
		}
		out = append(out, v)
	}
	return out
}

// editionVerbs announce a change of edition when followed by "to EE":
// "switch the instance to Enterprise Edition".
var editionVerbs = map[string]bool{"switch": true, "convert": true, "migrate": true, "move": true, "change": true, "upgrade": true,
	"wechseln": true, "umstellen": true, "umsteigen": true, "cambiar": true, "migrar": true, "pasar": true, "passer": true, "convertir": true, "migrer": true}

// isEditionChange reports whether a line asks for a change of edition.
func isEditionChange(l *Line) bool {
	_, change := l.EditionChange()
	return change
}

// EditionChange finds a change of edition the line asks for ("CE to EE",
// "from GitLab CE to GitLab EE", "switch the instance to Enterprise
// Edition") and returns where it is written.
func (l *Line) EditionChange() (Span, bool) {
	if m, ok := l.Find(TermEditionChange); ok && !negatedAround(l, m) {
		return Span{m.Start, m.End}, true
	}
	// "replace the gitlab-ce package by gitlab-ee", "dnf swap gitlab-ce
	// gitlab-ee-18.2.8-ee.0.el8".
	if l.Contains("gitlab-ce") && l.HasWord("replace", "replaces", "replaced", "swap", "swaps", "ersetzen", "reemplazar", "remplacer") {
		if ce, ee := l.IndexOf("gitlab-ce"), l.IndexOf("gitlab-ee"); ce >= 0 && ee > ce {
			if m, ok := l.Find(TermNeg); !ok || m.Start > ee {
				return Span{ce, ee + len("gitlab-ee")}, true
			}
		}
	}
	ees := l.FindAll(TermEE)
	for _, ee := range ees {
		// "from GitLab CE to GitLab EE"
		for _, ce := range l.FindAll(TermCE) {
			if ee.Tok <= ce.Tok || ee.Tok-ce.Tok > 4 || negatedAround(l, ce) || strings.ContainsAny(l.Lower[ce.End:ee.Start], ",;(") {
				// ("this is CE, Maintenance Mode (a Premium feature) is not
				// available": no move between them.)
				continue
			}
			to := strings.ContainsAny(l.Lower[ce.End:ee.Start], "→>")
			for _, t := range l.FindAll(TermTo) {
				if t.Tok > ce.Tok && t.Tok < ee.Tok {
					to = true
				}
			}
			if !to && l.HasWord("replace", "swap", "trocar", "substituir", "reemplazar", "sustituir", "remplacer", "ersetzen", "vervangen", "sostituire") {
				// "trocar a imagem Community Edition pela Enterprise
				// Edition", "replace CE with EE".
				for j := ce.Tok + ce.NTok; j < ee.Tok; j++ {
					switch l.Tokens[j].Word {
					case "by", "with", "pela", "pelo", "por", "par", "durch", "door", "con", "met", "mit", "per":
						to = true
					}
				}
			}
			if to {
				return Span{ce.Start, ee.End}, true
			}
		}
		// "switch the instance to Enterprise Edition"
		if ee.Tok < 2 || !termBefore(l, ee.Start, TermTo, 2) {
			continue
		}
		for j := ee.Tok - 1; j >= 0 && j >= ee.Tok-6; j-- {
			if editionVerbs[l.Tokens[j].Word] && !clauseBreak(l, j+1, ee.Tok) {
				m := Match{Tok: j, NTok: 1}
				if negatedAround(l, m) {
					break
				}
				if l.Tokens[j].Word == "upgrade" && ee.Tok+ee.NTok < len(l.Tokens) && isDigitWord(l.Tokens[ee.Tok+ee.NTok].Word) && !l.Has(TermCE) {
					// "upgrade to GitLab EE 18.2.8": a release of the
					// edition it runs.
					break
				}
				if !l.Has(TermCE) && ees[0].Tok < j {
					// "runs GitLab Enterprise Edition 18.11.11 ... We want
					// to move to GitLab EE 19.2.4": EE already.
					break
				}
				return Span{l.Tokens[j].Start, ee.End}, true
			}
		}
	}
	return Span{}, false
}

// gitlabNear reports whether "GitLab" is within two words of a match, so
// "Enterprise Edition" alone in unrelated prose is not read as an edition.
func gitlabNear(l *Line, m Match) bool {
	// Look two words either side, not counting the numbers of a version
	// ("GitLab 17.3.7 Enterprise Edition").
	for j := m.Tok; j < m.Tok+m.NTok && j < len(l.Tokens); j++ {
		if l.Tokens[j].Word == "gitlab" {
			return true
		}
	}
	seen := 0
	for j := m.Tok - 1; j >= 0 && seen < 2; j-- {
		if l.Tokens[j].Word == "gitlab" {
			return true
		}
		if !isDigitWord(l.Tokens[j].Word) {
			seen++
		}
	}
	for j := m.Tok + m.NTok; j < len(l.Tokens) && j <= m.Tok+m.NTok+1; j++ {
		if l.Tokens[j].Word == "gitlab" {
			return true
		}
	}
	return m.NTok > 1 && (l.In(TermEnvironment) || l.In(TermSummary) || l.In(TermArchitecture))
}

// negatedAround reports whether a negation word precedes the match in the
// same clause ("no staging environment", "nicht getestet", "sin pruebas"),
// or directly follows it ("staging: none").
func negatedAround(l *Line, m Match) bool {
	if before := strings.TrimSuffix(l.Lower[:m.Start], "-"); len(before) < len(l.Lower[:m.Start]) || strings.HasSuffix(before, "non ") {
		// "non-Geo node", "non-HA", "nicht-HA".
		before = strings.TrimSuffix(before, " ")
		for _, p := range []string{"non", "nicht", "no", "sin", "sans"} {
			if strings.HasSuffix(before, p) && (len(before) == len(p) || !isWordChar(before[len(before)-len(p)-1])) {
				return true
			}
		}
	}
	for _, n := range l.Matches {
		if n.Term != TermNeg || Contraction(l, n) {
			continue
		}
		if n.Tok < m.Tok && m.Tok-n.Tok <= 5 && !clauseBreak(l, n.Tok+1, m.Tok+1) {
			return true
		}
		if n.Tok >= m.Tok+m.NTok && n.Tok-(m.Tok+m.NTok) <= 1 && !strings.Contains(l.Text[l.Tokens[m.Tok+m.NTok-1].End:n.Start], ",") {
			// "staging: none", but not "multi-node, no Geo".
			return true
		}
	}
	return false
}

// Contraction reports whether a "no" match is the Portuguese "in the"
// before a noun: "no servidor de homologação", "no ambiente de testes",
// "continua no Redis 6.2". Nouns that English also negates ("no staging",
// "no cluster") count only on a line that reads as Portuguese, or after a
// Portuguese verb of place.
func Contraction(l *Line, n Match) bool {
	if l.Tokens[n.Tok].Word != "no" || n.Tok+1 >= len(l.Tokens) {
		return false
	}
	if n.Tok > 0 {
		switch l.Tokens[n.Tok-1].Word {
		case "continua", "continuam", "fica", "ficam", "roda", "rodam", "rodando", "está", "estão", "permanece", "permanecem", "instalado", "instalada", "mexemos", "mexer":
			return true
		}
	}
	switch l.Tokens[n.Tok+1].Word {
	case "servidor", "ambiente", "nó", "dia", "mesmo", "banco", "sistema", "momento", "início", "fim", "ensaio", "teste", "primeiro", "segundo", "último":
		return true
	case "staging", "host", "backup", "cluster", "final", "vmware", "proxmox", "hyper", "azure", "aws", "nfs", "disco", "datacenter", "par", "site":
		return portugueseAround(l)
	}
	return false
}

// portugueseAround reports whether a line reads as Portuguese.
func portugueseAround(l *Line) bool {
	return l.HasWord("não", "também", "então", "executamos", "fizemos", "após", "antes", "depois", "cópia", "produção", "com", "uma", "às", "serviços", "está", "estão", "são", "nó", "único", "em", "sem", "foi", "executado", "restaurado", "homologação")
}

// negatedBefore reports whether a negation stands at most n words before
// the match, in the same clause.
func negatedBefore(l *Line, m Match, n int) bool {
	for _, neg := range l.Matches {
		if neg.Term == TermNeg && !Contraction(l, neg) && neg.Tok < m.Tok && m.Tok-(neg.Tok+neg.NTok) <= n && !clauseBreak(l, neg.Tok+1, m.Tok+1) {
			return true
		}
	}
	return false
}

// clauseBreak reports whether any token in [a, b) starts a new clause.
func clauseBreak(l *Line, a, b int) bool {
	for i := a; i < b && i < len(l.Tokens); i++ {
		if l.Tokens[i].Break {
			return true
		}
	}
	return false
}

// methodEvidence counts signs of each install method on a line.
func (r *planReader) methodEvidence(l *Line) {
	add := func(m string, w int) {
		r.method[m] += w
		if r.methodAt[m] == nil {
			r.methodAt[m] = l
		}
	}
	for _, v := range r.versionsOf(l) {
		switch {
		case v.Chart != nil:
			add("helm", 3)
		case v.Pinned && strings.Contains(l.Lower[v.Span.Start:v.Span.End], "rpm") || v.Pinned && l.Has(TermPkgInstall):
			add("linux-package", 3)
		case v.Pinned && l.Has(TermDockerPull) || v.Pinned && l.Contains("gitlab/gitlab-"):
			if l.Has(TermMethodHelm) {
				add("helm", 1)
			} else {
				add("docker", 3)
			}
		}
	}
	if l.Has(TermPkgInstall) && l.Contains("gitlab-") {
		add("linux-package", 2)
	}
	if l.Has(TermHelmUpgrade) {
		add("helm", 3)
	}
	for _, m := range l.Matches {
		if m.Term >= TermMethodLinux && m.Term <= TermMethodGET && negatedAround(l, m) {
			continue
		}
		switch m.Term {
		case TermMethodLinux:
			add("linux-package", 1)
		case TermMethodDocker:
			add("docker", 1)
		case TermMethodHelm:
			add("helm", 1)
		case TermMethodOperator:
			add("operator", 2)
			if r.gitlabOperator == nil && m.NTok >= 2 {
				r.gitlabOperator = l
			}
		case TermMethodSource:
			add("source", 2)
		case TermMethodGET:
			add("get", 3)
		}
	}
}

// methodIn classifies an install method named in a span.
func methodIn(l *Line, s Span) string {
	best, score := "", 0
	for _, m := range l.Matches {
		if m.Start < s.Start || m.End > s.End || negatedAround(l, m) {
			continue
		}
		var name string
		w := 1
		switch m.Term {
		case TermMethodLinux:
			name = "linux-package"
		case TermMethodDocker:
			name = "docker"
		case TermMethodHelm:
			name = "helm"
		case TermMethodOperator:
			name, w = "operator", 3
		case TermMethodSource:
			name, w = "source", 3
		case TermMethodGET:
			name, w = "get", 3
		}
		if name != "" && score == 0 {
			best, score = name, w
		}
	}
	if best == "" {
		best = normalizeMethod(l.Lower[s.Start:s.End])
	}
	return best
}

func normalizeMethod(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.Contains(s, "operator"):
		return "operator"
	case strings.Contains(s, "helm") || strings.Contains(s, "chart") || strings.Contains(s, "kubernetes") || strings.Contains(s, "cloud native"):
		return "helm"
	case strings.Contains(s, "docker") || strings.Contains(s, "compose") || strings.Contains(s, "container"):
		return "docker"
	case strings.Contains(s, "toolkit") || s == "get":
		return "get"
	case strings.Contains(s, "source") || strings.Contains(s, "compiled"):
		return "source"
	case strings.Contains(s, "omnibus") || strings.Contains(s, "linux") || strings.Contains(s, "package") || strings.Contains(s, "deb") || strings.Contains(s, "rpm") || strings.Contains(s, "apt") || strings.Contains(s, "yum"):
		return "linux-package"
	}
	return ""
}

func editionOf(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ee" || strings.Contains(s, "enterprise") || strings.Contains(s, "gitlab-ee") || strings.Contains(s, "premium") || strings.Contains(s, "ultimate") || strings.HasPrefix(s, "ee "):
		return "ee"
	case s == "ce" || strings.Contains(s, "community") || strings.Contains(s, "gitlab-ce") || strings.HasPrefix(s, "ce "):
		return "ce"
	}
	return ""
}

func normalizeTopology(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	has := func(match func(w string) bool) bool {
		for _, w := range words {
			if match(w) {
				return true
			}
		}
		return false
	}
	switch {
	case has(func(w string) bool { return w == "geo" }):
		return "geo"
	case has(func(w string) bool {
		return strings.HasPrefix(w, "multi") || w == "ha" || w == "cluster" || w == "reference"
	}):
		return "multi-node"
	case has(func(w string) bool { return w == "single" || w == "one" || w == "standalone" }):
		return "single-node"
	}
	return ""
}

// readTopology records topology statements and component names.
func (r *planReader) readTopology(l *Line, labelled bool) {
	p := r.plan
	if l.In(TermRollback) || strings.HasSuffix(strings.TrimSpace(l.Text), "?") || unanswered(l) || TemplateHint(l) {
		// ("Q3. Single-node or multi-node?" asks.)
		return
	}
	if labelled && l.LabelIs(TermArchitecture) {
		if t := topologyIn(l, l.Value); t != "" && (p.Topology == nil || p.Topology.From > FromLabel) {
			p.Topology = &Fact{Value: t, Line: l, Span: l.Value, From: FromLabel}
		}
	}
	for _, m := range l.Matches {
		var t string
		switch m.Term {
		case TermGeo:
			t = "geo"
		case TermMultiNode:
			t = "multi-node"
		case TermSingleNode:
			t = "single-node"
		case TermComponent:
			if l.Kind == KindCode && (!l.In(TermEnvironment) && !l.In(TermArchitecture) || l.Contains("(including nginx, postgres, redis)")) || l.Kind == KindHeading {
				// Headings name steps ("### PostgreSQL 17"), not nodes.
				// The package's own description in "dpkg -l" output names
				// what it bundles, not what runs where.
				continue
			}
			name := componentName(l.Lower[m.Start:m.End])
			if _, ok := p.Components[name]; !ok {
				p.Components[name] = l
			}
			continue
		default:
			continue
		}
		if l.Kind == KindCode || negatedAround(l, m) || valueNegates(l, m) || labelNegates(l, m.Start) || l.NotUsedAt(m.Start) || QuestionAt(l.Text, m.End) || UncheckedBox(l.Text, m.Start) {
			// ("¿Nodo único o varios nodos?" asks; the answer follows.)
			continue
		}
		// "cluster" and "nodes" alone say little outside an architecture
		// description ("Kubernetes cluster", "Gitaly Cluster").
		w := l.Lower[m.Start:m.End]
		if t == "multi-node" && (w == "cluster" || w == "nodes" || w == "ha") && !l.In(TermArchitecture) && !l.In(TermEnvironment) && !l.LabelIs(TermArchitecture) {
			continue
		}
		if t == "single-node" && (w == "standalone" || w == "stand-alone") && componentBefore(l, m.Tok, 3) {
			// "bundled Redis 7 (standalone)": the component is not
			// clustered; the instance may still have several nodes.
			continue
		}
		if t == "multi-node" && w == "cluster" && otherClusterBefore(l, m.Tok) {
			// "the on-prem MinIO cluster", "our Kubernetes cluster": not
			// GitLab's own nodes.
			continue
		}
		if t == "geo" && (addsGeo(l, m, r.today.Year()) || l.HasWord("future", "roadmap", "zukünftig", "künftig", "futuro", "futura", "futur", "toekomstig", "toekomst") || l.SeparateChange()) {
			// ("Future, separate project: a Geo secondary site ... is on
			// the 2027 roadmap" names no site the instance has.)
			// "We will also add a Geo secondary site": the instance does
			// not run Geo yet (out-of-scope-request says the rest).
			continue
		}
		if t == "geo" && !l.In(TermArchitecture) && !l.In(TermEnvironment) && !l.In(TermSummary) && l.Section.Heading != nil && !l.LabelIs(TermArchitecture) {
			// Geo named in a step of a plan that has an environment section
			// still tells the topology; keep the weakest evidence.
			if r.topo[t] == nil {
				r.topo[t] = &Fact{Value: t, Line: l, Span: Span{m.Start, m.End}, From: FromInferred}
			}
			continue
		}
		if r.topo[t] == nil || r.topo[t].From > FromProse {
			r.topo[t] = &Fact{Value: t, Line: l, Span: Span{m.Start, m.End}, From: FromProse}
		}
		if t == "geo" && r.geoSites == nil && (l.In(TermEnvironment) || l.In(TermArchitecture) || l.LabelIs(TermArchitecture)) && namesGeoSite(l) && !l.Has(TermNeg) && !addsSomething(l) && !instruction(l) {
			r.geoSites = &Fact{Value: t, Line: l, Span: Span{m.Start, m.End}, From: FromProse}
		}
	}
}

// unanswered reports whether a line is the heading of a template section
// the plan answers with "not applicable" or leaves to its guidance:
// "### 3.1 Geo" over "Sans objet : pas de site secondaire" names no Geo
// site.
func unanswered(l *Line) bool {
	return l.Kind == KindHeading && l.Section.Heading == l && (l.Section.NotApplicable() || !l.Section.Empty() && l.Section.Unfilled())
}

// componentBefore reports whether a component (Redis, PostgreSQL, ...)
// is named in the n tokens before token i.
func componentBefore(l *Line, i, n int) bool {
	for _, m := range l.Matches {
		if m.Term == TermComponent && m.Tok < i && i-(m.Tok+m.NTok) < n {
			return true
		}
	}
	return false
}

// namesGeoSite reports whether a line names a secondary Geo site.
func namesGeoSite(l *Line) bool {
	for _, t := range l.Tokens {
		switch {
		case strings.HasPrefix(t.Word, "secondar"), strings.HasPrefix(t.Word, "sekundär"), strings.HasPrefix(t.Word, "secundari"), strings.HasPrefix(t.Word, "secundári"), strings.HasPrefix(t.Word, "secondari"), strings.HasPrefix(t.Word, "secondaire"):
			return true
		}
	}
	return false
}

// valueNegates reports whether a match in a label is answered with a
// negation: "| Geo / HA / Mattermost | non usati |", "Geo, HA: none".
func valueNegates(l *Line, m Match) bool {
	if l.Label.Len() == 0 || m.Start < l.Label.Start || m.End > l.Label.End {
		return false
	}
	for _, n := range l.Matches {
		if n.Term == TermNeg && n.Start >= l.Value.Start && n.Tok-tokenAt(l, l.Value.Start) <= 1 {
			return true
		}
	}
	return false
}

// instruction reports whether a list item starts with a verb that
// installs or upgrades: "1. Instalar gitlab-ee=19.2.4-ee.0 em ...".
func instruction(l *Line) bool {
	if !l.Item || len(l.Tokens) == 0 {
		return false
	}
	if m, ok := l.Find(TermUpgradeVerb); ok && m.Tok == 0 {
		return true
	}
	// "- [ ] Cambiar la imagen a gitlab/gitlab-ce:19.2.4-ce.0": a step
	// that changes what runs.
	switch l.Tokens[0].Word {
	case "change", "replace", "bump", "ändern", "setzen", "austauschen", "cambiar", "cambia", "changer", "modifier", "remplacer", "cambiare", "sostituire", "wijzig", "wijzigen", "vervang", "alterar", "mudar", "trocar", "substituir":
		return true
	}
	return false
}

// addsSomething reports whether a line speaks of setting something up
// ("add a Geo secondary", "neue Site aufbauen").
// addsGeo reports whether an add verb governs the Geo match g: "add a
// Geo secondary", "configuriamo anche il nuovo sito secondario Geo".
func addsGeo(l *Line, g Match, year int) bool {
	if pastSetup(l, year) {
		// "We set up Geo in 2023" describes the instance.
		return false
	}
	for _, a := range l.FindAll(TermAddVerb) {
		if a.Tok < g.Tok && g.Tok-a.Tok <= 7 && !negatedBefore(l, a, 3) && !breakBetween(l, a.Tok, g.Tok) {
			return true
		}
	}
	return false
}

// pastSetup reports whether a line tells of something set up before now:
// a year before this one, or "since".
func pastSetup(l *Line, year int) bool {
	for _, t := range l.Tokens {
		switch t.Word {
		case "since", "seit", "desde", "depuis", "sinds":
			return true
		}
		if y, err := strconv.Atoi(t.Word); err == nil && len(t.Word) == 4 && y >= 1990 && y < year {
			return true
		}
	}
	return false
}

func addsSomething(l *Line) bool {
	for _, t := range l.Tokens {
		switch t.Word {
		case "add", "adding", "added", "new", "introduce", "hinzufügen", "neue", "neuen", "aufbauen", "einrichten", "añadir", "nuevo", "nueva", "ajouter", "nouveau", "nouvelle", "planned", "geplant", "future", "later", "später",
			"acrescentar", "adicionar", "novo", "nova", "aggiungere", "nuovo", "nuova", "toevoegen", "nieuwe", "nieuw":
			return true
		}
	}
	return false
}

// platformNodes reports whether a node count belongs to the platform
// under GitLab rather than to GitLab: "the Swarm has three nodes", "a
// five-node Kubernetes cluster".
func platformNodes(l *Line, m Match) bool {
	if w := l.Lower[m.Start:m.End]; w == "cluster" {
		// "the Debian package, cluster 15/main": PostgreSQL's cluster.
		for j := max(0, m.Tok-4); j < m.Tok+m.NTok+3 && j < len(l.Tokens); j++ {
			switch l.Tokens[j].Word {
			case "postgresql", "postgres", "pg", "database", "db", "main", "debian", "pgdg", "redis":
				return true
			}
		}
	}
	for j := max(0, m.Tok-4); j < m.Tok+m.NTok+2 && j < len(l.Tokens); j++ {
		if w := l.Tokens[j].Word; otherCluster[w] || w == "swarm" || w == "hypervisor" || w == "esxi" || w == "hosts" {
			return !clauseBreak(l, min(j, m.Tok)+1, max(j, m.Tok)+1)
		}
	}
	return false
}

// otherCluster names clusters that are not GitLab nodes.
// otherClusterBefore reports whether the words just before "cluster", in
// the same clause, name something other than GitLab: "our Kubernetes
// cluster", "Kubernetes executor on a separate cluster".
func otherClusterBefore(l *Line, i int) bool {
	if i > 0 && otherCluster[l.Tokens[i-1].Word] {
		return true
	}
	// "cluster OpenSearch", "clúster de MinIO": the product follows. (A
	// Kubernetes cluster after the word, "Cluster EKS dédié", may be
	// where GitLab itself runs.)
	for j := i + 1; j < len(l.Tokens) && j <= i+2 && !l.Tokens[j].Break; j++ {
		if w := l.Tokens[j].Word; otherCluster[w] && !kubernetesWord[w] {
			return true
		} else if w != "de" && w != "di" && w != "do" && w != "da" && w != "van" {
			break
		}
	}
	if strings.Contains(l.LowerLabel(), "runner") {
		// "Runners : 22 runners ... sur le cluster ci-k8s".
		return true
	}
	// Further back only the runners' cluster: a Helm install on "EKS 1.31
	// cluster" runs on several nodes.
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		switch l.Tokens[j].Word {
		case "runner", "runners", "executor", "executors":
			return true
		}
		if l.Tokens[j+1].Break {
			break
		}
	}
	return false
}

var otherCluster = map[string]bool{"minio": true, "kubernetes": true, "k8s": true, "eks": true, "aks": true, "gke": true, "openshift": true,
	"elasticsearch": true, "opensearch": true, "ceph": true, "storage": true, "s3": true, "vmware": true, "vsphere": true, "proxmox": true,
	"nas": true, "san": true, "netapp": true, "kafka": true, "vault": true, "runner": true, "runners": true,
	"k3s": true, "rke": true, "rke2": true, "k0s": true, "microk8s": true, "nomad": true, "swarm": true, "galera": true, "rabbitmq": true,
	"hyper": true, "v": true, "hyperv": true, "esxi": true, "nutanix": true, "ovirt": true, "xen": true, "virtualisation": true, "virtualization": true, "virtualisierungs": true}

var kubernetesWord = map[string]bool{"kubernetes": true, "k8s": true, "eks": true, "aks": true, "gke": true, "openshift": true, "k3s": true, "rke": true, "rke2": true, "k0s": true, "microk8s": true}

func topologyIn(l *Line, s Span) string {
	best := ""
	for _, m := range l.Matches {
		if m.Start < s.Start || m.End > s.End || negatedAround(l, m) || UncheckedBox(l.Text, m.Start) {
			continue
		}
		switch m.Term {
		case TermGeo:
			return "geo"
		case TermMultiNode:
			if !platformNodes(l, m) {
				best = "multi-node"
			}
		case TermSingleNode:
			if best == "" {
				best = "single-node"
			}
		}
	}
	if best == "" {
		best = normalizeTopology(l.Lower[s.Start:s.End])
		if best == "geo" {
			// The words were read above: "Kein Geo", "Geo: nein".
			for _, m := range l.Matches {
				if m.Term == TermGeo && m.Start >= s.Start && m.End <= s.End {
					return ""
				}
			}
		}
	}
	return best
}

func componentName(w string) string {
	switch {
	case strings.HasPrefix(w, "postgres"), strings.HasPrefix(w, "database"), strings.HasPrefix(w, "db "):
		return "postgresql"
	case strings.Contains(w, "rails"), strings.Contains(w, "puma"), strings.Contains(w, "webservice"), strings.HasPrefix(w, "web"), strings.HasPrefix(w, "app"):
		return "rails"
	case strings.Contains(w, "gitaly cluster"):
		return "praefect"
	case strings.Contains(w, "load balancer"), w == "haproxy":
		return "load-balancer"
	case w == "minio", w == "s3", strings.HasPrefix(w, "object"):
		return "object-storage"
	case w == "sentinel":
		return "redis"
	case strings.HasPrefix(w, "monitoring"), w == "prometheus":
		return "monitoring"
	}
	return w
}

// resolve turns the collected statements into the plan's facts.
func (r *planReader) resolve() {
	p := r.plan
	p.Current = strongest(p.CurrentClaims)
	p.Target = strongest(p.TargetClaims)
	p.settleCurrent()
	if p.Current != nil {
		// Current-version claims fix what is not a hop: anything at or
		// below the current version.
		var kept []Hop
		for _, h := range p.Installs {
			c := h.Version.Compare(exactOf(p.Current.Version))
			if c > 0 && (h.Version.HasPatch || h.Version.CompareMinor(p.Current.Version) > 0) || c == 0 && !h.Listed && h.Pinned && h.Version.HasPatch && p.Current.Version.HasPatch && installCommand(h.Line) {
				kept = append(kept, h)
			}
		}
		p.Installs = kept
	}
	// What a command installs beats what prose says for the same minor:
	// a heading "Upgrade to 18.5.7" over "apt-get install gitlab-ee=18.5.6-ee.0"
	// installs 18.5.6 (version-mismatch reports the difference).
	p.Stated = append([]Hop(nil), p.Installs...)
	pinned := map[string][]glversion.Version{}
	for _, h := range p.Installs {
		if h.Pinned && h.Version.HasPatch {
			k := h.Version.MinorString()
			pinned[k] = append(pinned[k], h.Version)
		}
	}
	if len(pinned) > 0 {
		kept := p.Installs[:0:0]
		for _, h := range p.Installs {
			if ps, ok := pinned[h.Version.MinorString()]; ok && !h.Pinned && h.Version.HasPatch {
				match := false
				for _, v := range ps {
					// A pin that only gives the minor (a chart newer than
					// planlint's table) agrees with every patch of it.
					if v.Compare(h.Version) == 0 || !v.HasPatch && v.Matches(h.Version) {
						match = true
					}
				}
				if !match {
					continue
				}
			}
			kept = append(kept, h)
		}
		p.Installs = kept
	}
	// Hops: unique versions in ascending order, each at its first mention
	// (a title's or heading's pair, "## Plan ... 17.8.7 → 18.5.7", gives
	// way to the path or step that names the hop later).
	seen := map[string]int{}
	for _, h := range p.Installs {
		key := h.Version.String()
		if i, ok := seen[key]; ok {
			if f := p.Hops[i].Line; f.Kind == KindHeading && (f.Section != nil && f.Section.IsTitle || len(f.Versions) >= 2) && h.Line.Kind != KindHeading {
				p.Hops[i] = h
			}
			continue
		}
		seen[key] = len(p.Hops)
		p.Hops = append(p.Hops, h)
	}
	sort.SliceStable(p.Hops, func(i, j int) bool { return p.Hops[i].Version.Compare(p.Hops[j].Version) < 0 })
	// A minor-only hop ("16.3") next to an exact one of the same minor
	// ("16.3.9") is the same hop.
	var merged []Hop
	for _, h := range p.Hops {
		if n := len(merged); n > 0 && merged[n-1].Version.CompareMinor(h.Version) == 0 && (!merged[n-1].Version.HasPatch || !h.Version.HasPatch) {
			if !merged[n-1].Version.HasPatch {
				first := merged[n-1]
				// The hop stands at its first mention, except that a
				// chart version stands where the chart is written, which
				// is where its GitLab patch comes from.
				if first.Line.Index < h.Line.Index && h.Chart == nil {
					h.Line, h.Span = first.Line, first.Span
				}
				merged[n-1] = h
			}
			continue
		}
		merged = append(merged, h)
	}
	p.Hops = merged
	if p.Target == nil && len(p.Hops) > 0 {
		last := p.Hops[len(p.Hops)-1]
		p.Target = &Claim{VersionRef: last.VersionRef, From: FromInferred}
	}
	// Edition: stated beats evidence.
	if p.Edition != nil {
		p.EditionStated = p.Edition
	} else if ee, ce := r.proseEd["ee"], r.proseEd["ce"]; ee != ce {
		e := "ee"
		if ce > ee {
			e = "ce"
		}
		p.EditionStated = &Fact{Value: e, Line: r.proseLine[e], From: FromProse}
	}
	if p.Edition == nil {
		if ee, ce := r.edition["ee"], r.edition["ce"]; ee > 0 || ce > 0 {
			e := "ee"
			if ce > ee {
				e = "ce"
			}
			p.Edition = &Fact{Value: e, Line: r.edLine[e], From: FromProse}
		}
	}
	if p.InstallMethod == nil {
		best, score := "", 0
		for _, m := range []string{"linux-package", "docker", "helm", "operator", "source", "get"} {
			if r.method[m] > score {
				best, score = m, r.method[m]
			}
		}
		if best == "helm" && r.gitlabOperator != nil {
			// The GitLab Operator deploys the chart: its chart versions
			// and helm commands are the Operator's.
			best = "operator"
			r.methodAt[best] = r.gitlabOperator
		}
		if score >= 2 || score >= 1 && best != "docker" && best != "helm" {
			p.InstallMethod = &Fact{Value: best, Line: r.methodAt[best], From: FromProse}
		}
	}
	if p.Topology == nil {
		for _, t := range []string{"geo", "multi-node", "single-node"} {
			if f := r.topo[t]; f != nil && f.From <= FromProse {
				p.Topology = f
				break
			}
		}
		if p.Topology == nil && r.topo["geo"] != nil {
			p.Topology = r.topo["geo"]
		}
	}
	if p.Topology != nil && p.Topology.Value == "single-node" && p.Topology.From == FromProse && r.topo["geo"] != nil &&
		p.Topology.Line.HasWord("sites", "site", "both", "each", "beide", "beiden", "jede", "ambos", "cada", "chaque", "deux") {
		// "Both sites are single-node installations" in a plan for a
		// "Geo pair": single nodes, but the instance runs Geo.
		p.Topology = r.topo["geo"]
	}
	if p.Topology != nil && (p.Topology.From == FromLabel || p.Topology.From == FromProse && p.Topology.Value == "multi-node") && p.Topology.Value != "geo" && r.geoSites != nil {
		// "Architecture: single node" beside a primary and a secondary
		// Geo site describes each site; the instance runs Geo.
		p.Topology = r.geoSites
	}
	if p.StagingTested != nil && p.StagingTested.Value == "false" && p.StagingTested.From == FromProse {
		// "did not occur on staging" in passing does not outweigh a
		// section about the rehearsal.
		for _, s := range r.doc.Sections {
			if s.Heading != nil && s.Names(TermStaging) && !s.Empty() && !negatedAround(s.Heading, firstMatch(s.Heading, TermStaging)) && p.StagingTested.Line.Section != s {
				// (A section that itself says "we have no staging" stays
				// a no.)
				p.StagingTested = &Fact{Value: "true", Line: s.Heading, From: FromProse}
				break
			}
		}
	}
	if p.StagingTested == nil {
		// A rehearsal section whose text does not repeat the word
		// ("## Rehearsal" — "we copied production and ran all steps").
		for _, s := range r.doc.Sections {
			if s.Heading != nil && s.Names(TermStaging) && !s.Empty() && !negatedAround(s.Heading, firstMatch(s.Heading, TermStaging)) {
				p.StagingTested = &Fact{Value: "true", Line: s.Heading, From: FromProse}
				break
			}
		}
	}
	if p.Topology == nil && len(p.Components) >= 3 {
		// Several components named as separate machines make a multi-node
		// instance even when the plan does not say so; all of them on
		// one line ("Application node gitlab01 runs Puma, Sidekiq,
		// Gitaly, Redis") describe one machine.
		lines := map[*Line]bool{}
		var at *Line
		for _, l := range p.Components {
			if l.Contains("node") || l.Contains("server") || l.Contains("host") || l.Contains("vm") {
				lines[l] = true
				if at == nil || l.Index < at.Index {
					at = l
				}
			}
		}
		k8s := p.InstallMethod != nil && (p.InstallMethod.Value == "helm" || p.InstallMethod.Value == "operator")
		if len(lines) >= 2 || k8s && len(lines) == 1 {
			// (A chart's components run in pods of their own.)
			p.Topology = &Fact{Value: "multi-node", Line: at, From: FromInferred}
		}
	}
}

func firstMatch(l *Line, t Term) Match {
	m, _ := l.Find(t)
	return m
}

func exactOf(v glversion.Version) glversion.Version {
	if v.HasPatch {
		return v
	}
	return glversion.New(v.Major, v.Minor, 0)
}

// settleCurrent replaces the strongest current-version claim when the
// plan shows it is a slip or a leftover: a version stated on one line
// against one stated on two others, or front matter that the path's own
// start and a stated current version contradict. version-mismatch then
// reports the odd claim.
func (p *Plan) settleCurrent() {
	if c := p.Current; c != nil && c.From == FromProse && !c.Installed {
		// "Attualmente siamo sulla 17.5.3" over "rpm -q gitlab-ee" /
		// "gitlab-ee-17.5.5-ee.0.el7.x86_64": the package query shows
		// what runs; version-mismatch reports the prose.
		for _, o := range p.CurrentClaims {
			if o.Installed && o.Version.HasPatch && o.Version.Compare(c.Version) != 0 {
				o := o
				p.Current = &o
				break
			}
		}
	}
	if c := p.Current; c != nil && c.From != FromFrontMatter && len(p.CurrentClaims) >= 3 {
		// A slip in one place: "| Versione attuale | 18.7.5 |" beside
		// "18.5.7 (attuale) ──► 18.8.11" and "ferma alla 18.5.7". The
		// version stated on more lines is the instance's; version-mismatch
		// reports the odd one.
		lines := func(v glversion.Version) int {
			seen := map[*Line]bool{}
			for _, o := range p.CurrentClaims {
				if o.Version.Compare(v) == 0 {
					seen[o.Line] = true
				}
			}
			return len(seen)
		}
		if c.Version.HasPatch && lines(c.Version) == 1 {
			for _, o := range p.CurrentClaims {
				if o.Version.HasPatch && o.From != FromFrontMatter && o.Version.Compare(c.Version) != 0 && lines(o.Version) >= 2 {
					o := o
					p.Current = &o
					break
				}
			}
		}
	}
	if c := p.Current; c != nil && c.From == FromFrontMatter && len(p.Installs) > 0 && p.Installs[0].Listed {
		// Front matter left over from an older plan: "current_version:
		// 17.11.7" over "Running version: 18.5.7" and a path table whose
		// first hop starts at 18.5.7. The version the path starts from
		// settles it; version-mismatch reports the front matter.
		start := p.Installs[0].Version
		for _, o := range p.CurrentClaims {
			if o.From == FromInferred {
				// The first row of a hop table's "From" column.
				start = o.Version
			}
		}
		for _, o := range p.CurrentClaims {
			if o.From != FromFrontMatter && o.Version.HasPatch && o.Version.Compare(start) == 0 && !o.Version.Matches(c.Version) {
				o := o
				p.Current = &o
				break
			}
		}
	}
}

// strongest returns the claim from the strongest source, the first in
// document order among equals.
func strongest(cs []Claim) *Claim {
	var best *Claim
	for i := range cs {
		c := &cs[i]
		if best == nil || c.From < best.From {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	if !best.Version.HasPatch {
		// "GitLab 16.11 → 17.8 upgrade" in the title, "from 16.11.10 to
		// 17.8.7" below: the exact version is the same claim, said
		// precisely.
		for i := range cs {
			if c := &cs[i]; c.Version.HasPatch && c.Version.CompareMinor(best.Version) == 0 {
				best = c
				break
			}
		}
	}
	out := *best
	return &out
}

// Window is the maintenance window as understood.
type Window struct {
	Line *Line
	// Start is the start instant; Zoned tells whether a time zone was
	// given. HasDate and HasTime say which parts were found.
	Start   time.Time
	Zoned   bool
	HasDate bool
	HasTime bool
	// Zone is the zone as written and its IANA name, if known.
	Zone     string
	ZoneIANA string
	Duration time.Duration
	// wall is true while Duration is the difference of a written start and
	// end time on the wall clock; readWindow turns it into elapsed time
	// once the zone is known (a night that changes the clocks is an hour
	// shorter or longer).
	wall bool
	// Placeholder is true when the window's value is an unfilled
	// placeholder.
	Placeholder bool
	// DateSpan, TimeSpan and ZoneSpan locate the parts in Line.Text.
	DateSpan, TimeSpan, ZoneSpan Span
	// DateLine is the line the date was read from when it is not Line
	// ("Window: Saturday 07:00–12:00 ET" with the date in the prose);
	// DateSpan is then in DateLine.Text.
	DateLine *Line
	// DateBack is how many days before the date written at DateSpan the
	// window starts (the written date is the end's).
	DateBack int
}

// Contact is the point of contact as understood.
type Contact struct {
	Line        *Line
	Value       string // e-mail address, else the name or text given
	Email       string
	Phone       string
	Name        string
	Reachable   bool
	Placeholder bool
	// Shared is true for a distribution list or shared mailbox that no
	// named person stands behind ("Verteiler it-betrieb@...").
	Shared bool
	Span   Span
}

// versionRowWords may follow the version of a path-table row: "18.8.11
// required stop", "19.3.0 target".
var versionRowWords = map[string]bool{"ee": true, "ce": true, "required": true, "stop": true, "target": true, "latest": true, "patch": true,
	"upgrade": true, "hop": true, "final": true, "via": true, "then": true, "and": true, "x": true, "pflicht": true, "stopp": true,
	"ziel": true, "obligatoria": true, "parada": true, "objetivo": true, "obligatoire": true, "cible": true, "conditional": true}

// topicAfter reports whether the words after a version in a cell, up to
// the first punctuation, make it a topic ("blocked users") rather than a
// hop.
func topicAfter(rest string) bool {
	if i := strings.IndexAny(rest, "(,;:–—→-|"); i >= 0 {
		rest = rest[:i]
	}
	for _, w := range strings.Fields(strings.ToLower(strings.Trim(rest, " *`_"))) {
		if !versionRowWords[strings.Trim(w, "*`_.")] {
			return true
		}
	}
	return false
}

// boundVersion reports whether a version is a bound ("≥ 18.11.9", "at
// least 18.11.9") rather than a version of its own.
func boundVersion(l *Line, v VersionRef) bool {
	before := strings.TrimRight(l.Lower[:v.Span.Start], " `*_")
	if strings.HasSuffix(before, ">") && !strings.HasSuffix(before, "->") && !strings.HasSuffix(before, "=>") && !strings.HasSuffix(before, ">>") {
		return true
	}
	for _, w := range []string{"≥", ">=", "at least", "mindestens", "al menos", "au moins", "min.",
		// "laatste voor 19.0", "the last stop before 19.0": a limit named
		// beside the stop, not a hop.
		"last before", "last stop before", "laatste voor", "letzte vor", "letzter vor", "última antes de", "ultima antes de", "dernière avant", "ultima prima di", "última antes da"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// noteVersion reports whether v stands, after words, inside a note in
// parentheses that follows a version: "→ 18.11.11 (past the 18.11.7
// Mattermost false positive) →".
// A note that starts with the version, "(17.1.8, conditional)", holds a
// stop of the chain.
func noteVersion(l *Line, v VersionRef) bool {
	before := l.Text[:v.Span.Start]
	i := strings.LastIndexByte(before, '(')
	if i < 0 || strings.IndexByte(before[i:], ')') >= 0 {
		return false
	}
	inner := strings.Trim(before[i+1:], " *_`")
	if strings.IndexFunc(inner, unicode.IsLetter) < 0 {
		return false
	}
	// The note belongs to the version right before it; "(chart 8.3.7 →
	// 9.2.8)" holds a chain of its own.
	head := len(strings.TrimRight(before[:i], " *_`"))
	for _, m := range l.Versions {
		if m.End == head {
			return true
		}
	}
	return false
}

// laterUpgrade reports whether the words right after a version put it in
// a later change: "go to 18.8/18.11 in Q1 2027", "19.0 next year".
func laterUpgrade(l *Line, v VersionRef) bool {
	if ti := tokenAt(l, v.Span.Start); ti > 0 {
		// "nächster Upgrade frühestens im April (18.11, CHG-7810)",
		// "the next upgrade (19.5) in spring".
		for j := ti - 2; j >= 0 && j >= ti-7; j-- {
			if nextWord(l.Tokens[j].Word) && upgradeNoun(l.Tokens[j+1].Word) && !clauseBreak(l, j+1, ti) {
				return true
			}
		}
	}
	// ("für das 2. Quartal 2027": an ordinal, not a sentence end.)
	rest := l.Lower[v.Span.End:]
	rest = rest[:sentenceEnd(rest, 0)]
	if len(rest) > 60 {
		rest = rest[:60]
	}
	for _, w := range []string{" in q1", " in q2", " in q3", " in q4", "next year", "next quarter", " quartal ", " trimestre ", "in spring", "in the spring", "im frühjahr", "au printemps", "en primavera", "in summer", "im sommer", "en été", "en verano", ", separat", "separat geplant", "planned separately", "planificado por separado", "prévu séparément", "when released", "once released", "when it is released", "when it's released", "when available", "once available", "sobald verfügbar", "cuando salga", "cuando esté disponible", "dès sa sortie", "later this year", "im nächsten jahr", "nächstes jahr", "el próximo año", "el año que viene", "l'année prochaine", "l’année prochaine"} {
		if l.ContainsIn(rest, w) {
			return true
		}
	}
	return l.ContainsAnyIn(rest, laterChange...)
}

// nextWord reports whether w means "next" in the sense of a later change.
func nextWord(w string) bool {
	switch w {
	case "next", "nächster", "nächste", "nächstes", "nächsten", "próxima", "próximo", "prochaine", "prochain", "volgende", "prossimo", "prossima":
		return true
	}
	return false
}

// upgradeNoun reports whether w names an upgrade.
func upgradeNoun(w string) bool {
	switch w {
	case "upgrade", "update", "aktualisierung", "actualización", "actualizacion", "migration", "montée", "mise", "atualização", "aggiornamento":
		return true
	}
	return false
}

// laterChange are the words that put versions into another change than
// this plan: "a separate plan will cover 18.2.8 → 18.5", "19.3/19.5 will
// be another request".
var laterChange = []string{"piano separato", "pianificato a parte", "pianificata a parte", "pianificato separatamente", "planejado separadamente", "planejada separadamente", "planificado aparte", "planificada aparte", "apart gepland", "afzonderlijk gepland", "getrennt geplant", "planifié à part", "planifiée à part", "richiesta separata", "aparte plan", "apart plan", "second request", "second change", "seconde demande", "deuxième demande", "second changement", "segunda solicitud", "segundo cambio", "zweite anfrage", "zweiten change", "zweiten änderung", "in a later change", "in a separate change", "separate request", "separate ticket", "separate plan", "separate change", "another request", "another change", "another plan", "follow-up plan", "autre demande", "demande séparée", "autre changement", "otra solicitud", "otro cambio", "otro plan", "solicitud aparte", "eigene anfrage", "eigenen change", "separaten change", "anderen change", "eigenen plan", "separaten plan"}

// PastSetup reports whether the line tells of something set up before
// the given year ("We set up Geo in 2023", "Geo since 2024").
func (l *Line) PastSetup(year int) bool { return pastSetup(l, year) }
