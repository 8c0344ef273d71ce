package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholder is an unfilled fill-in found in text.
type Placeholder struct {
	Span Span
	Text string
}

// bracketWords mark "[Your name]"-style fill-ins.
var bracketWords = []string{"your", "name", "date", "time", "insert", "enter", "email", "e-mail", "contact", "version", "tbd", "todo", "fill", "owner", "phone", "telefono", "teléfono", "telefon", "téléphone", "telefone", "telefoon", "heure", "uhrzeit", "cognome", "apellido", "sobrenome", "indirizzo", "adresse", "dirección", "endereço", "adres", "team", "company", "customer", "who", "when", "here", "tbc", "nombre", "fecha", "datum", "nom", "naam", "invullen", "eintragen", "ausfüllen", "einfügen", "rellenar", "completar", "remplir", "compléter", "inserire", "preencher"}

// Placeholders returns the fill-ins in a line of prose: "<name>",
// "[Your name]", "______", TBD/TODO/lorem ipsum, "YYYY-MM-DD", "HH:MM",
// "x.y.z". Code is not searched: "<timestamp>" in a command is a runtime
// variable, not an unfilled plan fact.
func (l *Line) Placeholders() []Placeholder {
	if l.Earlier {
		// "> Data ainda a definir." in the draft a reply replaces.
		return nil
	}
	if l.Kind == KindCode {
		return unfilledPins(l)
	}
	out := unfilledPins(l)
	if l.Kind == KindFrontMatter {
		// "contact: TBD": only the value can be unfilled. ("reviewers:
		// [sre-oncall, dba-team]" is a YAML list.)
		if v := strings.TrimSpace(l.Text[l.Value.Start:l.Value.End]); strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") && strings.Contains(v, ",") {
			return out
		}
		for _, s := range findPlaceholders(l.Text[l.Value.Start:l.Value.End], false) {
			s.Start += l.Value.Start
			s.End += l.Value.Start
			out = append(out, Placeholder{Span: s, Text: l.Text[s.Start:s.End]})
		}
		return out
	}
	bare := bareCommand(l)
	for _, s := range findPlaceholdersIn(l.Text, l.Lower, l.Tokens, l.Matches) {
		if quotedMention(l.Text, s.Start, s.End) {
			// ("we mark doubtful points with "forse", "da confermare"":
			// the word is named, not left unfilled.)
			continue
		}
		if statusCell(l, s.Start) {
			// "| 3 | Stop Puma | rails01 | [TODO] |" under a "Status"
			// column: the step's progress, not an unfilled fact.
			continue
		}
		if l.InCode(s.Start) && !wholeCodeValue(l, s) || l.Text[s.Start] == '<' && (bare || s.Start > 0 && strings.IndexByte("/=_.-", l.Text[s.Start-1]) >= 0) {
			// (A command written as plain text holds runtime variables
			// too: "sudo gitlab-backup restore BACKUP=<timestamp>"; so
			// does a path pattern, "/backup/gitlab/<window>/<hostname>/".)
			continue
		}
		out = append(out, Placeholder{Span: s, Text: l.Text[s.Start:s.End]})
	}
	if len(out) == 0 && !l.LabelIs(TermRollback) {
		// ("Rückfallplan: folgt" is a missing rollback plan.)
		out = appendPendingValues(out, l)
	}
	return out
}

// statusCell reports whether offset off of a table row lies in a column
// headed as the progress of each step ("Status", "Stand", "Estado",
// "Statut", "Stato", "Done").
func statusCell(l *Line, off int) bool {
	if l.Kind != KindTableRow || l.Header == nil || len(l.Header.Cells) != len(l.Cells) {
		return false
	}
	for ci, c := range l.Cells {
		if off < c.Start || off >= c.End {
			continue
		}
		hc := l.Header.Cells[ci]
		switch strings.Trim(strings.TrimSpace(l.Header.Lower[hc.Start:hc.End]), "*_`") {
		case "status", "state", "stand", "zustand", "estado", "statut", "état", "stato", "done", "erledigt", "hecho", "fait", "fatto", "klaar", "feito", "progress", "fortschritt", "avance", "progresso", "voortgang":
			return true
		}
		return false
	}
	return false
}

// htmlElementNames are the tags a plan may name in prose: "toggles became
// <details> blocks" names a tag, not a fill-in.
var htmlElementNames = map[string]bool{"details": true, "summary": true, "table": true, "tr": true, "td": true, "th": true, "br": true, "code": true, "pre": true,
	"div": true, "span": true, "aside": true, "kbd": true, "sup": true, "sub": true, "p": true, "ul": true, "ol": true, "li": true}

// StatusDropped reports whether a table row's status column says its step
// will not be done, or cannot be: "| Background migrations check before
// hop 2 | n/a |", "| ... | skipped |", "| ... | ⚠ bloccato |".
func (l *Line) StatusDropped() bool {
	if l.Kind != KindTableRow {
		return false
	}
	for _, c := range l.Cells {
		if !statusCell(l, c.Start) {
			continue
		}
		v := strings.TrimFunc(l.Lower[c.Start:c.End], func(r rune) bool { return !unicode.IsLetter(r) && r != '/' })
		if notApplicableStart(v) {
			return true
		}
		for _, w := range []string{"blocked", "blockiert", "bloqueado", "bloqueada", "bloqué", "bloquée", "bloccato", "bloccata", "geblokkeerd", "skip", "skipped", "übersprungen", "omitido", "omitida", "ignoré", "ignorée", "saltato", "saltata", "overgeslagen", "cancelled", "canceled", "abgebrochen", "storniert", "cancelado", "cancelada", "annulé", "annulée", "annullato", "geannuleerd", "not needed", "nicht nötig", "no necesario", "pas nécessaire", "non necessario", "niet nodig", "desnecessário"} {
			if v == w {
				return true
			}
		}
	}
	return false
}

// wholeCodeValue reports whether a fill-in is all there is of a label's
// value, set in code so that markdown shows it: "Executing admin:
// `<Name>`" leaves a plan fact unfilled.
func wholeCodeValue(l *Line, s Span) bool {
	if l.Label.Len() == 0 || s.Start < l.Value.Start {
		return false
	}
	for _, c := range l.Code {
		if c.Start <= s.Start && s.End <= c.End {
			return strings.TrimSpace(l.Text[c.Start:c.End]) == l.Text[s.Start:s.End] && strings.Trim(l.Text[l.Value.Start:l.Value.End], " .`") == l.Text[s.Start:s.End]
		}
	}
	return false
}

// unfilledPins returns the package and image pins of a line whose
// version still ends in a wildcard, in code or not: "dnf install
// gitlab-ee-18.5.x-ee.0.el8" names no release to install.
func unfilledPins(l *Line) []Placeholder {
	var out []Placeholder
	low := l.Lower
	if !l.Contains(".x") {
		return nil
	}
	for off := 0; ; {
		i := strings.Index(low[off:], "gitlab-")
		if i < 0 {
			return out
		}
		i += off
		off = i + len("gitlab-")
		rest := low[off:]
		if !strings.HasPrefix(rest, "ee") && !strings.HasPrefix(rest, "ce") {
			continue
		}
		j := off + 2
		if j >= len(low) || strings.IndexByte("-=:", low[j]) < 0 {
			continue
		}
		k := j + 1
		for k < len(low) && (isDigitByte(low[k]) || low[k] == '.') {
			k++
		}
		if k+2 < len(low) && low[k] == 'x' && low[k+1] == '-' && !strings.HasPrefix(low[k+2:], "ee") && !strings.HasPrefix(low[k+2:], "ce") {
			// "gitlab-ee-17.x-media.iso" names a file, not a package.
			continue
		}
		if k > j+1 && k < len(low) && low[k] == 'x' && low[k-1] == '.' && (k+1 == len(low) || !isWordChar(low[k+1])) {
			out = append(out, Placeholder{Span: Span{j + 1, k + 1}, Text: l.Text[j+1 : k+1]})
		}
	}
}

// pendingWords stand for a value still to come when they are all a label
// gives: "Telefon/E-Mail: folgt", "teléfono: pendiente". In running text
// they are ordinary words.
var pendingWords = []string{"folgt", "wird nachgereicht", "pendiente", "pendiente de confirmar", "a confirmar", "à venir", "à confirmer", "to follow"}

// pendingLabels are the fact words a pending value can stand in for; a
// status ("Freigabe: pendiente") is not a missing fact.
var pendingLabels = []string{"phone", "telephone", "telefon", "teléfono", "telefono", "téléphone", "mobile", "handy", "móvil", "e-mail", "email", "mail", "correo", "contact", "kontakt", "contacto", "name", "nombre", "nom", "window", "fenster", "ventana", "fenêtre", "date", "datum", "fecha", "time", "zeit", "hora", "heure", "uhrzeit", "timezone", "zeitzone"}

// appendPendingValues adds the pending words that make up the whole
// value of a "label: value" part of the line.
func appendPendingValues(out []Placeholder, l *Line) []Placeholder {
	low := l.Lower
	if len(low) != len(l.Text) {
		return out
	}
	for i := 0; i < len(low); {
		j := strings.Index(low[i:], ":")
		if j < 0 {
			break
		}
		start := i + j + 1
		i = start
		if !labelWordBefore(low[:start-1]) {
			continue
		}
		rest := strings.TrimLeft(low[start:], " ")
		at := len(low) - len(rest)
		for _, w := range pendingWords {
			if !strings.HasPrefix(rest, w) {
				continue
			}
			after := strings.TrimLeft(rest[len(w):], " .")
			if r, _ := utf8.DecodeRuneInString(after); after == "" || strings.ContainsRune(",;)|–-", r) {
				out = append(out, Placeholder{Span: Span{at, at + len(w)}, Text: l.Text[at : at+len(w)]})
				break
			}
		}
	}
	return out
}

// findPlaceholders returns the spans of fill-ins in s.
func findPlaceholders(s string, all bool) []Span {
	lower := lowerSameLen(s)
	toks := tokenize(lower, nil)
	return findPlaceholdersIn(s, lower, toks, lexi().match(toks, nil))
}

// findPlaceholdersIn is findPlaceholders for text already tokenized.
func findPlaceholdersIn(s, lower string, toks []Token, matches []Match) []Span {
	var out []Span
	add := func(a, b int) {
		out = append(out, Span{a, b})
	}
	for i := 0; i < len(s); i++ {
		// Jump to the next byte that can start a marker.
		j := strings.IndexAny(s[i:], "<[_?")
		if j < 0 {
			break
		}
		i += j
		switch c := s[i]; c {
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '_') {
				if j := strings.IndexByte(s[i+1:], '>'); j > 0 && j < 100 && !strings.ContainsAny(s[i+1:i+1+j], "<=") {
					inner := s[i+1 : i+1+j]
					if !strings.HasSuffix(inner, "-") && !strings.HasPrefix(inner, "http") && !strings.Contains(inner, "@") && !strings.Contains(inner, "://") && !htmlElementNames[strings.ToLower(inner)] {
						add(i, i+2+j)
						i += j + 1
					}
				}
			}
		case '[':
			if j := strings.IndexByte(s[i+1:], ']'); j > 0 && (j < 40 || j < 160 && promptVerb(s[i+1:i+1+j])) {
				inner := strings.ToLower(s[i+1 : i+1+j])
				if (bracketPlaceholder(inner) || j >= 40) && (i+2+j >= len(s) || s[i+2+j] != '(') {
					add(i, i+2+j)
					i += j + 1
				}
			}
		case '_':
			j := i
			for j < len(s) && s[j] == '_' {
				j++
			}
			if j-i >= 3 {
				add(i, j)
			}
			i = j - 1
		case '?':
			j := i
			for j < len(s) && s[j] == '?' {
				j++
			}
			if j-i >= 3 || j-i == 2 && (j >= len(s) || s[j] == ' ') && (i == 0 || s[i-1] == ' ' || s[i-1] == ':') {
				add(i, j)
			}
			i = j - 1
		}
	}
	for _, m := range matches {
		if m.Term == TermPlaceholderWord {
			// "todo" is also a Spanish word ("todo el equipo"); only the
			// marker written in capitals counts.
			if w := s[m.Start:m.End]; strings.EqualFold(w, "todo") && w != "TODO" {
				continue
			}
			if overlaps(out, m.Start) {
				continue
			}
			add(m.Start, m.End)
		}
	}
	for i, t := range toks {
		if overlaps(out, t.Start) {
			continue
		}
		switch t.Word {
		case "yyyy", "jjjj", "aaaa":
			// "24/11/2026 (DD/MM/YYYY throughout)" explains the date
			// format beside a real date; it fills nothing in.
			// So does a line that speaks of the format: "dates in the
			// American format MM/JJ/AAAA".
			if !hasYear(toks) && !strings.Contains(lower, "format") && !strings.Contains(lower, "formaat") {
				add(t.Start, t.End)
			}
		case "hh":
			if i+1 < len(toks) && toks[i+1].Word == "mm" {
				add(t.Start, toks[i+1].End)
			}
		case "x", "xx":
			// "x.y.z" or "X.Y" as a version to fill in.
			if i+1 < len(toks) && (toks[i+1].Word == "y" || toks[i+1].Word == "yy") && lower[t.End:toks[i+1].Start] == "." {
				end := toks[i+1].End
				if i+2 < len(toks) && (toks[i+2].Word == "z" || toks[i+2].Word == "zz") && lower[toks[i+1].End:toks[i+2].Start] == "." {
					end = toks[i+2].End
				}
				add(t.Start, end)
			}
		}
	}
	return out
}

// hasYear reports whether the words hold a year such as 2026.
func hasYear(toks []Token) bool {
	for _, t := range toks {
		if len(t.Word) == 4 && (strings.HasPrefix(t.Word, "19") || strings.HasPrefix(t.Word, "20")) && strings.Trim(t.Word, "0123456789") == "" {
			return true
		}
	}
	return false
}

func overlaps(spans []Span, off int) bool {
	for _, s := range spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

func bracketPlaceholder(inner string) bool {
	inner = strings.TrimSpace(inner)
	if inner == "" || inner == "x" || inner == " " || strings.HasPrefix(inner, "'") || strings.HasPrefix(inner, "\"") {
		// "postgresql['version']" is a setting, not a fill-in.
		return false
	}
	for _, w := range bracketWords {
		if strings.Contains(inner, w) {
			return true
		}
	}
	return false
}

// promptVerb reports whether bracketed text opens with the instruction of
// a template: "[Describe here how and when users are informed]",
// "[Beschrijf hier ...]".
func promptVerb(inner string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(inner), " ")
	switch strings.ToLower(first) {
	case "describe", "explain", "list", "enter", "insert", "add", "specify", "provide", "state",
		"beschreiben", "beschreibe", "beschreibt", "erläutern", "angeben", "eintragen",
		"describir", "describa", "indicar", "indique", "especificar",
		"décrire", "décrivez", "indiquer", "indiquez", "préciser", "précisez",
		"descrivere", "descrivi", "indicare", "indica",
		"beschrijf", "beschrijven", "vermeld", "geef",
		"descrever", "descreva", "informar", "informe":
		return true
	}
	return false
}

// notApplicableStart reports whether lower-cased text opens by saying that
// it does not apply: "N/A – downtime accepted", "Sans objet : pas de site
// secondaire", "n.v.t.".
func notApplicableStart(lower string) bool {
	t := strings.TrimLeft(lower, " *_-–—:>[]")
	for _, w := range []string{"n/a", "n. a.", "n.a.", "n.v.t", "nvt", "k. a.", "n/d"} {
		if rest, ok := strings.CutPrefix(t, w); ok && (rest == "" || !isASCIILetter(rest[0])) {
			return true
		}
	}
	for _, w := range NotApplicablePhrases {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// quotedMention reports whether text[start:end] stands alone in quotation
// marks.
func quotedMention(text string, start, end int) bool {
	if start == 0 || end >= len(text) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	switch before {
	case '"':
		return after == '"'
	case '“', '„':
		return after == '”' || after == '“'
	case '«':
		return after == '»'
	case '\'':
		return after == '\''
	}
	return false
}

// TemplateHint reports whether a line is a template's guidance left in
// the plan, in bold or italics and without a figure: an instruction
// ("_Describe how the change was tested before production._"), a note on
// when to fill the section in ("*À remplir uniquement si Geo est utilisé
// : nom du site, URL, nœuds.*"), or the list of what belongs there
// ("*Datum, resultaat, duur per stap.*").
func TemplateHint(l *Line) bool {
	if !l.Strong || l.Kind != KindText || len(l.Tokens) == 0 || l.hasDigit() || notApplicableStart(l.Lower) {
		return false
	}
	if promptVerb(l.Text) || containsAny(l.Lower, fillInPhrases) || containsAny(l.Lower, OnlyIfWords) || containsAny(l.Lower, applicablePhrases) {
		return true
	}
	// A list of short items: at least three, of at most three words.
	items := strings.Split(strings.TrimRight(strings.TrimSpace(l.Lower), "."), ",")
	if len(items) < 3 || len(l.Tokens) > 12 {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// fillInPhrases tell the plan's author what to write.
var fillInPhrases = []string{"to be filled", "fill in", "fill out", "à remplir", "a remplir", "à compléter", "auszufüllen", "ausfüllen", "a completar", "a rellenar", "da compilare",
	"in te vullen", "a preencher"}

// OnlyIfWords make what follows conditional: a template section that
// applies "only if Geo is used", a restore done "only if GitLab does not
// come up".
var OnlyIfWords = []string{"only if", "only when", "nur wenn", "nur falls", "solo si", "sólo si", "uniquement si", "seulement si", "solo se", "soltanto se",
	"alleen als", "alleen indien", "apenas se", "somente se", "só se"}

// applicablePhrases make a template section optional.
var applicablePhrases = []string{"if applicable", "falls zutreffend", "si aplica", "si procede", "le cas échéant", "se applicabile", "indien van toepassing", "se aplicável"}

// OptionalHint reports whether template guidance makes its section
// optional: "*À remplir uniquement si Geo est utilisé.*"
func OptionalHint(l *Line) bool {
	return TemplateHint(l) && (containsAny(l.Lower, OnlyIfWords) || containsAny(l.Lower, applicablePhrases))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// labelWordBefore reports whether the text before a colon ends in a fact
// word: "Telefon/E-Mail", "teléfono".
func labelWordBefore(before string) bool {
	before = strings.TrimRight(before, " *_")
	for _, w := range pendingLabels {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}
