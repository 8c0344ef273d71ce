package rules

import (
	"strconv"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
)

// ConditionalStop asks about conditional stops the plan does not address.
var ConditionalStop = &lint.Rule{
	ID:       "conditional-stop",
	Title:    "the path passes a conditional stop and the plan does not say whether it applies",
	Severity: lint.Info,
	Category: lint.VersionPath,
	Doc: `Some upgrade stops are required only for some instances: 15.1 with more than one web (Rails)
node, 16.0 with 30,000 users or more, 16.1 with npm packages in the package registry, 16.2 with a large
pipeline-variables history, 17.1 when ` + "`ci_pipeline_messages`" + ` holds more than 1,500,000 rows. When the
plan's own facts say the condition applies and the stop is missing, ` + "`skipped-required-stop`" + ` reports
it. When the plan says nothing about the condition, this rule asks the customer to check it, with the
query or count that decides. A plan that judges the stop by another table than the one that decides it
gets the finding on that line.

Fix: run the check and either add the stop or note in the plan why it does not apply.`,
	Run: func(p *lint.Pass) {
		for _, cs := range conditionalStops(p) {
			if cs.state != condUnknown {
				continue
			}
			if l := cs.otherTable; l != nil {
				p.ReportLinef(l, "this line judges conditional stop %s by another table, but the stop is needed only when %s. check that: %s; then add %s to the path or note why it does not apply", cs.stop.Stop.MinorString(), cs.stop.Condition, cs.stop.CheckFor(method(p.Plan)), cs.latest)
				continue
			}
			p.Reportf(cs.at.Line, cs.at.Span, "the path passes conditional stop %s, needed only when %s. check it: %s; then add %s to the path or note why it does not apply", cs.stop.Stop.MinorString(), cs.stop.Condition, cs.stop.CheckFor(method(p.Plan)), cs.latest)
		}
	},
}

type condState int

const (
	condUnknown condState = iota
	condApplies
	condDoesNotApply
	condAddressed
)

type condStop struct {
	stop   knowledge.Conditional
	latest string
	state  condState
	at     lint.VersionRef // the hop that passes it, or the target
	prev   string
	// otherTable is a line that judges the stop by another table.
	otherTable *lint.Line
}

// conditionalStops returns the conditional stops the path passes without
// installing them, with what the plan says about their conditions.
func conditionalStops(p *lint.Pass) []condStop {
	pl := p.Plan
	cur, tgt := pl.Current, pl.Target
	if tgt == nil || cur == nil && len(pl.Hops) == 0 {
		return nil
	}
	// Without a current version, the path the plan shows starts at its
	// first hop.
	var from glversion.Version
	if cur != nil {
		from = cur.Version
	} else {
		from = pl.Hops[0].Version
	}
	var out []condStop
	for _, c := range p.Knowledge.ConditionalStops(from, tgt.Version) {
		covered := false
		at := tgt.VersionRef
		prev := from.String()
		found := false
		for _, h := range pl.Hops {
			if h.Version.CompareMinor(c.Stop) == 0 {
				covered = true
				break
			}
			if h.Version.CompareMinor(c.Stop) < 0 {
				prev = h.Version.String()
			}
			if !found && h.Version.CompareMinor(c.Stop) > 0 {
				at, found = h.VersionRef, true
			}
		}
		if covered {
			continue
		}
		latest, _ := p.Knowledge.Releases.Latest(c.Stop)
		state, other := conditionState(p, c)
		out = append(out, condStop{stop: c, latest: latest.String(), state: state, at: at, prev: prev, otherTable: other})
	}
	return out
}

// conditionState decides from the plan's facts whether a conditional
// stop applies.
func conditionState(p *lint.Pass, c knowledge.Conditional) (state condState, otherTableLine *lint.Line) {
	// The plan's own facts decide first: a plan that counts 900 npm
	// packages needs 16.1 even where it argues that it does not.
	fact := factState(p, c)
	if fact == condApplies {
		return fact, nil
	}
	pl := p.Plan
	// The plan discusses the stop itself: "16.0 is only needed with
	// 30,000 users; we have 850".
	for _, m := range pl.Mentions {
		if m.Version.HasPatch || m.Version.CompareMinor(c.Stop) != 0 {
			continue
		}
		l := m.Line
		if lint.QuestionAt(l.Text, m.Span.End) {
			// "Brauchen wir den 17.1-Stopp?": a question to Support
			// answers nothing.
			continue
		}
		if otherTable(l, c) {
			// "abbiamo contato le righe di ci_pipeline_variables": the
			// stop judged on another table than the one that decides it.
			if otherTableLine == nil {
				otherTableLine = l
			}
			continue
		}
		if l.Contains("conditional") || l.Contains("only needed") || l.Contains("not needed") || l.Contains("only required") || l.Contains("not required") || l.Contains("does not apply") {
			return condAddressed, nil
		}
		if negationNear(l, m.Span.Start, m.Span.End, 6, 6) && !patchOfMinorOn(pl, l, c.Stop) {
			// (A negation beside patches of the minor, "17.1.0/17.1.1
			// upgrade failures: we do not install 17.1", answers a
			// version note, not the stop's condition.)
			return condAddressed, nil
		}
	}
	if frontMatterAnswers(p.Doc, c.Stop) {
		return condAddressed, nil
	}
	return fact, otherTableLine
}

// otherTable reports whether a line judges conditional stop c by a
// table other than the one that decides it.
func otherTable(l *lint.Line, c knowledge.Conditional) bool {
	t := c.Table()
	if t == "" || l.Contains(t) {
		return false
	}
	for _, w := range []string{"relname=", "ci_", "count(*)"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// frontMatterAnswers reports whether a front-matter entry keyed by the
// stop's minor gives an answer: `"16.1": "does not apply: no npm
// packages"` under a key such as conditional_stops.
func frontMatterAnswers(d *lint.Document, stop glversion.Version) bool {
	for _, l := range d.Lines {
		if l.Kind != lint.KindFrontMatter || l.Label.Len() == 0 || strings.TrimSpace(l.ValueText()) == "" {
			continue
		}
		for _, v := range l.Versions {
			if !v.Version.HasPatch && v.Version.CompareMinor(stop) == 0 && v.End <= l.Label.End+1 {
				return true
			}
		}
	}
	return false
}

// factState decides a conditional stop from the plan's facts alone.
func factState(p *lint.Pass, c knowledge.Conditional) condState {
	pl := p.Plan
	switch c.Fact {
	case "rails-nodes":
		switch {
		case pl.RailsNodes != nil && pl.RailsNodes.N > 1:
			return condApplies
		case pl.RailsNodes != nil, pl.Topology != nil && pl.Topology.Value == "single-node", pl.OneGitLabNode != nil:
			// ("one application node + external RDS": one web node.)
			return condDoesNotApply
		}
	case "users":
		if pl.Users != nil {
			if pl.Users.N >= 30000 {
				return condApplies
			}
			return condDoesNotApply
		}
	case "npm-packages":
		if s := mentionState(p.Doc, 0, "npm"); s != condUnknown {
			return s
		}
	case "pipeline-variables":
		if s := mentionState(p.Doc, 10_000_000, "ci_pipeline_variables", "pipeline variables", "pipeline-variables"); s != condUnknown {
			return s
		}
	case "pipeline-messages":
		if s := mentionState(p.Doc, 1_500_000, "ci_pipeline_messages", "pipeline messages"); s != condUnknown {
			return s
		}
	}
	return condUnknown
}

// mentionState reads a condition from prose. A count stated beside the
// words decides it ("2.4 million rows" against a limit of 1,500,000;
// "3,400 npm packages" against zero); a negated mention ("no npm
// packages") means it does not apply; another mention means the plan
// addressed it.
func mentionState(d *lint.Document, limit int, words ...string) condState {
	query := -1
	addressed := false
	for _, l := range d.Lines {
		if query >= 0 && l.Kind != lint.KindCode && l.Index-query <= 3 && !l.ContainsAny(words...) {
			// The output below the query's block: "Resultado: 1 linha,
			// `n_live_tup` = 1.874.310."
			if n, ok := statedCount(blankCode(l), limit); ok {
				if n > limit {
					return condApplies
				}
				return condDoesNotApply
			}
		}
		for _, w := range words {
			if !l.Contains(w) {
				continue
			}
			if l.Kind == lint.KindCode && (l.Contains("select ") || l.Contains(" where ")) {
				// The query in a block: its threshold ("n_live_tup>1500000")
				// is no count; its output on a later line is.
				query = l.Index
				continue
			}
			// Only a clause that names the condition speaks of it: "290
			// users, so no 16.0 stop; no npm packages; 41,000 rows". A
			// stated count wins over other wording.
			neg := false
			for at := 0; ; {
				i := strings.Index(l.Lower[at:], w)
				if i < 0 {
					break
				}
				i += at
				if c, ok := codeSpanAt(l, i); ok && l.Kind != lint.KindCode {
					if span := l.Lower[c.Start:c.End]; i+len(w) <= c.End && !strings.Contains(span, "select") && !strings.Contains(span, "where") && !strings.ContainsAny(span, "<>") {
						// The result row quoted: "got one row,
						// `ci_pipeline_messages | 2340112`".
						if n, ok := statedCount(l.Lower[i+len(w):c.End], limit); ok {
							if n > limit {
								return condApplies
							}
							return condDoesNotApply
						}
					}
					// The check written as a query: its own threshold
					// ("n_live_tup>1500000") is not the instance's count;
					// the result follows it ("`...`, returned one row
					// (about 2.4 million live rows)").
					after := l.Lower[c.End:]
					for _, o := range l.Code {
						if o.Start >= c.End {
							after = after[:o.Start-c.End]
							break
						}
					}
					if k := strings.Index(after, ". "); k >= 0 {
						after = after[:k]
					}
					if n, ok := statedCount(after, limit); ok {
						if n > limit {
							return condApplies
						}
						return condDoesNotApply
					}
				}
				a, b := clauseAround(l.Lower, i)
				clause := blankCode(l)[a:b]
				// A count belongs to the item of a list that names the
				// condition: "no npm packages, 40k pipeline variable rows".
				if n, ok := statedCount(listItemAround(clause, i-a), limit); ok {
					if n > limit {
						return condApplies
					}
					return condDoesNotApply
				}
				for _, m := range l.FindAll(lint.TermNeg) {
					if m.Start >= a && m.End <= b {
						neg = true
					}
				}
				if strings.Contains(clause, "below") || strings.Contains(clause, "returns 0") || strings.Contains(clause, "returned 0") || strings.Contains(clause, "zero") {
					neg = true
				}
				at = i + len(w)
			}
			if neg {
				return condDoesNotApply
			}
			if l.Kind == lint.KindCode {
				// A check in a command; its result is not stated.
				continue
			}
			// The plan speaks of the condition; a count stated further
			// on (the output of its query) still decides it.
			addressed = true
			break
		}
	}
	if addressed {
		return condAddressed
	}
	return condUnknown
}

// blankCode returns the lower-case text of l with its inline code spans
// blanked out, so numbers in a query are not read as counts.
func blankCode(l *lint.Line) string {
	if len(l.Code) == 0 || l.Kind == lint.KindCode {
		return l.Lower
	}
	b := []byte(l.Lower)
	for _, c := range l.Code {
		for k := c.Start; k < c.End && k < len(b); k++ {
			if b[k] >= '0' && b[k] <= '9' {
				b[k] = ' '
			}
		}
	}
	return string(b)
}

// codeSpanAt returns the inline code span of l that holds offset i.
func codeSpanAt(l *lint.Line, i int) (lint.Span, bool) {
	for _, c := range l.Code {
		if i >= c.Start && i < c.End {
			return c, true
		}
	}
	return lint.Span{}, false
}

// groupsOfThree reports whether every group after the first dot has
// three digits: "1.874.310" is a count, "18.11.11" a version.
func groupsOfThree(num string) bool {
	parts := strings.Split(num, ".")
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// thousands removes the separators of "3,400" and "2.400".
var thousands = strings.NewReplacer(",", "", ".", "")

// statedCount finds a count in prose: "2.4 million", "41,000 rows",
// "3,400 npm packages", "1.8M". Versions and dates are not counts. Of
// several, the largest is the count: "returns 1 row: n_live_tup =
// 4,183,552" counts the rows of the table, not of the result.
func statedCount(text string, limit int) (int, bool) {
	best, found := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' || i > 0 && (isWordByte(text[i-1]) || text[i-1] == '.') {
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || (text[j] == ',' || text[j] == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
			j++
		}
		num := text[i:j]
		rest := strings.TrimLeft(text[j:], " ")
		mult := 1.0
		switch {
		case strings.HasPrefix(rest, "million") || strings.HasPrefix(rest, "mio") || strings.HasPrefix(rest, "millones") || strings.HasPrefix(rest, "millions"):
			mult = 1e6
		case strings.HasPrefix(rest, "m ") || rest == "m" || strings.HasPrefix(rest, "m,") || strings.HasPrefix(rest, "m)"):
			mult = 1e6
		case strings.HasPrefix(rest, "k ") || rest == "k" || strings.HasPrefix(rest, "thousand"):
			mult = 1e3
		}
		// ("1.850" with three digits after its only dot counts in the
		// European way; "16.11" or "2026.11" is a version or a date.)
		europeanThousands := strings.Count(num, ".") == 1 && len(num)-strings.Index(num, ".") == 4 || groupsOfThree(num)
		if strings.Count(num, ".") > 1 && !europeanThousands || mult == 1 && strings.Contains(num, ".") && !strings.Contains(num, ",") && len(num) > 4 && !europeanThousands {
			i = j
			continue // a version or a date
		}
		var f float64
		if mult > 1 {
			f, _ = strconv.ParseFloat(strings.ReplaceAll(num, ",", "."), 64)
		} else {
			n, err := strconv.Atoi(thousands.Replace(num))
			if err != nil {
				i = j
				continue
			}
			f = float64(n)
		}
		// Counts of rows or packages, not small numbers of anything.
		if strings.HasPrefix(rest, "row") || strings.HasPrefix(rest, "npm") || strings.HasPrefix(rest, "package") || strings.HasPrefix(rest, "live") || strings.HasPrefix(rest, "entr") || strings.HasPrefix(rest, "record") || mult > 1 || f >= 1000 {
			if n := int(f * mult); limit > 0 && n == limit {
				// "alleen nodig als ci_pipeline_messages meer dan
				// 1.500.000 rijen heeft" restates the condition's limit,
				// not the instance's count.
			} else if !found || n > best {
				best, found = n, true
			}
		}
		i = j
	}
	return best, found
}

// clauseAround returns the bounds of the clause of text around offset at:
// clauses end at ";", at a sentence end, and at a line end.
func clauseAround(text string, at int) (int, int) {
	a := 0
	for _, sep := range []string{"; ", ". ", "\n"} {
		if i := strings.LastIndex(text[:at], sep); i >= 0 && i+len(sep) > a {
			a = i + len(sep)
		}
	}
	b := len(text)
	for _, sep := range []string{";", ". ", "\n"} {
		if i := strings.Index(text[at:], sep); i >= 0 && at+i < b {
			b = at + i
		}
	}
	return a, b
}

// listItemAround returns the part of clause between the ", " separators
// around byte offset at.
func listItemAround(clause string, at int) string {
	a, b := 0, len(clause)
	if i := strings.LastIndex(clause[:at], ", "); i >= 0 {
		a = i + 2
	}
	if i := strings.Index(clause[at:], ", "); i >= 0 {
		b = at + i
	}
	return clause[a:b]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// patchOfMinorOn reports whether a line names a patch release of the
// stop's minor.
func patchOfMinorOn(pl *lint.Plan, l *lint.Line, stop glversion.Version) bool {
	for _, o := range pl.Mentions {
		if o.Line == l && o.Version.HasPatch && o.Version.CompareMinor(stop) == 0 {
			return true
		}
	}
	return false
}
