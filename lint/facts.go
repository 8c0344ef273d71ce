package lint

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/planlint/planlint/internal/when"
)

// Operating systems, by the word that names them.
var osNames = map[string]string{
	"ubuntu": "Ubuntu", "debian": "Debian", "rhel": "RHEL", "centos": "CentOS", "rocky": "Rocky Linux",
	"almalinux": "AlmaLinux", "alma": "AlmaLinux", "sles": "SLES", "opensuse": "openSUSE Leap", "raspbian": "Raspberry Pi OS",
	"fedora": "Fedora", "el7": "RHEL", "el8": "RHEL", "el9": "RHEL", "el10": "RHEL",
}

// osPhrases are operating systems named with two words.
var osPhrases = map[[2]string]string{
	{"red", "hat"}: "RHEL", {"oracle", "linux"}: "Oracle Linux", {"amazon", "linux"}: "Amazon Linux",
	{"suse", "linux"}: "SLES", {"raspberry", "pi"}: "Raspberry Pi OS", {"scientific", "linux"}: "Scientific Linux",
}

// osCodenames map release code names to versions.
var osCodenames = map[string][2]string{
	"noble": {"Ubuntu", "24.04"}, "jammy": {"Ubuntu", "22.04"}, "focal": {"Ubuntu", "20.04"}, "bionic": {"Ubuntu", "18.04"}, "xenial": {"Ubuntu", "16.04"},
	"trixie": {"Debian", "13"}, "bookworm": {"Debian", "12"}, "bullseye": {"Debian", "11"}, "buster": {"Debian", "10"}, "stretch": {"Debian", "9"},
}

// osFiller are words between an OS name and its version.
var osFiller = map[string]bool{"linux": true, "enterprise": true, "server": true, "lts": true, "leap": true, "os": true, "release": true, "version": true, "hat": true, "pi": true, "stream": true, "v": true, "legacy": true, "lite": true, "desktop": true}

// osOf finds an operating system and its version in lower-case text.
func osOf(lower string) (name, version string) {
	toks := tokenize(lower, nil)
	return osInTokens(lower, toks)
}

func osInTokens(lower string, toks []Token) (name, version string) {
	for i, t := range toks {
		n := ""
		skip := 1
		if i+1 < len(toks) {
			n = osPhrases[[2]string{t.Word, toks[i+1].Word}]
			if n != "" {
				skip = 2
			}
			if n == "RHEL" && i+2 < len(toks) && (toks[i+2].Word == "openshift" || toks[i+2].Word == "coreos") {
				// "Red Hat OpenShift 4.16" is the platform, not RHEL.
				continue
			}
		}
		if n == "" {
			n = osNames[t.Word]
			if n == "" {
				if cn, ok := osCodenames[t.Word]; ok {
					return cn[0], cn[1]
				}
				continue
			}
			if strings.HasPrefix(t.Word, "el") && len(t.Word) > 2 {
				return n, t.Word[2:]
			}
		}
		// Read the version after the name: "22.04", "8.9", "2023", "15 SP6".
		width := ""
		for j := i + skip; j < len(toks) && j < i+skip+6; j++ {
			w := toks[j].Word
			if osFiller[w] {
				continue
			}
			if (w == "32" || w == "64") && j+1 < len(toks) && toks[j+1].Word == "bit" {
				// "Raspberry Pi OS (32-bit) Bullseye": the width, then
				// the release.
				width = " (" + w + "-bit)"
				j++
				continue
			}
			n := n + width
			if isDigitWord(w) && allDigits(w) {
				v := w
				if j+1 < len(toks) && allDigits(toks[j+1].Word) && lower[toks[j].End:toks[j+1].Start] == "." {
					v += "." + toks[j+1].Word
				} else if j+1 < len(toks) {
					// "SLES 12 SP5", "SLES 15 SP 6": the service pack.
					sp, isSP := strings.CutPrefix(toks[j+1].Word, "sp")
					if isSP && sp == "" && j+2 < len(toks) {
						sp = toks[j+2].Word
					}
					if isSP && allDigits(sp) {
						v += " SP" + sp
					}
				}
				if strings.HasPrefix(n, "Raspberry Pi OS") && (j+1 < len(toks) && toks[j+1].Word == "model" || len(v) == 1 && v < "7") {
					// "Raspberry Pi 4 Model B" is the board, not the OS.
					break
				}
				return n, v
			}
			if cn, ok := osCodenames[w]; ok && (cn[0] == strings.TrimSuffix(n, width) || cn[0] == "Debian" && strings.HasPrefix(n, "Raspberry Pi OS")) {
				// (Raspberry Pi OS releases carry Debian's code names.)
				return n, cn[1]
			}
			break
		}
		if name == "" {
			name = n
		}
	}
	return name, ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func osString(name, version string) string {
	if version == "" {
		return name
	}
	return name + " " + version
}

// osUpgrade reads an operating system upgrade that the plan makes on the
// way: "OS upgrade Ubuntu 18.04 → 20.04 → 22.04, GitLab stays on
// 16.11.10", "16.11.10 → [OS: 18.04 → 22.04] → 17.3.7". The upgrade must
// be a step of this plan: one planned for later, or as a project of its
// own, is not.
func osUpgrade(l *Line) *Fact {
	if l.Kind == KindCode || l.Kind == KindFrontMatter || l.In(TermRollback) || l.In(TermOutOfScope) || l.In(TermRisk) || l.In(TermChangelog) || l.In(TermStaging) {
		return nil
	}
	if f := newMachineOS(l); f != nil {
		return f
	}
	if !l.Contains("→") && !l.Contains("->") && !l.Contains("do-release-upgrade") && !l.Contains("leapp") {
		return nil
	}
	name, from := osInTokens(l.Lower, l.Tokens)
	if name == "" || from == "" {
		return nil
	}
	if l.ContainsAny([]string{"planned for", "roadmap", "separate", "not part", "later", "next year", "afterwards", "after this upgrade", "geplant für", "später", "planificad", "más adelante", "prévu", "plus tard"}...) {
		return nil
	}
	// The newest release named after the first, along arrows.
	at := strings.Index(l.Text, from)
	if at < 0 {
		return nil
	}
	best, bestAt := from, at
	rest := l.Text[at+len(from):]
	for off := at + len(from); ; {
		i := strings.IndexAny(rest, "0123456789")
		if i < 0 || !strings.ContainsAny(rest[:i], "→>") || len(strings.TrimSpace(strings.Trim(rest[:i], "→->–—[]() "))) > 6 {
			break
		}
		j := i
		for j < len(rest) && (isDigitByte(rest[j]) || rest[j] == '.' && j+1 < len(rest) && isDigitByte(rest[j+1])) {
			j++
		}
		ver := rest[i:j]
		if newerOSRelease(ver, best) {
			best, bestAt = ver, off+i
		}
		off += j
		rest = rest[j:]
	}
	if best == from && l.ContainsAny("do-release-upgrade", "leapp") {
		// "per do-release-upgrade über 20.04 auf Ubuntu 22.04": the
		// newest release of the same system named after the first.
		low := strings.ToLower(name) + " "
		for off := at + len(from); ; {
			i := strings.Index(l.Lower[off:], low)
			if i < 0 {
				break
			}
			k := off + i + len(low)
			j := k
			for j < len(l.Lower) && (isDigitByte(l.Lower[j]) || l.Lower[j] == '.' && j+1 < len(l.Lower) && isDigitByte(l.Lower[j+1])) {
				j++
			}
			if ver := l.Text[k:j]; j > k && newerOSRelease(ver, best) {
				best, bestAt = ver, k
			}
			off = max(j, k)
		}
	}
	if best == from {
		return nil
	}
	return &Fact{Value: osString(name, best), Line: l, Span: Span{bestAt, bestAt + len(best)}, From: FromProse}
}

// machineNouns end the new-platform phrases that name a machine, which
// has an operating system of its own: "new server", "nouvelle VM".
var machineNouns = map[string]bool{"server": true, "servers": true, "vm": true, "vms": true, "host": true, "machine": true,
	"servidor": true, "servidores": true, "serveur": true, "serveurs": true}

// newMachineOS reads the operating system of a new machine the plan
// moves the instance to in this change: "migrer vers une nouvelle VM
// vm-git02 sous Ubuntu 22.04".
func newMachineOS(l *Line) *Fact {
	if !l.Has(TermNewPlatform) || l.ContainsAny("planned for", "roadmap", "next year", "later", "später", "más adelante", "plus tard", "più avanti", "later dit jaar") {
		return nil
	}
	for _, m := range l.FindAll(TermNewPlatform) {
		end := m.Tok + m.NTok
		if !machineNouns[l.Tokens[end-1].Word] {
			continue
		}
		// The system named with the machine, not somewhere later on.
		name, ver := osInTokens(l.Lower, l.Tokens[end:min(end+12, len(l.Tokens))])
		if name == "" || ver == "" {
			return nil
		}
		i := strings.Index(l.Lower[m.End:], strings.ToLower(ver))
		if i < 0 {
			return nil
		}
		at := m.End + i
		return &Fact{Value: osString(name, ver), Line: l, Span: Span{at, at + len(ver)}, From: FromProse}
	}
	return nil
}

// newerOSRelease reports whether release a ("22.04", "9") is newer than
// b.
func newerOSRelease(a, b string) bool {
	am, an, _ := strings.Cut(a, ".")
	bm, bn, _ := strings.Cut(b, ".")
	ai, err1 := strconv.Atoi(am)
	bi, err2 := strconv.Atoi(bm)
	if err1 != nil || err2 != nil {
		return false
	}
	if ai != bi {
		return ai > bi
	}
	an2, _ := strconv.Atoi(an)
	bn2, _ := strconv.Atoi(bn)
	return an2 > bn2
}

// readOS reads the operating system from labelled lines and descriptions
// of the environment.
func (r *planReader) readOS(l *Line, labelled bool) {
	p := r.plan
	if l.In(TermRollback) {
		return
	}
	var name, ver string
	from := FromProse
	span := Span{0, len(l.Text)}
	switch {
	case labelled && l.LabelIs(TermOS):
		name, ver = osInTokens(l.Lower, l.Tokens)
		from = FromLabel
		span = l.Value
		if name == "" {
			return
		}
	default:
		if l.Label.Len() > 0 && (l.LabelIs(TermDatabaseWord) || strings.Contains(strings.ToLower(l.Text[l.Label.Start:l.Label.End]), "runner")) {
			// "PostgreSQL: external, 16.4 on two RHEL 9 VMs", "Runners:
			// Ubuntu 22.04 hosts": another system's servers.
			return
		}
		toks := l.Tokens
		if c, ok := columnOf(l, TermTarget); ok && l.Header.Has(TermCurrent) {
			// "| Server | CentOS 7.9 | RHEL 9.4 |" under "| | Current |
			// Target |": the upgrade runs on the target server, whatever
			// the prose says about the old one.
			if n, _ := osInTokens(l.Lower, l.Tokens[tokenAt(l, c.Start):tokenAt(l, c.End)]); n != "" {
				toks, span, from = l.Tokens[tokenAt(l, c.Start):tokenAt(l, c.End)], c, FromLabel
			}
		}
		name, ver = osInTokens(l.Lower, toks)
		if name == "" {
			return
		}
		// Package file names ("...el8.x86_64.rpm") count anywhere; names
		// in prose count outside the upgrade steps, where an OS is only
		// mentioned in passing.
	}
	if ver != "" && osReleaseOutput(l) && !otherInstanceItem(l) && !l.In(TermStaging) && !l.Has(TermStaging) && l.Kind != KindHeading {
		// "`lsb_release -d` vom 20.11.2026: `Ubuntu 20.04.6 LTS`": what the
		// server itself reports outweighs a stated OS ("os: Ubuntu 22.04").
		p.OS = &Fact{Value: osString(name, ver), Line: l, Span: span, From: FromFrontMatter}
		p.OSNoVersion = false
		return
	}
	if p.OS != nil {
		switch {
		case p.OS.From < from:
			if !p.OSNoVersion || ver == "" || !strings.HasPrefix(p.OS.Value, name) {
				return
			}
		case p.OS.From == from && (!p.OSNoVersion || ver == "") && !(otherInstanceItem(p.OS.Line) && !otherInstanceItem(l)):
			// (Unless the first one described another instance: "Instance
			// BU Réseaux: ... CentOS 7", then "sur RHEL 9.4 (toutes les VM)".)
			return
		}
	}
	if otherInstanceItem(l) && p.OS != nil {
		return
	}
	p.OS = &Fact{Value: osString(name, ver), Line: l, Span: span, From: from}
	p.OSNoVersion = ver == ""
}

// osReleaseOutput reports whether a line quotes what the server reports
// about its operating system (lsb_release, /etc/os-release, hostnamectl).
func osReleaseOutput(l *Line) bool {
	// (The command is written as code, in a block or inline.)
	if l.Kind != KindCode && len(l.Code) == 0 {
		return false
	}
	if l.Contains("hostnamectl") {
		return true
	}
	i := l.IndexOf("release")
	return i > 0 && (strings.HasSuffix(l.Lower[:i], "lsb_") || strings.HasSuffix(l.Lower[:i], "os-") || strings.HasSuffix(l.Lower[:i], "redhat-"))
}

// otherInstanceItem reports whether a line describes an instance other
// than the one the plan upgrades: a table row of another instance, or an
// item whose label names one ("**Recette** (...)", "**Instance BU
// Réseaux**").
func otherInstanceItem(l *Line) bool {
	if l.Kind == KindTableRow {
		return otherInstanceRow(l)
	}
	label := ""
	switch {
	case l.Label.Len() > 0:
		label = l.LowerLabel()
	case l.Item:
		// "**Instance BU Réseaux** (git.reseaux...) : ...": the item's
		// head, up to its parenthesis or colon.
		head := l.Lower
		if i := strings.IndexAny(head, "(:"); i > 0 && i <= 40 {
			label = head[:i]
		}
	}
	if label == "" {
		return false
	}
	if l.LabelIs(TermStaging) || strings.Contains(label, "prod") {
		return l.LabelIs(TermStaging) && !strings.Contains(label, "prod")
	}
	if strings.Contains(label, "business unit") {
		return true
	}
	for _, w := range strings.FieldsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "bu", "dr", "dev", "development", "entwicklung", "desarrollo", "sviluppo", "ontwikkeling", "tochter", "subsidiary", "filiale":
			return true
		}
	}
	return false
}

// mailHeader reports whether a line is the "Date:" header of an e-mail
// pasted into the plan ("From: ...", "Date: Thu, 26 Nov 2026 09:42
// -0500", "Subject: ..."): when the message was sent, not the window.
func mailHeader(l *Line) bool {
	return mailField(l, []string{"date", "sent", "datum", "gesendet", "fecha", "enviado", "envoyé", "verzonden", "verstuurd", "inviato", "data"}, "from", "subject", "von", "betreff", "de", "asunto", "objet", "van", "onderwerp", "da", "oggetto", "assunto")
}

// mailSubject reports whether a line is the "Subject:" header of an
// e-mail: it names the change the way a title does.
func mailSubject(l *Line) bool {
	if n := l.Label.Len(); n < 4 || n > 12 {
		return false
	}
	names := []string{"subject", "betreff", "asunto", "objet", "onderwerp", "oggetto", "assunto"}
	if l.Index <= 2 && l.Kind != KindCode && isMailField(l.Text[l.Label.Start:l.Label.End], names...) {
		// "**Asunto:** Solicitud de revisión – ... 18.5.7 → 18.8.11" at
		// the top of a message, with no other header around it.
		return true
	}
	return mailField(l, names, "from", "date", "sent", "to", "von", "an", "datum", "de", "para", "fecha", "à", "van", "aan", "verzonden", "da", "a", "inviato")
}

// mailField reports whether a line is the header field names of an
// e-mail: one of the neighbours, a few lines either side, is another
// header field.
func mailField(l *Line, names []string, neighbours ...string) bool {
	if l.Label.Len() == 0 || !isMailField(l.Text[l.Label.Start:l.Label.End], names...) {
		return false
	}
	lines := l.Section.Lines
	for i, o := range lines {
		if o != l {
			continue
		}
		for j := max(0, i-4); j < min(len(lines), i+5); j++ {
			if o := lines[j]; o != l && o.Label.Len() > 0 && isMailField(o.Text[o.Label.Start:o.Label.End], neighbours...) {
				return true
			}
		}
		break
	}
	return false
}

// isMailField reports whether a label is one of the names.
func isMailField(label string, names ...string) bool {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), "*_"))
	for _, n := range names {
		if label == n {
			return true
		}
	}
	return false
}

// windowSpan returns the part of a window line that holds the window: the
// value of "Window: ...", or the whole row of a schedule table, or of a
// table whose first column is itself a date or time ("| Inizio | Fine |"
// over "| sabato 12/12/2026 ore 07:00 | sabato 12/12/2026 ore 17:00 |").
func (r *planReader) windowSpan(l *Line) Span {
	if scheduleRow(l) {
		return Span{0, len(l.Text)}
	}
	if l.Kind == KindTableRow && l.Label.Len() > 0 && hasDigit(l.Text[l.Label.Start:l.Label.End]) {
		if sc := r.scan(l.Text[l.Label.Start:l.Label.End]); sc.Date != nil && sc.Start != nil {
			return Span{0, len(l.Text)}
		}
	}
	return valueSpan(l)
}

// boardLabel reports whether a line's label names an approval or a
// meeting about the change ("CAB date", "Approval", "Data do CAB",
// "Freigabe durch"), whose date is not the window's.
func boardLabel(l *Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	for _, m := range l.Matches {
		// ("Window agreed with CAB: Sunday ..." is the window.)
		if m.Term == TermWindow && m.End <= l.Label.End {
			switch l.Lower[m.Start:m.End] {
			case "date", "datum", "fecha", "data", "when":
			default:
				return false
			}
		}
	}
	for _, t := range l.Tokens {
		if t.Start < l.Label.Start || t.End > l.Label.End {
			continue
		}
		switch t.Word {
		case "cab", "approval", "approved", "genehmigung", "genehmigt", "freigabe", "aprobación", "aprobado", "approbation", "approuvé", "approvazione", "approvato", "goedkeuring", "goedgekeurd", "aprovação", "aprovado",
			"meeting", "besprechung", "reunión", "réunion", "riunione", "vergadering", "reunião":
			return true
		}
	}
	return false
}

// windowNames returns the short names of windows that a table column
// headed as the window gives ("F1", "W2", "Fenster A"), lower-cased.
func windowNames(d *Document) map[string]bool {
	var out map[string]bool
	for _, l := range d.Lines {
		h := l.Header
		if l.Kind != KindTableRow || h == nil || !h.Has(TermWindow) {
			continue
		}
		for i, c := range h.Cells {
			if i >= len(l.Cells) || !cellHas(h, c, TermWindow) {
				continue
			}
			name := strings.ToLower(strings.TrimSpace(l.Text[l.Cells[i].Start:l.Cells[i].End]))
			if len(name) == 0 || len(name) > 12 || !hasDigit(name) && len(name) > 2 || hasDate(name) {
				continue
			}
			if out == nil {
				out = map[string]bool{}
			}
			out[name] = true
		}
	}
	return out
}

// timeLabel reports whether a line's label is only a word for the time
// of day: "Time:", "| Uhrzeit |", "Heure :".
func timeLabel(l *Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	switch strings.Trim(strings.TrimSpace(l.LowerLabel()), "*_") {
	case "time", "times", "uhrzeit", "zeit", "hora", "horas", "heure", "heures", "horaire", "ora", "orario", "tijd", "tijdstip", "horário", "horario":
		return true
	}
	return false
}

// replacesWindow reports whether a window line says it replaces an earlier
// one: "New window", "Neuer Termin", "the date of 28-11 is cancelled".
func replacesWindow(l *Line) bool {
	if l.LabelIs(TermWindow) && l.Label.Len() > 0 {
		for _, w := range strings.Fields(l.LowerLabel()) {
			switch strings.Trim(w, "*_:") {
			case "new", "revised", "updated", "neuer", "neues", "neue", "nieuw", "nieuwe", "nuevo", "nueva", "nouveau", "nouvelle", "nuovo", "nuova", "novo", "nova":
				return true
			}
		}
	}
	return l.ContainsAny([]string{"vervalt", "entfällt", "is cancelled", "is canceled", "replaces the", "queda anulad", "est annulé", "annullat", "cancelad"}...)
}

// verbFirstCondition reports whether a German sentence of low opens with
// its verb to state a condition: "Sind sie am 19.12. um 07:00 nicht
// fertig, wird Fenster B verschoben".
func verbFirstCondition(low string) bool {
	for start := 0; start < len(low); {
		end := sentenceEnd(low, start)
		sent := strings.TrimLeft(low[start:end], " *_")
		start = end + 1
		for _, v := range []string{"sind ", "ist ", "sollte ", "sollten ", "gibt es "} {
			if strings.HasPrefix(sent, v) && strings.Contains(sent, ", ") {
				return true
			}
		}
	}
	return false
}

// CorrectedBetween reports whether a line between two window lines says
// the first date is corrected or moved: "**Korrektur zum Termin:** Der
// 09.01. klappt nicht, wir machen es eine Woche später".
func CorrectedBetween(d *Document, a, b *Line) bool {
	if b.Index <= a.Index {
		return false
	}
	if !d.correctionsDone {
		d.correctionsDone = true
		for _, l := range d.Lines {
			if l.Quote {
				continue
			}
			if leadingCorrection(l) || l.ContainsAny("change of date", "date change", "new date", "neuer termin", "nueva fecha", "nouvelle date", "nuova data", "nieuwe datum", "nova data",
				"postponed", "verschoben", "klappt nicht", "aplazad", "pospuest", "rinviat", "verplaatst", "adiad") || movedToDate(l) || l.ContainsAny(
				// ("reporté au 9 janvier" moves a date; "son identifiant est
				// reporté dans le dossier" records a value.)
				"reporté au", "reporté à", "reportée au", "reportée à", "reporté de ", "reportée de ", "reporté d'une", "reportée d'une") {
				if l.Has(TermConditional) || l.HasWord("sinon", "otherwise", "else", "sonst", "andernfalls", "si", "se", "als", "falls", "wenn", "if") || verbFirstCondition(l.Lower) {
					// ("sinon le second saut est reporté au 9 janvier": a
					// fallback, not a new date.)
					continue
				}
				d.corrections = append(d.corrections, l.Index)
			}
		}
	}
	for _, i := range d.corrections {
		if i > a.Index && i <= b.Index {
			return true
		}
	}
	return false
}

// leadingCorrection reports whether a line opens as a correction of what
// was said before: "Correction: the window moves to ...", "Korrektur t.o.v.
// bericht 1: ...". A correction named later in a line is something else
// ("CheckViolation possible ...; correction documentée").
func leadingCorrection(l *Line) bool {
	for i, t := range l.Tokens {
		if i > 3 {
			return false
		}
		switch t.Word {
		case "correction", "korrektur", "corrección", "correção", "correzione", "correctie", "rectification", "corrected", "korrigiert", "corregido", "corrigé", "corretto", "gecorrigeerd", "corrigido":
			return true
		}
	}
	return false
}

// movedToDate reports whether "moved to" is followed by a date or time:
// "the window moved to Saturday 16 January", not "moved to project
// tokens".
func movedToDate(l *Line) bool {
	i := l.IndexOf("moved to")
	return i >= 0 && hasDate(l.Text[i+len("moved to"):min(len(l.Text), i+len("moved to")+40)])
}

// bareWindowLine returns the first line that gives a whole window by
// itself, a coming date with its start, end and zone, when nothing else
// names one: "Zaterdag 12 december 2026 van 09:00 tot 14:00 uur (CET)."
// under a heading the vocabulary does not know.
func (r *planReader) bareWindowLine() *Line {
	for _, l := range r.doc.Lines {
		if l.Kind == KindCode || l.Kind == KindFrontMatter || l.Quote && !banner(l) || !l.hasDigit() || l.In(TermChangelog) || l.In(TermStaging) || l.In(TermRollback) || l.In(TermRisk) || mailHeader(l) {
			continue
		}
		sc := r.scan(l.Text)
		if sc.Date == nil || sc.Start == nil || sc.End == nil || sc.Zone == nil {
			continue
		}
		if d := sc.Date.At(sc.Start.Hour, sc.Start.Minute, time.UTC); d.Before(r.today) {
			continue
		}
		return l
	}
	return nil
}

// banner reports whether a quoted line is the status banner under the
// title ("> **Statut : VALIDÉ EN CAB** · Intervention le samedi 23 janvier
// 2027, de 20h00 à 04h00 (heure de Paris, UTC+1)"), the plan's own words
// rather than an older message or the documentation.
func banner(l *Line) bool {
	return l.Quote && l.QuoteDepth == 1 && l.Section.IsTitle && !l.Earlier && !l.Cited
}

// hasDate reports whether s holds a date or a time of day.
func hasDate(s string) bool {
	sc := when.Scan(s, time.Time{})
	return sc.Date != nil || sc.Start != nil
}

// readWindow finds the maintenance window: front matter first, then lines
// labelled or sectioned as the window, then any line that gives a date and
// a time for the upgrade.
func (r *planReader) readWindow() {
	p := r.plan
	d := r.doc
	w := &Window{}
	found := false
	if v, l := r.fm("window_start"); l != nil {
		found = true
		w.Line = l
		r.applyWindow(w, l, v, Span{l.Value.Start, l.Value.End})
		if tz, _ := r.fm("timezone"); tz != "" && !w.Zoned {
			r.applyZone(w, tz)
		}
		if dur, _ := r.fm("window_duration"); dur != "" {
			if dd, ok := when.ParseDuration(dur); ok {
				w.Duration = dd
			}
		}
		if end, _ := r.fm("window_end"); end != "" && w.HasDate && w.HasTime {
			ew := r.scan(end)
			if t, _, ok := ew.StartTime(); ok {
				if w.Zoned && ew.Zone == nil {
					t = wallIn(t, w.Start.Location())
				}
				if dd := t.Sub(w.Start); dd > 0 {
					w.Duration = dd
				}
			} else if ew.Start != nil {
				w.Duration, w.wall = untilClock(w.Start, ew.Start), true
			}
		}
		if isPlaceholderValue(v) {
			w.Placeholder = true
		}
	}
	// A front-matter start without an end ("wartungsfenster: 2027-01-09
	// 06:00 MEZ") takes its length from the body's window at the same
	// start ("Samstag, 09.01.2027, 06:00–14:00 Uhr MEZ").
	fmWindow, more := *w, p.MoreWindows
	fmStart := found && w.HasDate && w.HasTime && w.Duration == 0 && !w.Placeholder
	if fmStart {
		*w, found = Window{}, false
	}
	if !found || !w.HasDate || !w.HasTime {
		// Window sections and labels: first a line that gives date and
		// time together, then parts spread over the lines of one section
		// ("Date: ...", "Start: ...", "Timezone: ...").
		var winLines []*Line
		names := windowNames(d)
		for _, l := range d.Lines {
			if l.Kind == KindCode || l.Kind == KindFrontMatter || l.In(TermRollback) || l.In(TermChangelog) || l.In(TermStaging) && !l.LabelIs(TermWindow) && !l.Section.Names(TermWindow) || mailHeader(l) {
				continue
			}
			// A row of a schedule table headed "Window | Date | Time" is a
			// window wherever the table stands.
			if l.LabelIs(TermContact) && !l.Section.Names(TermWindow) {
				// "Contacto durante la ventana: ..." names a contact.
				continue
			}
			if atTheEnd(l) {
				// "At the end: unpause runners, watch Sidekiq for 30
				// minutes" is the last step, not the window's end.
				continue
			}
			if l.Label.Len() > 0 && l.ContainsAnyIn(l.LowerLabel(), "solicitud", "request", "created", "creation", "erstellt", "antrag", "demande", "création", "richiesta", "aanvraag", "pedido", "solicitação", "submitted", "eingereicht", "document", "dokument", "revision", "revisión", "révision") {
				// "| Fecha de solicitud | 23/11/2026 |" dates the request,
				// not the window.
				continue
			}
			if boardLabel(l) {
				// "| CAB date | 2026-12-01 |", "Data do CAB": the day the
				// change is approved, not the window.
				continue
			}
			if decisionLabel(l) {
				// "| Go/no-go | 13:00 UTC: ... the last hop moves to
				// Saturday 2027-01-16 |" names a decision and a fallback
				// date, not the window.
				continue
			}
			if l.LabelIs(TermWindow) || l.LabelIs(TermTimezone) || l.LabelIs(TermDuration) || l.In(TermWindow) && l.Kind != KindHeading || scheduleRow(l) || names != nil && l.Label.Len() > 0 && names[l.LowerLabel()] {
				// (A label may be a window's short name from a table's
				// window column: "| 1 | 17.8.7 | F1 |" and then "F1:
				// samedi 16 janvier 2027, 07:00–15:00 CET".)
				winLines = append(winLines, l)
			} else if n := len(winLines); n > 0 && winLines[n-1].Index == l.Index-1 && winLines[n-1].Label.Len() > 0 && timeLabel(l) {
				// "Date: 2026-12-12" / "Time: 22:00-02:00 CET" in a
				// summary: the time of the date above.
				winLines = append(winLines, l)
			}
		}
		var complete *Line
		settled := false
		for _, l := range winLines {
			if settled && !replacesWindow(l) && !(complete != nil && CorrectedBetween(d, complete, l)) && !gitlabRowAfter(complete, l) {
				continue
			}
			span := r.windowSpan(l)
			text := l.Text[span.Start:span.End]
			if !hasDigit(text) || l.Label.Len() > 0 && isEndLabel(l) {
				// ("| End | 2:00 AM CST on Sunday, December 13, 2026 |"
				// gives a date and a time, of the end.)
				continue
			}
			sc := r.scan(text)
			if sc.Date != nil && sc.Start != nil {
				if complete != nil && complete.Index < l.Index && (replacesWindow(l) || CorrectedBetween(d, complete, l)) {
					// "**New maintenance window:** Saturday 19-12-2026,
					// 09:00–17:00 CET. The date of 28-11 is cancelled": a
					// later message moves the window.
					complete = l
					continue
				}
				if gitlabRowAfter(complete, l) {
					// A maintenance calendar: "| 1 | RHEL 9 fleet | ... |
					// Sat 2027-01-09 |" then "| 3 | GitLab EE gitlab01 |
					// ... | Sat 2027-01-16 |": GitLab's row is the window.
					complete = l
					settled = true
					continue
				}
				if complete == nil {
					complete = l
				}
				// "| Staging | ... |" then "| Production | ... |": the
				// production window is the one under review.
				if !l.Has(TermStaging) || l.HasWord("production", "prod", "produktion", "produktiv", "producción", "produccion", "produção", "producao", "produzione", "productie") {
					complete = l
					// (Only a later line that moves the window replaces it.)
					settled = true
				}
			}
		}
		if complete != nil && !complete.Quote {
			// "Nueva fecha. ... la ventana pasa al sábado 16 de enero de
			// 2027, de 08:00 a 16:00" in a later message: the window the
			// thread settled on, wherever it is written.
			for _, l := range d.Lines[complete.Index+1:] {
				if l.Quote || l.Kind == KindCode || !l.Has(TermWindow) || !l.hasDigit() || l.In(TermRollback) || l.In(TermStaging) {
					continue
				}
				if !CorrectedBetween(d, complete, l) {
					// (Cheap, from the document's list of corrections: most
					// plans have none, and scan nothing here.)
					continue
				}
				if sc := r.scan(l.Text); sc.Date != nil && sc.Start != nil {
					complete = l
				}
			}
		}
		if complete != nil && complete.Quote {
			// A window in a quoted, older message of a thread gives way
			// to one the newest message names.
			if l, span, ok := r.unquotedWindow(); ok {
				*w = Window{}
				w.Line = l
				r.mergeWindowLine(w, l, span)
				found = true
				complete = nil
				winLines = nil
			}
		}
		if complete != nil {
			*w = Window{}
			r.mergeWindowLine(w, complete, r.windowSpan(complete))
			found = true
			if w.Zone != "" && complete.Kind == KindTableRow {
				r.moreWindows(w, complete, winLines)
			}
			if w.Zone == "" && complete.Label.Len() > 0 {
				// "| **UTC** | Saturday 23 January 2027, 00:00 | ... |": the
				// row's label is the zone.
				if sc := r.scan(complete.Text[complete.Label.Start:complete.Label.End]); sc.Zone != nil {
					r.applyZoneAt(w, complete, complete.Label)
				}
			}
			if w.Duration == 0 && w.HasTime {
				// "| Fenêtre 1 | samedi 12 décembre 2026 | 08:00 | 14:00 |"
				// under "| ... | Heure de début | Heure de fin |": the end
				// column gives the window's length.
				r.endColumn(w, complete)
			}
			if h := complete.Header; w.Zone == "" && complete.Kind == KindTableRow && h != nil && w.Line == complete {
				// "| Date and time (Europe/London, UTC+00:00) |" heads the
				// column of dated windows.
				if span := zoneColumn(complete, w.TimeSpan); r.scan(h.Text[span.Start:span.End]).Zone != nil {
					r.applyZoneAt(w, h, span)
				}
			}
			// Zone or duration on a neighbouring line of the same section.
			for _, l := range winLines {
				if l == complete || l.Section != complete.Section {
					continue
				}
				if w.Zone == "" && (l.LabelIs(TermTimezone) || !l.hasDigit()) {
					r.mergeWindowLine(w, l, valueSpan(l))
				} else if w.Zone == "" && l.Index < complete.Index && strings.HasSuffix(strings.TrimSpace(l.Text), ":") {
					// "Windows (Europe/Helsinki, UTC+02:00):" over the
					// list of dated windows, "Horário de Brasília
					// (America/Sao_Paulo, BRT, UTC-3):" over their table.
					if sc := r.scan(l.Text); sc.Zone != nil && sc.Date == nil && sc.Start == nil {
						r.applyZoneAt(w, l, Span{0, len(l.Text)})
					}
				}
				if w.Duration == 0 && l.hasDigit() && !r.rehearsalTiming(l) {
					span := valueSpan(l)
					sc := r.scan(l.Text[span.Start:span.End])
					if isEndLabel(l) {
						// "End: 18:00 UTC (07:00–19:00 Europe/Berlin)": the
						// end is the time before the conversions.
						if i := strings.Index(l.Text[span.Start:span.End], "("); i > 0 {
							if pre := r.scan(l.Text[span.Start : span.Start+i]); pre.Start != nil {
								sc = pre
							}
						}
					}
					if sc.Start != nil && sc.Date == nil && (l.LabelIs(TermWindow) || l.Has(TermWindow)) && w.HasTime && isEndLabel(l) {
						w.Duration, w.wall = untilClock(w.Start, sc.Start), true
					} else if sc.Date != nil && sc.Start != nil && isEndLabel(l) {
						if d, wall := untilEnd(w, sc); d > 0 {
							w.Duration, w.wall = d, wall
						}
					} else if sc.Duration > 0 {
						w.Duration, w.wall = sc.Duration, sc.DurationSpan == when.Span{}
					}
				}
			}
		} else {
			var sec *Section
			for _, l := range winLines {
				span := valueSpan(l)
				if scheduleRow(l) {
					span = Span{0, len(l.Text)}
				}
				if isPlaceholderValue(l.Text[span.Start:span.End]) && (l.LabelIs(TermWindow) || l.LabelIs(TermTimezone)) {
					if w.Line == nil {
						w.Line = l
					}
					w.Placeholder = true
					continue
				}
				if sec != nil && l.Section != sec {
					continue
				}
				if r.mergeWindowLine(w, l, span) {
					found = true
					sec = l.Section
				}
			}
			if found && w.HasDate != w.HasTime {
				// "| F1 | Sa 06.03.2027 | ... |" in the path table, then
				// "## Wartungsfenster" / "Samstags jeweils 07:00–19:00 Uhr
				// MEZ, Daten siehe Tabelle oben": the part the first
				// section lacks, from a line that gives only that part.
				for _, l := range winLines {
					if l.Section == sec {
						continue
					}
					span := r.windowSpan(l)
					text := l.Text[span.Start:span.End]
					if !hasDigit(text) {
						continue
					}
					sc := r.scan(text)
					if w.HasDate && sc.Start != nil && sc.Date == nil || w.HasTime && sc.Date != nil && sc.Start == nil {
						r.mergeWindowLine(w, l, span)
						break
					}
				}
			}
			if found && w.HasTime && !w.HasDate && w.Line != nil && w.Line.HasWord("above", "sopra", "oben", "arriba", "ci-dessus", "dessus", "hierboven", "acima", "table", "tabella", "tabelle", "tabla", "tableau", "tabel", "tabela", "listed", "indicato", "indicati", "genannten", "indicados", "indiqués") {
				// "Ogni sabato indicato sopra, 07:00–19:00 CET": the dates
				// are the rows of a table above.
				for _, l := range d.Lines {
					if l.Kind != KindTableRow || l.Index >= w.Line.Index || l.In(TermRollback) || l.In(TermStaging) || !l.hasDigit() {
						continue
					}
					if sc := r.scan(l.Text); sc.Date != nil && sc.Start == nil {
						r.mergeWindowLine(w, l, Span{0, len(l.Text)})
						break
					}
				}
			}
			if !found && w.Line == nil {
				// A window named without a date ("a Saturday evening in
				// December"): keep the line so the finding points at it.
				for _, l := range winLines {
					if l.Has(TermWhenWord) || l.LabelIs(TermWindow) && strings.TrimSpace(l.ValueText()) != "" {
						w.Line = l
						break
					}
				}
			}
		}
	}
	if fmStart {
		body := *w
		*w, found, p.MoreWindows = fmWindow, true, more
		if body.HasDate && body.HasTime && body.Start.Equal(w.Start) {
			w.Duration, w.wall = body.Duration, body.wall
		}
	}
	if !w.HasDate || !w.HasTime {
		// "## Timeline — Saturday 2026-12-19 (all times America/New_York)"
		// over a table of clock times.
		if tw, ok := r.timelineWindow(); ok {
			*w = tw
			found = true
		}
	}
	if !w.HasDate || !w.HasTime {
		// Prose: "The upgrade runs on Saturday 12 December 2026 from 22:00 CET."
		// A line that names the window wins over one that only speaks of
		// the upgrade or the runbook ("Meeting 2026-11-24, 14:00 CET ...
		// runbook below", then "the window is Tuesday 2026-12-01, 19:00").
		var first, named *Line
		for _, l := range d.Lines {
			if l.Kind == KindCode && r.zoneLineAfter(l) == nil || l.Kind == KindFrontMatter || l.In(TermChangelog) || l.In(TermStaging) || mailHeader(l) {
				// (A calendar invite pasted as code, its date and time
				// over its zone, is read.)
				continue
			}
			if !l.hasDigit() {
				continue
			}
			if (l.In(TermRollback) || l.In(TermRisk)) && !l.Has(TermWindow) {
				continue
			}
			sc := r.scan(l.Text)
			if sc.Date == nil || sc.Start == nil {
				continue
			}
			if !(l.Has(TermUpgradeVerb) || l.Has(TermWindow) || l.In(TermWindow) || l.Has(TermProcedure) || l.Has(TermEvent) && (l.Has(TermTakesPlace) || l.Has(TermTimezone)) || r.zoneLineAfter(l) != nil) {
				// ("The change takes place on 2026-12-12 at 22:00 UTC",
				// "L'intervention aura lieu le ...": the change as an
				// event.)
				continue
			}
			if w.HasDate && !w.HasTime && w.Line != nil {
				// Keep the date found in the window section if it agrees.
				if w.Start.Year() != sc.Date.Year || w.Start.Month() != sc.Date.Month || w.Start.Day() != sc.Date.Day {
					continue
				}
			}
			if first == nil || first.Quote && !l.Quote {
				// (The newest message of a thread, unquoted, wins over
				// the older ones quoted below it.)
				first = l
			}
			if l.Has(TermWindow) && !l.Has(TermNeg) && !l.In(TermRollback) {
				if l.Quote && !first.Quote {
					// "> ... ons plan voor zaterdag 9 januari vanaf 07:00
					// CET" quotes an older message than the runbook's
					// heading above.
					continue
				}
				named = l
				break
			}
		}
		if named == nil {
			named = first
		}
		if named == nil {
			named = r.bareWindowLine()
		}
		if named != nil {
			*w = Window{}
			w.Line = named
			r.mergeWindowLine(w, named, Span{0, len(named.Text)})
			found = true
		}
	}
	if w.HasDate && !w.HasTime && w.Line != nil {
		// "| 1 | 17.5.5 → 17.8.7 | ... | Sat 2026-12-12 |" and "Each
		// window runs 07:00–13:00 UTC": the time from a window line
		// without a date.
		for _, l := range r.doc.Lines {
			if l == w.Line || l.Kind == KindCode || l.Kind == KindFrontMatter || !l.Has(TermWindow) || l.In(TermStaging) || l.In(TermRollback) || l.In(TermRisk) || !l.hasDigit() {
				continue
			}
			if sc := r.scan(l.Text); sc.Start != nil && sc.Date == nil {
				r.mergeWindowLine(w, l, Span{0, len(l.Text)})
				break
			}
		}
	}
	if w.HasTime && w.Zone == "" {
		// "All times in this plan are Eastern Standard Time (EST,
		// UTC−05:00)" gives the zone of the window's clock times.
		for _, l := range d.Lines {
			if l.Kind == KindCode || !l.ContainsAny(allTimesPhrases...) {
				continue
			}
			if sc := r.scan(l.Text); sc.Zone != nil {
				r.applyZoneAt(w, l, Span{0, len(l.Text)})
				break
			}
		}
	}
	if w.HasTime && w.Zone == "" && w.Line != nil {
		if z := r.zoneLineAfter(w.Line); z != nil {
			// A calendar invite: "sábado, 9 de enero de 2027⋅7:00 –
			// 15:00" over "Zona horaria: (GMT+01:00) Hora estándar de
			// Europa central - Madrid".
			r.applyZoneAt(w, z, Span{0, len(z.Text)})
		}
	}
	if w.HasTime && w.Zone == "" && w.Line != nil && w.Line.Kind == KindTableRow && w.Line.Header != nil && hasZoneOnly(w.Line.Header, r.today) {
		// "| | Date | Time (AEDT, UTC+11:00) | Hop |" over the window's
		// row: the column gives the zone.
		r.applyZoneAt(w, w.Line.Header, zoneColumn(w.Line, w.TimeSpan))
	}
	if w.HasTime && w.Zone == "" && w.Line != nil {
		// "## Windows (Europe/London, GMT, UTC+0)" over the dated list:
		// the heading of the window's section gives the zone.
		for s := w.Line.Section; s != nil; s = s.Parent {
			if h := s.Heading; h != nil && !s.IsTitle && hasZoneOnly(h, r.today) {
				r.applyZoneAt(w, h, Span{0, len(h.Text)})
				break
			}
		}
	}
	if w.HasTime && !w.HasDate && w.Line != nil {
		// "Window: the weekend after the release freeze, Saturday
		// 07:00–12:00 ET", and elsewhere "so the upgrade is on Saturday,
		// December 12, 2026": the day of the window, from the prose.
		r.dateFromProse(w)
	}
	if found || w.Placeholder || w.Line != nil {
		w.elapse()
		p.Window = w
	}
	for _, o := range p.MoreWindows {
		o.elapse()
	}
}

// zoneColumn returns the part of a table row's header that gives the zone
// of the time at span: the header cell above it when the cells line up
// ("| | Local time (Shanghai) | UTC |" gives the first time no zone), else
// the whole header.
func zoneColumn(row *Line, at Span) Span {
	h := row.Header
	if len(h.Cells) == len(row.Cells) {
		for ci, c := range row.Cells {
			if at.Start >= c.Start && at.End <= c.End {
				return h.Cells[ci]
			}
		}
	}
	return Span{0, len(h.Text)}
}

// hasZoneOnly reports whether a heading names a time zone and no date.
func hasZoneOnly(h *Line, today time.Time) bool {
	sc := when.Scan(h.Text, today)
	return sc.Zone != nil && sc.Date == nil
}

// allTimesPhrases introduce the zone every time of a plan is given in.
var allTimesPhrases = []string{"all times", "times in this plan", "times are in", "times are given in", "alle zeiten", "alle uhrzeiten", "alle zeitangaben", "todas las horas", "todos los horarios", "toutes les heures", "tous les horaires", "tutti gli orari", "tutte le ore", "todos os horários", "todos os horarios", "alle tijden", "alle tijdstippen", "horaires en", "orari in", "horários em", "tijden in"}

// dateFromProse completes a window that has a time but no date with the
// first date a line gives for the upgrade or the window.
func (r *planReader) dateFromProse(w *Window) {
	for _, l := range r.doc.Lines {
		if l == w.Line || l.Kind == KindCode || l.Kind == KindFrontMatter || l.In(TermChangelog) || l.In(TermStaging) || l.In(TermRollback) || l.In(TermRisk) || mailHeader(l) || !l.hasDigit() {
			continue
		}
		// The date after the last word for the upgrade or the window:
		// "The freeze runs from 2026-12-01 to 2026-12-11, so the upgrade
		// is on Saturday, December 12, 2026".
		from := -1
		for _, m := range l.Matches {
			if (m.Term == TermUpgradeVerb || m.Term == TermWindow) && !negatedBefore(l, m, 3) {
				from = m.Start
			}
		}
		if from < 0 && l.Kind == KindTableRow && l.Header != nil && l.Header.Has(TermWindow) {
			// "| 1 | 18.2.8 | 18.5.7 | Sa. 12.12.2026 |" under "| Schritt
			// | Von | Nach | Termin |": the first window's date.
			from = 0
		}
		if from < 0 {
			continue
		}
		sc := r.scan(l.Text[from:])
		if sc.Date == nil || approximateDate(l.Text[from:from+sc.Date.Span.Start]) {
			continue
		}
		if wd, ok := weekdayNamed(w.Line); ok && sc.Date.At(0, 0, time.UTC).Weekday() != wd {
			// "Saturday 07:00" on the window line and a Tuesday here.
			continue
		}
		loc := w.Start.Location()
		w.Start = sc.Date.At(w.Start.Hour(), w.Start.Minute(), loc)
		w.HasDate = true
		w.DateLine = l
		w.DateSpan, w.DateBack = shift(sc.Date.Span, from), sc.Date.Back
		return
	}
}

// weekdayNamed returns the one weekday a line names in full.
func weekdayNamed(l *Line) (time.Weekday, bool) {
	found, n := time.Sunday, 0
	for _, t := range l.Tokens {
		if d, ok := when.WeekdayNamed(t.Word); ok && (n == 0 || d != found) {
			found = d
			n++
		}
	}
	return found, n == 1
}

// unquotedWindow finds a line outside block quotes that names the window
// with a date and a start time ("The new window is Saturday 19 December
// 2026, 09:00–14:00 AEDT"), and the part of it from the window word on.
func (r *planReader) unquotedWindow() (*Line, Span, bool) {
	for _, l := range r.doc.Lines {
		if l.Quote || l.Kind == KindCode || l.Kind == KindFrontMatter || l.In(TermRollback) || l.In(TermStaging) || mailHeader(l) || !l.hasDigit() {
			continue
		}
		ms := l.FindAll(TermWindow)
		if len(ms) == 0 && l.Kind == KindHeading && l.Has(TermProcedure) {
			// "## Draaiboek – zaterdag 9 januari 2027, 06:00–14:00 CET":
			// the runbook's heading dates it.
			if sc := r.scan(l.Text); sc.Date != nil && sc.Start != nil {
				return l, Span{0, len(l.Text)}, true
			}
			continue
		}
		if len(ms) == 0 || negatedBefore(l, ms[len(ms)-1], 2) {
			continue
		}
		span := Span{ms[len(ms)-1].Start, len(l.Text)}
		sc := r.scan(l.Text[span.Start:span.End])
		if sc.Date != nil && sc.Start != nil {
			return l, span, true
		}
	}
	return nil, Span{}, false
}

// valueSpan returns the value part of a labelled line, or all of it. In
// a table with a column for production ("| | Staging | Production |"),
// the value is that column's cell: production is what the plan is for.
func valueSpan(l *Line) Span {
	if l.Label.Len() > 0 {
		if c, ok := productionCell(l); ok {
			return c
		}
		return l.Value
	}
	return Span{0, len(l.Text)}
}

// productionCell returns a table row's cell under a production column.
func productionCell(l *Line) (Span, bool) {
	h := l.Header
	if l.Kind != KindTableRow || h == nil || len(h.Cells) != len(l.Cells) || len(l.Cells) < 3 {
		return Span{}, false
	}
	for i, c := range h.Cells {
		if i == 0 {
			continue
		}
		switch strings.TrimSpace(h.Lower[c.Start:c.End]) {
		case "production", "prod", "produktion", "producción", "produccion", "live", "prd":
			if c := l.Cells[i]; c.Start >= l.Value.Start {
				return c, true
			}
		}
	}
	return Span{}, false
}

// decisionLabel reports whether a line is labelled as a decision point, a
// cut-off or a fallback date: "Go/no-go", "Point de décision",
// "Rollback cut-off", "Ausweichtermin".
func decisionLabel(l *Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	label := strings.ToLower(l.Text[l.Label.Start:l.Label.End])
	for _, w := range []string{"go/no-go", "go/no go", "go no go", "go-no-go", "no-go", "decision", "décision", "entscheidung", "decisión", "decisione", "decisão", "decisao", "beslis", "cut-off", "cutoff", "fallback", "alternative date", "alternate date", "backup date", "spare date", "date de repli", "repli", "ausweich", "fecha alternativa", "data alternativa", "reservedatum",
		"abort", "abbruch", "abandon", "annulation", "cancelación", "interruzione", "afbreken"} {
		if strings.Contains(label, w) {
			return true
		}
	}
	return false
}

// atTheEnd reports whether a line's label only says "at the end" of
// something: a step, not the end of the window.
func atTheEnd(l *Line) bool {
	switch plainLabel(l) {
	case "at the end", "in the end", "by the end", "at end", "finally", "am ende", "zum schluss", "am schluss", "al final", "à la fin", "no final", "alla fine":
		return true
	}
	return false
}

// timelineWindow reads a window from a schedule whose heading gives the
// date (and often the zone) and whose table rows start with clock times:
// the first row starts the window, the row that ends it ("| 17:30 |
// Window ends |"), or else the last row, ends it.
func (r *planReader) timelineWindow() (Window, bool) {
	for _, s := range r.doc.Sections {
		h := s.Heading
		if h == nil || h.In(TermRollback) || h.In(TermStaging) || h.In(TermChangelog) {
			continue
		}
		if !h.Has(TermWindow) && !h.HasWord("timeline", "schedule", "zeitplan", "ablauf", "cronograma", "calendrier", "déroulé", "tijdlijn", "planning") {
			continue
		}
		hs := r.scan(h.Text)
		if hs.Date == nil || hs.Start != nil {
			continue
		}
		var rows []*Line
		var leads []Span
		for _, l := range s.Lines {
			c, ok := timelineLead(l)
			if !ok {
				continue
			}
			if cs := r.scan(l.Text[c.Start:c.End]); cs.Start != nil && cs.Date == nil {
				rows = append(rows, l)
				leads = append(leads, c)
			}
		}
		if len(rows) < 2 {
			continue
		}
		var w Window
		first := rows[0]
		r.mergeWindowLine(&w, first, leads[0])
		r.mergeWindowLine(&w, h, Span{0, len(h.Text)})
		w.DateLine = h
		end := len(rows) - 1
		for i, l := range rows[1:] {
			if l.HasWord("end", "ends", "ende", "fin", "einde", "close", "closes", "término", "termino", "fim", "fine") {
				end = i + 1
				break
			}
		}
		if es := r.scan(rows[end].Text[leads[end].Start:leads[end].End]); es.Start != nil && w.Duration == 0 && w.HasTime {
			w.Duration, w.wall = untilClock(w.Start, es.Start), true
		}
		if w.HasDate && w.HasTime {
			return w, true
		}
	}
	return Window{}, false
}

// untilClock returns the time on the wall clock from t to the next time it
// shows c: from 22:00 to 02:00 is four hours, into the next day.
func untilClock(t time.Time, c *when.Clock) time.Duration {
	d := time.Duration(c.Hour-t.Hour())*time.Hour + time.Duration(c.Minute-t.Minute())*time.Minute
	if d <= 0 {
		d += 24 * time.Hour
	}
	return d
}

// untilEnd returns the time from the window's start to a dated end time,
// and whether it is measured on the wall clock. An end written with its own
// offset ("Ende: Sonntag, 28. März 2027, 06:00 Uhr MESZ") after a zoned
// start is elapsed time.
func untilEnd(w *Window, end when.Window) (time.Duration, bool) {
	if z := end.Zone; z != nil && z.Fixed && w.Zoned {
		return end.Date.At(end.Start.Hour, end.Start.Minute, time.FixedZone(z.Text, z.Offset)).Sub(w.Start), false
	}
	st := w.Start
	return end.Date.At(end.Start.Hour, end.Start.Minute, time.UTC).Sub(wallIn(st, time.UTC)), true
}

// wallIn returns the time that t's wall clock shows, to the minute, in
// loc.
func wallIn(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc)
}

// elapse turns a window's wall-clock length into the time that passes:
// "Saturday 23:00 to Sunday 03:00 Europe/Amsterdam" on the night the
// clocks go forward lasts three hours.
func (w *Window) elapse() {
	if !w.wall || w.Duration <= 0 || !w.Zoned {
		return
	}
	st := w.Start
	e := wallIn(st, time.UTC).Add(w.Duration)
	if d := wallIn(e, st.Location()).Sub(st); d > 0 {
		w.Duration = d
	}
	w.wall = false
}

// scan reads the dates, times, durations and zones of text, with the
// document's order of day and month.
func (r *planReader) scan(text string) when.Window {
	if r.dayFirst {
		return when.ScanDayFirst(text, r.today)
	}
	return when.Scan(text, r.today)
}

// dayFirstDocument reports whether a document writes its ambiguous
// numeric dates ("09/01/2027") day first. Its other dates decide: one
// that can only be day first ("19/12/2026") against one that can only be
// month first ("12/19/2026"). Without such dates, European zone names
// ("CET", "MEZ", "Europe/Madrid") and no US ones decide.
func dayFirstDocument(d *Document) bool {
	dayFirst, monthFirst, europe, us := 0, 0, 0, 0
	for _, l := range d.Lines {
		t := l.Text
		if !l.hasDigit() {
			// Dates and clock times (beside their zones) have digits.
			continue
		}
		for i := 1; i+1 < len(t); i++ {
			j := strings.IndexAny(t[i:len(t)-1], "/-")
			if j < 0 {
				break
			}
			i += j
			if !isDigitByte(t[i-1]) || !isDigitByte(t[i+1]) {
				continue
			}
			a, aStart := numBefore(t, i)
			b, bEnd := numAfter(t, i+1)
			if aStart < 0 || bEnd < 0 || bEnd >= len(t) || t[bEnd] != t[i] || aStart > 0 && (isDigitByte(t[aStart-1]) || t[aStart-1] == '.') {
				continue
			}
			if y, yEnd := numAfter(t, bEnd+1); yEnd-(bEnd+1) != 4 || y < 1990 {
				continue
			}
			switch {
			case a > 12 && a <= 31 && b >= 1 && b <= 12:
				dayFirst++
			case b > 12 && b <= 31 && a >= 1 && a <= 12:
				monthFirst++
			}
		}
		for _, tok := range l.Tokens {
			switch tok.Word {
			case "cet", "cest", "mez", "mesz", "eet", "eest", "europe", "brt", "asia", "australia", "africa":
				europe++
			case "pst", "pdt", "edt", "cdt", "mdt":
				us++
			case "america":
				// "America/Sao_Paulo" writes day first, "America/Chicago"
				// month first.
				if rest := l.Lower[tok.End:]; strings.HasPrefix(rest, "/new_york") || strings.HasPrefix(rest, "/chicago") || strings.HasPrefix(rest, "/denver") || strings.HasPrefix(rest, "/los_angeles") || strings.HasPrefix(rest, "/phoenix") || strings.HasPrefix(rest, "/anchorage") {
					us++
				} else if strings.HasPrefix(rest, "/") {
					europe++
				}
			}
		}
	}
	if dayFirst != monthFirst {
		return dayFirst > monthFirst
	}
	return europe > 0 && us == 0
}

// numBefore reads the one- or two-digit number that ends at i: its value
// and start, or -1.
func numBefore(t string, i int) (int, int) {
	j := i
	for j > 0 && i-j < 2 && isDigitByte(t[j-1]) {
		j--
	}
	if j == i || j > 0 && isDigitByte(t[j-1]) {
		return 0, -1
	}
	n := 0
	for k := j; k < i; k++ {
		n = n*10 + int(t[k]-'0')
	}
	return n, j
}

// numAfter reads the number of up to four digits that starts at i: its
// value and end, or -1.
func numAfter(t string, i int) (int, int) {
	j, n := i, 0
	for j < len(t) && j-i < 4 && isDigitByte(t[j]) {
		n = n*10 + int(t[j]-'0')
		j++
	}
	if j == i || j < len(t) && isDigitByte(t[j]) {
		return 0, -1
	}
	return n, j
}

// gitlabRowAfter reports whether row l names GitLab in the table of the
// window row c, which does not.
func gitlabRowAfter(c, l *Line) bool {
	return c != nil && l.Kind == KindTableRow && c.Kind == KindTableRow && l.Header != nil && l.Header == c.Header && l.HasWord("gitlab") && !c.HasWord("gitlab") && c.Has(TermOtherProduct) && !l.Has(TermNeg)
}

// endColumn sets the window's length from the cell of a table row whose
// column header names the end: "Heure de fin", "End", "Ende".
func (r *planReader) endColumn(w *Window, row *Line) {
	h := row.Header
	if row.Kind != KindTableRow || h == nil || len(h.Cells) != len(row.Cells) {
		return
	}
	for i, c := range h.Cells {
		if !endColumnName(columnName(h, c)) {
			continue
		}
		cell := row.Cells[i]
		sc := r.scan(row.Text[cell.Start:cell.End])
		if sc.Start == nil || sc.Date != nil {
			return
		}
		w.Duration, w.wall = untilClock(w.Start, sc.Start), true
		return
	}
}

// endColumnName reports whether a column header names a window's end.
func endColumnName(name string) bool {
	switch name {
	case "end", "end time", "ende", "endzeit", "fin", "hora de fin", "heure de fin", "fine", "ora di fine", "einde", "eindtijd", "término", "termino", "fim", "hora de término", "until", "bis", "hasta":
		return true
	}
	return false
}

// zoneLineAfter returns the line right after l when it only names a
// time zone, as a calendar invite does under its date and time ("Time
// zone: Central European Time - Madrid"); otherwise nil.
func (r *planReader) zoneLineAfter(l *Line) *Line {
	d := r.doc
	if l.Index+1 >= len(d.Lines) {
		return nil
	}
	n := d.Lines[l.Index+1]
	if n.Kind != l.Kind || n.Quote != l.Quote || !n.Has(TermTimezone) || !l.hasDigit() {
		return nil
	}
	sc := r.scan(n.Text)
	if sc.Zone == nil || sc.Date != nil {
		return nil
	}
	return n
}

// timelineLead returns the part of a timeline row that holds its clock
// time: a table row's first cell, or the first word of a line in a code
// block ("06:00 ├─ broadcast message up", "6:00 AM  runners paused").
func timelineLead(l *Line) (Span, bool) {
	switch l.Kind {
	case KindTableRow:
		if len(l.Cells) == 0 {
			return Span{}, false
		}
		return l.Cells[0], true
	case KindCode:
		if len(l.Tokens) == 0 || l.Tokens[0].Start > 8 || !isDigitWord(l.Tokens[0].Word) {
			return Span{}, false
		}
		end := strings.IndexByte(l.Text[l.Tokens[0].Start:], ' ')
		if end < 0 {
			return Span{}, false
		}
		end += l.Tokens[0].Start
		if rest := strings.ToLower(l.Text[end:]); strings.HasPrefix(rest, " am") || strings.HasPrefix(rest, " pm") {
			end += 3
		}
		return Span{0, end}, true
	}
	return Span{}, false
}

// isEndLabel reports whether a line states the end of the window.
func isEndLabel(l *Line) bool {
	for _, t := range l.Tokens {
		if t.End > l.Label.End && l.Label.Len() > 0 {
			break
		}
		switch t.Word {
		case "end", "ende", "fin", "until", "bis", "hasta", "jusqu", "finish", "finished", "back", "retour", "término", "termino", "fim", "fine", "einde":
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// rehearsalTiming reports whether a line, or the line of its paragraph
// just above it, tells how long the rehearsal took ("O ensaio em
// homologação ... levou / 50 min no passo 1"): the time of one step, not
// the length of the window.
func (r *planReader) rehearsalTiming(l *Line) bool {
	if l.Has(TermStaging) {
		return true
	}
	if l.Index == 0 {
		return false
	}
	prev := r.doc.Lines[l.Index-1]
	return prev.Num == l.Num-1 && prev.Kind == l.Kind && prev.Section == l.Section && prev.Has(TermStaging)
}

// mergeWindowLine adds what one line says about the window. It reports
// whether the line gave a date or a time.
func (r *planReader) mergeWindowLine(w *Window, l *Line, span Span) bool {
	text := l.Text[span.Start:span.End]
	if !hasDigit(text) {
		if w.Zone == "" && l.LabelIs(TermTimezone) {
			r.applyZoneAt(w, l, span)
		}
		return false
	}
	sc := r.scan(text)
	got := false
	if sc.Date != nil && !w.HasDate && !approximateDate(text[:sc.Date.Span.Start]) {
		w.HasDate = true
		w.DateSpan, w.DateBack = shift(sc.Date.Span, span.Start), sc.Date.Back
		w.Start = sc.Date.At(w.Start.Hour(), w.Start.Minute(), w.Start.Location())
		if w.Line == nil || !w.HasTime {
			w.Line = l
		}
		if w.Line != l {
			// ("Datum: Freitag, 16. Januar 2027" under "Zeit: 09:00–14:00
			// MEZ": the span is in the date's line.)
			w.DateLine = l
		}
		got = true
	}
	if sc.Start != nil && !w.HasTime {
		w.HasTime = true
		w.TimeSpan = shift(sc.Start.Span, span.Start)
		y, m, dd := w.Start.Date()
		w.Start = time.Date(y, m, dd, sc.Start.Hour, sc.Start.Minute, 0, 0, w.Start.Location())
		if w.HasDate && w.Line != nil && w.Line != l && w.DateLine == nil && (sc.Date == nil || w.DateSpan != shift(sc.Date.Span, span.Start)) {
			// The date came from the line before: "Datum: Freitag, 16.
			// Januar 2027" / "Zeit: 09:00–14:00 MEZ".
			w.DateLine = w.Line
		}
		w.Line = l
		got = true
		if sc.End != nil && w.Duration == 0 {
			// "19:00–23:30 CET ... (rehearsed rollback 1 h 48 min)": the
			// range is the window, the other duration something else.
			// ("Saturday 06:00 until Sunday 18:00" is 36 h.)
			d := sc.Range
			if d <= 0 {
				d = time.Duration(sc.End.Hour-sc.Start.Hour)*time.Hour + time.Duration(sc.End.Minute-sc.Start.Minute)*time.Minute
				if d <= 0 {
					d += 24 * time.Hour
				}
			}
			w.Duration, w.wall = d, true
		} else if sc.Duration > 0 && w.Duration == 0 {
			w.Duration, w.wall = sc.Duration, sc.DurationSpan == when.Span{}
		}
	} else if sc.Start != nil && w.HasTime && w.HasDate && w.Duration == 0 && l.Label.Len() > 0 && isEndLabel(l) {
		// "| Start | 06:00 UTC |" then "| End | 18:00 UTC |".
		st := w.Start
		if sc.Date == nil {
			w.Duration, w.wall = untilClock(st, sc.Start), true
		} else if d, wall := untilEnd(w, sc); d > 0 {
			w.Duration, w.wall = d, wall
		}
	} else if sc.Duration > 0 && w.Duration == 0 && sc.DurationSpan != (when.Span{}) && !r.rehearsalTiming(l) {
		w.Duration = sc.Duration
	}
	if w.Zone == "" && l.LabelIs(TermTimezone) {
		// "Time zone: CST = China Standard Time ... for Austin 8:00 am
		// to 2:00 pm US Central": the label's value, not the zone of a
		// time in a later sentence.
		zs := span
		if i := strings.Index(l.Text[span.Start:span.End], ". "); i > 0 {
			zs.End = span.Start + i
		}
		r.applyZoneAt(w, l, zs)
	}
	if sc.Zone != nil && w.Zone == "" {
		w.Zone = sc.Zone.Text
		w.ZoneIANA = sc.Zone.IANA
		w.ZoneSpan = shift(sc.Zone.Span, span.Start)
		r.zoneOffset(w, sc.Zone)
	}
	return got
}

// moreWindows reads the other dated rows of the table whose row gave
// the window, date, time and zone included (see Plan.MoreWindows). A
// row whose zone cell says "idem" or "same" keeps the window's zone.
func (r *planReader) moreWindows(w *Window, row *Line, winLines []*Line) {
	col := -1
	for i, c := range row.Cells {
		if c.Start <= w.ZoneSpan.Start && w.ZoneSpan.End <= c.End {
			col = i
		}
	}
	if col < 0 {
		return
	}
	for _, l := range winLines {
		if l == row || l.Header != row.Header || len(l.Cells) != len(row.Cells) || l.Has(TermStaging) {
			continue
		}
		o := &Window{}
		r.mergeWindowLine(o, l, r.windowSpan(l))
		if !o.HasDate || !o.HasTime {
			continue
		}
		if cell := l.Cells[col]; o.Zone == "" && cell.Len() > 0 && !hasDigit(l.Text[cell.Start:cell.End]) && !isPlaceholderValue(l.Text[cell.Start:cell.End]) {
			o.Zone, o.ZoneIANA, o.Zoned = w.Zone, w.ZoneIANA, w.Zoned
		}
		r.plan.MoreWindows = append(r.plan.MoreWindows, o)
	}
}

// scheduleRow reports whether a table row belongs to a schedule whose
// header names the window ("| Window | Date | Time | Hop |").
func scheduleRow(l *Line) bool {
	if l.Kind != KindTableRow || l.Header == nil {
		return false
	}
	h := l.Header.Lower
	if containsAny(h, []string{"window", "fenster", "ventana", "fenêtre", "finestra", "janela", "venster"}) {
		return true
	}
	if windowColumns(l.Header) {
		// "| Date | Start | End | TZ |": columns that only give a
		// window's parts, wherever the table stands.
		return true
	}
	// "| Start | End | Time zone | Notice to users |" in the window's
	// section: the row is the window.
	if !l.In(TermWindow) || len(l.Header.Cells) == 0 {
		return false
	}
	for i, c := range l.Header.Cells {
		name := columnName(l.Header, c)
		if startColumnName(name) && i == 0 || dateColumnName(name) {
			// "| # | Date | Time | Hop |" in the windows section.
			return true
		}
	}
	return false
}

// windowColumns reports whether a table header names only the parts of
// a window, among them a date and a start: "| Date | Start | End | TZ |".
func windowColumns(h *Line) bool {
	date, start := false, false
	for _, c := range h.Cells {
		name := columnName(h, c)
		switch {
		case dateColumnName(name):
			date = true
		case startColumnName(name):
			start = true
		case endColumnName(name):
		default:
			switch name {
			case "from", "von", "desde", "de", "van", "da":
				start = true
			case "to", "à", "tot", "até", "a",
				"time", "uhrzeit", "hora", "heure", "ora", "tijd", "duration", "dauer", "duración", "durée", "durata", "duur", "duração",
				"tz", "timezone", "time zone", "zone", "zeitzone", "zona horaria", "fuseau horaire", "fuso orario", "tijdzone", "fuso horário":
			default:
				return false
			}
		}
	}
	return date && start
}

// columnName returns the words of a table header cell, lower-case and
// without emphasis.
func columnName(h *Line, c Span) string {
	return strings.Trim(strings.TrimSpace(h.Lower[c.Start:c.End]), "*_")
}

// dateColumnName reports whether a column header names a window's day.
func dateColumnName(name string) bool {
	switch name {
	case "date", "datum", "fecha", "date et heure", "data", "date and time", "day", "tag", "día", "jour", "dag", "giorno", "dia":
		return true
	}
	return false
}

// startColumnName reports whether a column header names a window's start.
func startColumnName(name string) bool {
	switch name {
	case "start", "begin", "start time", "beginn", "startzeit", "inicio", "hora de inicio", "début", "heure de début", "inizio", "início":
		return true
	}
	return false
}

// approximateDate reports whether the words before a date make it a week
// or a rough time rather than the day of the upgrade: "in the week of 14
// December", "around 12 Dec".
func approximateDate(before string) bool {
	b := strings.ToLower(before)
	if len(b) > 24 {
		b = b[len(b)-24:]
	}
	for _, w := range []string{"week of", "week starting", "week beginning", "week from", "woche vom", "woche ab", "semana del", "semana de", "semaine du", "around", "circa", "sometime", "irgendwann", "alrededor"} {
		if strings.Contains(b, w) {
			return true
		}
	}
	return false
}

func shift(s when.Span, by int) Span { return Span{s.Start + by, s.End + by} }

// applyWindow reads a whole window from one value (front matter).
func (r *planReader) applyWindow(w *Window, l *Line, v string, span Span) {
	sc := r.scan(v)
	// The spans locate the parts in the line: the value is written there,
	// perhaps quoted ("window_start: \"2026-12-19 21:00\"").
	at := span.Start
	if i := strings.Index(l.Text[span.Start:span.End], v); i >= 0 {
		at += i
	}
	if sc.Date != nil {
		w.HasDate = true
		w.Start = sc.Date.At(0, 0, time.UTC)
		w.DateSpan = shift(sc.Date.Span, at)
	}
	if sc.Start != nil {
		w.HasTime = true
		y, m, d := w.Start.Date()
		w.Start = time.Date(y, m, d, sc.Start.Hour, sc.Start.Minute, 0, 0, time.UTC)
		w.TimeSpan = shift(sc.Start.Span, at)
	}
	if sc.Duration > 0 {
		w.Duration, w.wall = sc.Duration, sc.DurationSpan == when.Span{}
	}
	if sc.Zone != nil {
		w.Zone = sc.Zone.Text
		w.ZoneIANA = sc.Zone.IANA
		w.ZoneSpan = shift(sc.Zone.Span, at)
		r.zoneOffset(w, sc.Zone)
	}
}

func (r *planReader) applyZone(w *Window, tz string) {
	sc := r.scan("00:00 " + tz)
	if sc.Zone != nil {
		w.Zone = sc.Zone.Text
		w.ZoneIANA = sc.Zone.IANA
		r.zoneOffset(w, sc.Zone)
	}
}

func (r *planReader) applyZoneAt(w *Window, l *Line, span Span) {
	v := strings.TrimSpace(l.Text[span.Start:span.End])
	if v == "" {
		return
	}
	sc := r.scan("00:00 " + v)
	if sc.Zone != nil {
		w.Zone = sc.Zone.Text
		w.ZoneIANA = sc.Zone.IANA
		w.ZoneSpan = span
		r.zoneOffset(w, sc.Zone)
	}
}

// zoneOffset places the window's wall-clock start in its zone.
func (r *planReader) zoneOffset(w *Window, z *when.Zone) {
	st := w.Start
	var loc *time.Location
	switch {
	case z.IANA != "":
		loc = when.Location(z.IANA)
	case z.Fixed:
		loc = time.FixedZone(z.Text, z.Offset)
	}
	if loc == nil {
		return
	}
	w.Zoned = true
	w.Start = wallIn(st, loc)
}

// columnOf returns the cell of a table row under a header cell that names
// term t.
func columnOf(l *Line, t Term) (Span, bool) {
	h := l.Header
	if l.Kind != KindTableRow || h == nil || len(h.Cells) != len(l.Cells) || len(l.Cells) < 3 || !h.Has(t) {
		return Span{}, false
	}
	for _, m := range h.Matches {
		if m.Term != t {
			continue
		}
		for i, c := range h.Cells {
			if m.Start >= c.Start && m.End <= c.End {
				return l.Cells[i], true
			}
		}
	}
	return Span{}, false
}

// readContact finds the point of contact for the window.
func (r *planReader) readContact() {
	p := r.plan
	var best *Contact
	bestScore := -1
	consider := func(c *Contact) {
		if c == nil {
			return
		}
		// A reachable contact beats an unreachable one; a slot labelled
		// as the contact beats an author or owner line; an unfilled
		// contact slot still beats an unrelated name.
		score := 0
		if c.Reachable {
			score += 4
		}
		switch {
		case deputyLabel(c.Line):
			// "Backup contact", "Deputy": the second person to call.
			score--
		case strongContactLabel(c.Line) || namesPointOfContact(c.Line):
			// ("Author: Felix Brandt, ... (point of contact during the
			// window)")
			score += 2
		case assigneeLabel(c.Line):
			// The assignee of a change request runs it; its requester
			// does not.
			score++
		}
		if c.Placeholder {
			score++
		}
		if c.Shared {
			// "Teammailbox: gitlab-beheer@..." over "Aanspreekpunt:
			// Sanne de Vries, sanne@...": the person named is the one
			// to reach.
			score -= 2
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if v, l := r.fm("contact"); l != nil {
		c := contactFrom(l, v, l.Value)
		if c != nil && c.Email == "" && c.Phone == "" {
			// "responsable: Lucía Ferreyra" over "contacto: lucia@...",
			// "telefono: +54 ...": the reach in keys of its own.
			if reach := r.frontMatterContactReach(l); reach != "" {
				c = contactFrom(l, v+reach, l.Value)
			}
		}
		consider(c)
	} else {
		// Other keys that name the person: "owner:", "point_of_contact:".
		for _, l := range r.doc.Lines {
			if l.Kind != KindFrontMatter || l.Label.Len() == 0 {
				continue
			}
			key := strings.ReplaceAll(l.LowerLabel(), "_", " ")
			deputy := containsAny(key, []string{"backup", "deputy", "secondary", "alternate", "fallback"})
			if (containsAny(key, []string{"contact", "kontakt", "poc", "ansprechpartner", "on call", "on-call"}) || key == "owner" || key == "change owner") && !deputy {
				consider(contactFrom(l, l.ValueText()+r.frontMatterReach(key), l.Value))
			}
		}
	}
	for _, l := range r.doc.Lines {
		if l.Kind == KindCode || l.Kind == KindFrontMatter {
			continue
		}
		if signatureBlock(r.doc, l) {
			// The signature of a plan sent as an e-mail or ticket, in
			// whatever section happens to come last.
			if c := contactFrom(l, l.Text, Span{0, len(l.Text)}); c != nil && c.Reachable {
				consider(c)
			}
			continue
		}
		if (l.In(TermRollback) || l.In(TermChangelog)) && !l.Footer && !(l.LabelIs(TermContact) && !l.Item && strongContactLabel(l)) {
			// (A "**Contact:** ..." paragraph after the rollback's steps
			// is the plan's, as e-mails end.)
			continue
		}
		if cell, ok := columnOf(l, TermContact); ok {
			// "| Status | Owner | Window |" over "| ... | Aiko Tanaka (aiko@...) | ... |"
			consider(contactFrom(l, l.Text[cell.Start:cell.End], cell))
		}
		switch {
		case l.LabelIs(TermContact):
			c := contactFrom(l, l.ValueText(), l.Value)
			if l.Label.Len() == 0 {
				// Labelled by the question it answers: "> 2. Who can we
				// reach during the window?" / "Me (Davide Moretti, ...)".
				c = contactFrom(l, l.Text, Span{0, len(l.Text)})
			}
			if c != nil && !c.Reachable && c.Name != "" && l.Label.Len() > 0 {
				if reach := reachBelow(r.doc, l); reach != "" {
					c = contactFrom(l, l.ValueText()+reach, l.Value)
				}
			}
			if (c == nil || !c.Reachable) && chatMessage(l) {
				// A chat answer to "who's the contact?": "Priya Raman ·
				// 10:25 me: priya.raman@..." names the writer.
				c = contactFrom(l, l.Text, Span{0, len(l.Text)})
			}
			consider(c)
		case l.In(TermContact) && l.Kind != KindHeading && l.Kind != KindTableHeader && (l.Label.Len() == 0 || l.LabelIs(TermContact) || l.Kind == KindTableRow || strings.Contains(l.Text, "@") || l.Has(TermPhone)) && !l.LabelIs(TermWindow):
			// (A table's header row names columns, not people: "| Activity
			// | Responsible | Accountable | ... |".)
			// In a contacts section any line with an address counts:
			// "- **Primary:** Oliver Pryce, oliver.pryce@..., +44 ...".
			consider(contactFrom(l, l.Text, Span{0, len(l.Text)}))
		case l.Has(TermSignature) && strings.Contains(l.Text, "@") && l.Tokens[0].Start < 3 && signatureStart(l):
			// An e-mail to Support signed "Best regards, Jane Doe,
			// jane@example.com, +47 ...".
			if c := contactFrom(l, l.Text, Span{0, len(l.Text)}); c != nil && c.Reachable {
				consider(c)
			}
		case l.Has(TermContact) && (strings.Contains(l.Text, "@") || l.Has(TermPhone)):
			if c := contactFrom(l, l.Text, Span{0, len(l.Text)}); c != nil && c.Reachable {
				consider(c)
			}
		}
		if best != nil && best.Reachable && !best.Placeholder && strongContactLabel(best.Line) && !deputyLabel(best.Line) {
			break
		}
	}
	if best != nil && best.Email != "" && namesPointOfContact(best.Line) {
		// "Contacts: **Tomás Ibarra** (point of contact, e-mail above) and
		// Aiyana Redcloud (aiyana@...)": the address on the line is the
		// other person's; take the named one's from where it is given.
		if c := r.namedPointOfContact(best); c != nil {
			best = c
		}
	}
	p.Contact = best
}

// namedPointOfContact finds the contact details of the person a line
// calls the point of contact when the line's address belongs to someone
// else.
func (r *planReader) namedPointOfContact(c *Contact) *Contact {
	l := c.Line
	i := l.IndexOf("point of contact")
	if i < 0 || len(l.Lower) != len(l.Text) {
		return nil
	}
	// The capitalised words right before "(point of contact", or right
	// after "Point of contact during the window:".
	before := strings.TrimRight(l.Text[:i], " (*_,:–-")
	f := strings.Fields(before)
	var name []string
	for k := len(f) - 1; k >= 0 && len(name) < 3; k-- {
		w := strings.Trim(f[k], "*_")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) {
			break
		}
		name = append([]string{w}, name...)
	}
	if len(name) < 2 {
		name = name[:0]
		if c := strings.IndexByte(l.Text[i:], ':'); c > 0 {
			for _, w := range strings.Fields(l.Text[i+c+1:]) {
				w = strings.Trim(w, "*_,.;")
				if w == "" || !unicode.IsUpper([]rune(w)[0]) || len(name) == 3 {
					break
				}
				name = append(name, w)
			}
		}
	}
	if len(name) < 2 {
		return nil
	}
	full := strings.Join(name, " ")
	if emailOf(c.Email, name) {
		// The address on the line is theirs.
		return nil
	}
	for _, o := range r.doc.Lines {
		if o == l || o.Kind == KindCode || !strings.Contains(o.Text, full) || !strings.Contains(o.Text, "@") {
			continue
		}
		if oc := contactFrom(o, o.Text, Span{0, len(o.Text)}); oc != nil && oc.Email != "" && emailOf(oc.Email, name) {
			return oc
		}
	}
	// ("Derek Okafor" over "derek.okafor@... | +1 617 ..." in a
	// signature: the address carries the name.)
	for _, o := range r.doc.Lines {
		if o == l || o.Kind == KindCode || !strings.Contains(o.Text, "@") {
			continue
		}
		if oc := contactFrom(o, o.Text, Span{0, len(o.Text)}); oc != nil && oc.Email != "" && emailOf(oc.Email, name) && emailOf(oc.Email, name[len(name)-1:]) {
			return oc
		}
	}
	return nil
}

// emailOf reports whether an address carries a first or last name
// ("tomas.ibarra@" for Tomás Ibarra).
func emailOf(email string, name []string) bool {
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	for _, n := range []string{name[0], name[len(name)-1]} {
		if strings.Contains(local, foldAccents(strings.ToLower(n))) {
			return true
		}
	}
	return false
}

// foldAccents drops the accents of Latin letters: "tomás" → "tomas".
func foldAccents(s string) string {
	return accentFolder.Replace(s)
}

var accentFolder = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ä", "ae", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "oe", "õ", "o", "ø", "o", "ú", "u", "ù", "u", "û", "u", "ü", "ue",
	"ñ", "n", "ç", "c", "ß", "ss", "š", "s", "ž", "z", "č", "c", "ł", "l")

// signatureBlock reports whether l is the signature at the end of a plan
// written as a letter: one of its last lines, with an e-mail address or a
// phone number, that starts with closing words or a "--" delimiter, or
// follows a line of closing words ("Thank you for your help!").
func signatureBlock(d *Document, l *Line) bool {
	n := len(d.Lines)
	if l.Index < n-5 || l.Kind == KindHeading || !(strings.Contains(l.Text, "@") || l.Has(TermPhone)) {
		return false
	}
	t := strings.TrimSpace(l.Text)
	if signatureStart(l) || strings.HasPrefix(t, "--") || strings.HasPrefix(t, "—") {
		return true
	}
	// The closing words may stand a few lines up, over the name and the
	// title: "Best regards," / "Klaus Weber" / "Teamleiter IT" / e-mail.
	for k := l.Index - 1; k >= 0 && k >= l.Index-4; k-- {
		prev := d.Lines[k]
		if prev.Kind == KindHeading || prev.Kind == KindCode || prev.Item {
			break
		}
		if m, ok := prev.Find(TermSignature); ok && m.Tok == 0 && len(prev.Tokens) <= 8 {
			return true
		}
	}
	return false
}

// signatureStart reports whether a line starts with a letter's closing
// words.
func signatureStart(l *Line) bool {
	m, ok := l.Find(TermSignature)
	return ok && m.Tok == 0
}

// strongContactLabel reports whether a line is labelled as the point of
// contact, rather than as an author or owner.
func strongContactLabel(l *Line) bool {
	if l.Kind == KindFrontMatter {
		return true
	}
	label := l.Lower
	if l.Label.Len() > 0 {
		label = l.Lower[l.Label.Start:l.Label.End]
	} else if NoResponse(l.Text) && l.Section.Heading != nil {
		// An issue form's field: "### Point of contact" over "_No
		// response_".
		label = l.Section.Heading.Lower
	}
	return containsAny(label, []string{"contact", "kontakt", "poc", "ansprechpartner", "escalation", "on-call", "on call", "interlocuteur", "responsable", "contacto", "contato", "contatto", "aanspreekpunt", "referente"})
}

// frontMatterReach returns, for a front matter key that names a person
// ("owner"), the values of the keys beside it that say how to reach them
// ("owner_email", "owner_phone"), each after a comma.
func (r *planReader) frontMatterReach(key string) string {
	var b strings.Builder
	for _, l := range r.doc.Lines {
		if l.Kind != KindFrontMatter || l.Label.Len() == 0 {
			continue
		}
		k := strings.ReplaceAll(l.LowerLabel(), "_", " ")
		rest, ok := strings.CutPrefix(k, key+" ")
		if ok && containsAny(rest, []string{"mail", "phone", "tel", "mobile", "handy"}) {
			b.WriteString(", ")
			b.WriteString(l.ValueText())
		}
	}
	return b.String()
}

// frontMatterContactReach returns, after ", ", the values of the front
// matter keys other than the contact's own line that only give an e-mail
// address or a phone number ("contacto: ...", "telefono: ..."), or "".
func (r *planReader) frontMatterContactReach(own *Line) string {
	var b strings.Builder
	for _, l := range r.doc.Lines {
		if l == own || l.Kind != KindFrontMatter || l.Label.Len() == 0 {
			continue
		}
		k := strings.ReplaceAll(l.LowerLabel(), "_", " ")
		if containsAny(k, []string{"backup", "deputy", "secondary", "alternate", "fallback", "vertret", "suplente", "adjoint", "escalat", "support"}) {
			continue
		}
		v := l.ValueText()
		if !reachKey(k, v) {
			continue
		}
		b.WriteString(", ")
		b.WriteString(v)
	}
	return b.String()
}

// reachKey reports whether a lower-case label only gives how to reach a
// person: "mail", "correo / teléfono", "phone", or "contact" with an
// address.
func reachKey(k, v string) bool {
	return containsAny(k, []string{"mail", "correo", "courriel", "phone", "telefon", "teléfono", "telefono", "téléphone", "telefone", "telefoon", "mobile", "handy", "móvil", "cell"}) ||
		containsAny(k, []string{"contact", "kontakt"}) && findEmail(v) != ""
}

// reachBelow returns, after ", ", the value of the line right below a
// named contact that only gives how to reach them ("| Responsable | Lucía
// Ferrer |" over "| Correo / teléfono | lferrer@... / +34 ... |"), or "".
func reachBelow(d *Document, l *Line) string {
	if l.Index+1 >= len(d.Lines) {
		return ""
	}
	n := d.Lines[l.Index+1]
	if n.Kind != l.Kind || n.Section != l.Section || n.Label.Len() == 0 || deputyLabel(n) {
		return ""
	}
	v := n.ValueText()
	if !reachKey(strings.ToLower(n.LabelText()), v) || findEmail(v) == "" && findPhone(v) == "" {
		return ""
	}
	return ", " + v
}

// deputyLabel reports whether a line's label names a stand-in for the
// contact: "Backup contact", "Deputy", "Stellvertretung".
func deputyLabel(l *Line) bool {
	if l.Label.Len() == 0 || l.Kind == KindFrontMatter {
		return false
	}
	return containsAny(l.Lower[l.Label.Start:l.Label.End], []string{"backup", "deputy", "stellvertret", "vertretung", "suplente", "secondary", "second", "zweit", "segundo", "segunda", "secondo", "seconda", "tweede", "vervanger", "sostitut", "substitut", "riserva", "reserva", "reserve", "fallback", "alternate", "adjoint", "remplaçant", "sustitut", "escalation", "eskalation", "escalado", "escalada", "escalade", "escalatie", "escalação"})
}

// namesPointOfContact reports whether a line calls its person the point
// of contact anywhere, not only in its label.
func namesPointOfContact(l *Line) bool {
	return l.ContainsAny([]string{"point of contact", "contact during the window", "contact person", "ansprechpartner", "punto de contacto", "persona de contacto", "interlocuteur"}...)
}

// assigneeLabel reports whether a line's label names who carries out the
// change ("Assignee", "Implemented by").
func assigneeLabel(l *Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	return containsAny(l.Lower[l.Label.Start:l.Label.End], []string{"assignee", "assigned to", "implementer", "implemented by", "zugewiesen", "asignado", "assigné"})
}

// contactFrom reads a contact from a value: an e-mail address, a phone
// number, a chat handle, a person's name.
func contactFrom(l *Line, v string, span Span) *Contact {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	c := &Contact{Line: l, Span: span}
	c.Email = findEmail(v)
	c.Phone = findPhone(v)
	if c.Email == "" && c.Phone == "" && PointsElsewhere(strings.ToLower(v)) {
		// "Siehe Front Matter.": the contact is given elsewhere.
		return nil
	}
	c.Name = findName(v)
	chat := chatHandle(v) && c.Email == "" || strings.Contains(v, "#") || l.Has(TermChat)
	c.Placeholder = isPlaceholderValue(v)
	c.Reachable = c.Email != "" || c.Phone != "" || c.Name != "" && chat
	if c.Email != "" && c.Name == "" && c.Phone == "" && sharedMailbox(l) {
		c.Shared = true
	}
	if c.Email != "" && c.Phone == "" && (teamName(c.Name) || c.Name == "" && containsAny(strings.ToLower(v), []string{"team ", "equipo ", "équipe ", "equipe ", "abteilung ", "gruppe "})) && !strings.Contains(c.Email[:strings.IndexByte(c.Email, '@')+1], ".") {
		// "Team Anwendungsbetrieb, gitlab-betrieb@kessler-mb.de": a team
		// and its mailbox, no person.
		c.Name, c.Shared = "", true
	}
	if c.Email == "" && c.Phone == "" && chat {
		// "Platform team (Fenwick Analytics) — reach us in Slack
		// #platform-oncall": a team in a chat channel Support cannot
		// join, no person.
		lead := v
		if i := strings.IndexAny(lead, "(—–,:;"); i > 0 {
			lead = lead[:i]
		}
		if lead = strings.Trim(lead, " *_-"); teamName(lead) {
			c.Name, c.Reachable = "", false
		}
	}
	switch {
	case c.Email != "":
		c.Value = c.Email
	case c.Name != "" && c.Phone != "":
		c.Value = c.Name + ", " + c.Phone
	case c.Name != "":
		c.Value = c.Name
	case c.Phone != "":
		c.Value = c.Phone
	default:
		c.Value = v
	}
	if !c.Reachable && c.Name == "" && !c.Placeholder && c.Phone == "" {
		// Role words alone ("the ops team") are still a partial contact.
		// (A front matter line reaches here only for a contact key.)
		if !l.Has(TermTeamWord) && !l.LabelIs(TermContact) && l.Kind != KindFrontMatter {
			return nil
		}
	}
	return c
}

// teamName reports whether a name found for a contact is a team's:
// "Team Anwendungsbetrieb", "Equipo Plataforma", "Platform team".
func teamName(name string) bool {
	low := strings.ToLower(name)
	for _, w := range []string{"team", "equipo", "équipe", "equipe", "abteilung", "gruppe", "squad", "servicio", "service desk", "helpdesk"} {
		if strings.HasPrefix(low, w+" ") || strings.HasSuffix(low, " "+w) || low == w {
			return true
		}
	}
	return false
}

// sharedMailbox reports whether a contact line gives a distribution list
// or a mailbox read by whoever is on duty.
func sharedMailbox(l *Line) bool {
	for _, w := range []string{"distribution list", "shared mailbox", "group mailbox", "whoever is on", "verteiler", "sammelpostfach", "funktionspostfach", "diensthabend", "lista de distribución", "lista de distribucion", "buzón compartido", "liste de diffusion", "boîte partagée",
		"team mailbox", "functional mailbox", "teampostfach", "functionele mailbox", "gedeelde mailbox", "teammailbox", "buzón del equipo", "boîte fonctionnelle", "casella condivisa", "caixa partilhada", "caixa compartilhada",
		"mailing list", "mailinglist", "mailinglijst", "distributielijst", "lista di distribuzione", "lista da equipe", "lista de distribuição", "lista de e-mail da equipe", "lista del equipo", "liste de l'équipe",
		"quem estiver", "wer gerade", "quien esté de guardia", "qui est d'astreinte", "chi è di turno"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// chatHandle reports whether s holds an "@" handle ("@rcosta",
// "@rafael.costa"). A mention of a display name that a wiki export left as
// text ("@Rafael Costa") names a person but is no address.
func chatHandle(s string) bool {
	for _, part := range strings.Split(s, "@")[1:] {
		name, rest, _ := strings.Cut(part, " ")
		if !(capitalized(name) && capitalized(rest)) {
			return true
		}
	}
	return false
}

func capitalized(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// NoResponse reports whether a text is the "_No response_" an issue form
// writes under a field left empty.
func NoResponse(s string) bool {
	return strings.EqualFold(strings.Trim(s, "_* ."), "no response")
}

// findEmail returns the first e-mail address in s.
func findEmail(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		a := i
		for a > 0 && isEmailByte(s[a-1]) {
			a--
		}
		b := i + 1
		for b < len(s) && (isEmailByte(s[b]) && s[b] != '+') {
			b++
		}
		dom := strings.TrimRight(s[i+1:b], ".-")
		if a < i && strings.Contains(dom, ".") && !strings.HasPrefix(dom, ".") {
			return s[a:i] + "@" + dom
		}
	}
	return ""
}

func isEmailByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == '+'
}

// findPhone returns a phone number: seven or more digits written with the
// usual separators.
func findPhone(s string) string {
	start, digits := -1, 0
	id := false
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i <= len(s); i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= '0' && c <= '9':
			if start < 0 {
				start = i
				// "Change CHG-2026-4471", "INC0012345": a ticket number.
				id = i > 0 && (letter(s[i-1]) || s[i-1] == '#' || s[i-1] == '-' && i > 1 && letter(s[i-2]))
			}
			digits++
		case c == '+' && start < 0, c == '(' && start < 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9', start >= 0 && (c == ' ' || c == '-' || c == '(' || c == ')' || c == '/'):
			// ("(502) 555-0198": an area code in brackets opens it.)
			if start < 0 {
				start = i
			}
		default:
			if digits >= 7 && start >= 0 && !id && !strings.ContainsAny(s[start:i], ":") {
				cand := strings.TrimSpace(s[start:i])
				if !looksLikeDate(cand) {
					return cand
				}
			}
			start, digits = -1, 0
		}
	}
	return ""
}

// looksLikeDate reports whether a digit run is a date ("2026-12-13",
// "13/12/2026") rather than a phone number.
func looksLikeDate(s string) bool {
	w := when.Scan(s, time.Time{})
	if w.Date == nil {
		return false
	}
	// ("2 (23/11/2026)": a version number and a date, too few digits
	// left for a phone number.)
	rest := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && (i < w.Date.Span.Start || i >= w.Date.Span.End) {
			rest++
		}
	}
	return w.Date.Span.End-w.Date.Span.Start >= len(s)-2 || rest < 5
}

// findName returns a person's name: two or more capitalised words in a
// row that are not vocabulary words.
func findName(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '.' || r == '/' || r == '_')
	})
	run := []string{}
	best := ""
	flush := func() {
		if len(run) >= 2 && best == "" {
			best = strings.Join(run, " ")
		}
		run = run[:0]
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := lowerSameLen(w)
		if unicode.IsUpper(r) && len(w) > 1 && !nameStop[lw] && !strings.ContainsAny(w, "./_") && strings.ToUpper(w) != w && !calendarWord[lw] {
			run = append(run, w)
			continue
		}
		flush()
	}
	flush()
	return best
}

// calendarWord are month and day names, which are capitalised but not names.
var calendarWord = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "januar": true, "februar": true, "märz": true, "mai": true,
	"juni": true, "juli": true, "oktober": true, "dezember": true, "montag": true, "dienstag": true, "mittwoch": true,
	"donnerstag": true, "freitag": true, "samstag": true, "sonntag": true,
}

// nameStop are capitalised words that are not names.
var nameStop = map[string]bool{
	"gitlab": true, "support": true, "team": true, "ops": true, "operations": true, "on": true, "call": true, "on-call": true,
	"primary": true, "secondary": true, "backup": true, "contact": true, "engineer": true, "manager": true, "lead": true, "owner": true,
	"dba": true, "sre": true, "it": true, "the": true, "email": true, "e-mail": true, "phone": true, "slack": true, "teams": true,
	"microsoft": true, "infrastructure": true, "platform": true, "admin": true, "administrator": true, "escalation": true, "point": true,
	"of": true, "and": true, "for": true, "tbd": true, "todo": true, "tbc": true, "name": true, "your": true, "role": true, "service": true,
	"desk": true, "helpdesk": true, "customer": true, "change": true, "window": true, "upgrade": true, "during": true, "via": true,
	"mobile": true, "group": true, "department": true, "devops": true, "sysadmin": true, "systems": true, "network": true,
}

// isPlaceholderValue reports whether a fact's value is an unfilled
// placeholder: TBD, "<date>", "[Your name]", "____", "YYYY-MM-DD".
func isPlaceholderValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	if NoResponse(v) {
		return true
	}
	return len(findPlaceholders(v, false)) > 0
}
