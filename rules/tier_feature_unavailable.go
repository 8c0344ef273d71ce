package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/lint"
)

// TierFeatureUnavailable finds paid features planned on CE.
var TierFeatureUnavailable = &lint.Rule{
	ID:       "tier-feature-unavailable",
	Title:    "the plan relies on a paid-tier feature the instance does not have",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Maintenance Mode (Premium) and Geo (Premium) are not available on the Community Edition or the
Free tier. A plan that relies on Maintenance Mode to block writes during the backup and upgrade on a
CE instance has no such protection when it runs: users keep writing, and the backup no longer matches
the data.

Fix: on CE, block users another way (stop Puma, or deny access at the load balancer) and pause the
runners; or upgrade the license first, as its own change.`,
	Run: func(p *lint.Pass) {
		ed := p.Plan.EditionStated
		if ed == nil {
			ed = p.Plan.Edition
		}
		free := ed != nil && ed.Value == "ce"
		for _, l := range p.Doc.Lines {
			if l.HasWord("free") && (l.Contains("free tier") || l.Contains("gitlab free") || l.Contains("(free)")) || l.ContainsAny(unlicensed...) {
				// ("GitLab **EE zonder licentie (Free)**": EE without a
				// license has the Free features.)
				free = true
			}
		}
		if !free {
			return
		}
		// One finding, on the first step that uses the feature; the others
		// are named in it.
		var first *lint.Line
		at, size := 0, 0
		var also []int
		for _, l := range p.Doc.Lines {
			if l.Kind == lint.KindHeading || l.In(lint.TermOutOfScope) || l.In(lint.TermChangelog) {
				// (A change log's "Rev. 2: added maintenance mode" is the
				// document's history; the steps say what is done.)
				continue
			}
			i, n := maintenanceModeAt(l)
			if i < 0 || negatedMatchAt(l, i) || acknowledgesTier(l.Lower) || lint.QuestionAt(l.Text, i) {
				// ("Nutzen Sie den Wartungsmodus?" asks; the answer
				// follows.)
				continue
			}
			switch {
			case first == nil:
				first, at, size = l, i, n
			case first.Quote && !l.Quote:
				// ("> **Nota di revisione:** attiviamo la modalità
				// manutenzione" comments on the step that does it.)
				also = append(also, first.Num)
				first, at, size = l, i, n
			default:
				also = append(also, l.Num)
			}
		}
		slices.Sort(also)
		if first != nil {
			where := ""
			if len(also) > 0 {
				nums := make([]string, len(also))
				for i, n := range also {
					nums[i] = strconv.Itoa(n)
				}
				where = " (also on line " + strings.Join(nums, ", ") + ")"
			}
			p.Reportf(first, lint.Span{Start: at, End: at + size}, "plan relies on Maintenance Mode%s, which %s does not have (Premium and Ultimate only). block writes another way: stop Puma and Sidekiq, or deny access at the load balancer, and pause the runners", where, edName(ed))
		}
	},
}

// unlicensed say an Enterprise Edition runs without a license.
var unlicensed = []string{"without a license", "without license", "without a licence", "unlicensed", "zonder licentie", "geen licentie", "ohne lizenz", "keine lizenz",
	"sin licencia", "sans licence", "sans license", "senza licenza", "sem licença", "sem licenca"}

// maintenanceModeNames are the names of Maintenance Mode in the plan's
// languages ("mode maintenance", "Wartungsmodus").
var maintenanceModeNames = []string{"maintenance mode", "maintenance_mode", "mode maintenance", "mode de maintenance", "wartungsmodus", "maintenance-modus", "modo de mantenimiento", "modo mantenimiento",
	"modalità manutenzione", "modalità di manutenzione", "modo de manutenção", "modo manutenção", "onderhoudsmodus"}

// maintenanceModeAt returns where a line first names Maintenance Mode
// and the length of the name, -1 when it does not.
func maintenanceModeAt(l *lint.Line) (int, int) {
	at, size := -1, 0
	for _, w := range maintenanceModeNames {
		if i := l.IndexOf(w); i >= 0 && (at < 0 || i < at) {
			at, size = i, len(w)
		}
	}
	return at, size
}

// acknowledgesTier reports whether a line says the feature is paid or
// replaced ("maintenance mode is a paid feature, so ... instead").
func acknowledgesTier(low string) bool {
	if strings.Contains(low, "gibt es") && (strings.Contains(low, "nicht") || strings.Contains(low, "kein")) {
		// "Wartungsmodus gibt es bei uns nicht"
		return true
	}
	for _, w := range []string{"not available", "premium", "ultimate", "paid", "instead", "licen", "unavailable", "kostenpflichtig", "de pago", "payant",
		"does not exist", "doesn't exist", "n'existe pas", "pas disponible", "nicht verfügbar", "no existe", "no está disponible", "non esiste", "non è disponibile", "não existe", "bestaat niet", "niet beschikbaar",
		"no disponible", "non disponible", "indisponible", "non disponibile", "não disponível", "não está disponível"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

func edName(ed *lint.Fact) string {
	if ed != nil && ed.Value == "ce" {
		return "GitLab Community Edition"
	}
	return "the Free tier"
}

// negatedMatchAt reports whether a negation stands shortly before byte
// offset off in the same clause.
func negatedMatchAt(l *lint.Line, off int) bool {
	for _, n := range l.FindAll(lint.TermNeg) {
		if n.End <= off && off-n.End < 40 && !breakIn(l, n.Tok+n.NTok, tokenIndex(l, off)+1) {
			return true
		}
	}
	return false
}

func tokenIndex(l *lint.Line, off int) int {
	for i, t := range l.Tokens {
		if t.Start >= off {
			return i
		}
	}
	return len(l.Tokens)
}
