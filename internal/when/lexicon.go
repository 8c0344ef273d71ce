package when

import (
	"slices"
	"strings"
	"time"
)

// lexFlag classifies a lower-case word. A word may carry several flags
// ("de" introduces a range, joins "12 de diciembre" and hints at Spanish).
type lexFlag uint32

const (
	lxMonth      lexFlag = 1 << iota // month name or abbreviation
	lxWeekday                        // weekday name or abbreviation
	lxHint                           // German, Spanish or French word: dates are D/M
	lxUnit                           // duration unit
	lxDurNoun                        // "duration", "Dauer": what follows is a duration
	lxDurCue                         // "for", "approx.", "window": a following "4h" is a duration
	lxDurAfter                       // "window", "downtime": a preceding "4h" is a duration
	lxDurNegPre                      // "every 2 hours", "vor 2 Stunden": not a window length
	lxDurNegPost                     // "2 hours before": not a window length
	lxRangeSep                       // "to", "bis", "à": joins two clock times
	lxRangeIntro                     // "from", "von", "de": opens a range
	lxBetween                        // "between", "entre", "zwischen"
	lxPairAnd                        // "and", "und", "y", "et": a separator after lxBetween
	lxArticle                        // "las", "la", "les" before a clock time
	lxClockPrep                      // "at", "um", "à": a following number is a clock time
	lxEndKw                          // "end", "bis", "fin": a following clock is the end
	lxDatePrep                       // "on", "am", "le": a following number is a date
	lxDotPrep                        // German/French/Spanish date prepositions: "am 12.12."
	lxVersion                        // "GitLab", "version": numbers after it are versions
	lxOrdinal                        // "st", "th", "er", "º"
	lxOf                             // "of", "de", "del" inside a date
	lxFraction                       // "1/2 of": a slash pair followed by it is a fraction
	lxZoneStart                      // first word of a named time zone phrase
	lxCounter                        // "step", "Phase": a bare number after it is not a time
	lxNamedTime                      // "midnight", "noon" and their translations
)

// Guards: extra conditions for a few words that are risky on their own.
const (
	gNone      uint8 = iota
	gMay             // English "may": the lower-case word is a verb
	gNeedDot         // "set", "ago": a month only with a dot or after "de"
	gTwoLetter       // German "Sa", "So": capitalised and followed by "." or ","
	gCompound        // "m": a minute unit only inside "1h30m"
)

// lexEntry is what the lexicon knows about one word. It holds no
// pointers, so the table of entries is plain data in the binary.
type lexEntry struct {
	flags lexFlag
	// phrases and nphrases locate, in zonePhraseList, the zone phrases
	// that start with this word (lxZoneStart).
	phrases, nphrases uint16
	// The word itself is lexText[wordAt : wordAt+wordLen].
	wordAt  uint16
	wordLen uint8
	abbr    bool  // an abbreviation: a dot right after it belongs to it
	guard   uint8 // one of the g constants
	month   time.Month
	wday    int8 // weekday + 1 for lxWeekday words, 0 otherwise
	unit    time.Duration
	hour    int // lxNamedTime: 0 or 12
}

// maxLexLen is the longest word (in bytes, lower case) worth looking up.
const maxLexLen = 32

// The word tables, lexEntries, lexSlots, lexBloom, zoneBloom and
// zonePhraseList, are in tables_gen.go: build() writes them from the
// word lists of this file and zone.go, and TestTablesAreCurrent keeps
// the generated file in step with those lists. Being literals, they are
// laid out by the linker, so no process spends time or memory on them.
//
//go:generate go test -run TestTablesAreCurrent -update

// lexTables are the word tables as build() makes them.
type lexTables struct {
	// entries[0] is the empty entry of unknown words, so tokens need no
	// pointer.
	entries []lexEntry
	text    string // the words of entries, one after another
	// slots is an open-addressing table of entry indexes: slot
	// lexHash(w)&(len(slots)-1), or the first free one after it, holds
	// slotOf(lexHash(w), index of w).
	slots     []uint32
	bloom     [1024]uint64
	zoneBloom [1024]uint64
	phrases   []phrase
}

// slotOf packs a word's hash and entry index into a lexSlots value; a
// free slot is 0, which no entry index is.
func slotOf(h uint32, i int) uint32 { return h<<16 | uint32(i) }

// lexBuilder collects entries by word while build runs.
type lexBuilder struct {
	index   map[string]uint16
	words   []string
	entries []lexEntry
}

// entry returns the entry of w, creating it. The pointer is only valid
// until the next call.
func (b *lexBuilder) entry(w string) *lexEntry {
	i, ok := b.index[w]
	if !ok {
		i = uint16(len(b.entries))
		b.entries = append(b.entries, lexEntry{})
		b.words = append(b.words, w)
		b.index[w] = i
	}
	return &b.entries[i]
}

func (b *lexBuilder) add(f lexFlag, words ...string) {
	for _, w := range words {
		b.entry(w).flags |= f
	}
}

// englishMonth lists the month words an English writer uses; all other
// month words hint at German, Spanish or French.
func englishMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// monthFull and monthAbbr hold, per month, the full names and the
// abbreviations in English, German, Spanish and French (full names also in
// Dutch, Portuguese and Italian), with and without
// accents.
var monthFull = [12][]string{
	{"january", "januar", "jänner", "jaenner", "enero", "janvier", "januari", "janeiro", "gennaio"},
	{"february", "februar", "feber", "febrero", "février", "fevrier", "februari", "fevereiro", "febbraio"},
	{"march", "märz", "maerz", "marz", "marzo", "mars", "maart", "março", "marco"},
	{"april", "abril", "avril", "aprile"},
	{"may", "mai", "mayo", "mei", "maio", "maggio"},
	{"june", "juni", "junio", "juin", "junho", "giugno"},
	{"july", "juli", "julio", "juillet", "julho", "luglio"},
	{"august", "agosto", "août", "aout", "augustus"},
	{"september", "septiembre", "setiembre", "septembre", "setembro", "settembre"},
	{"october", "oktober", "octubre", "octobre", "outubro", "ottobre"},
	{"november", "noviembre", "novembre", "novembro"},
	{"december", "dezember", "diciembre", "décembre", "decembre", "dezembro", "dicembre"},
}

var monthAbbr = [12][]string{
	{"jan", "jän", "janv", "ene"},
	{"feb", "febr", "fév", "févr", "fev", "fevr"},
	{"mar", "mär", "mrz"},
	{"apr", "abr", "avr"},
	{},
	{"jun"},
	{"jul", "juil"},
	{"aug", "ago"},
	{"sep", "sept", "set"},
	{"oct", "okt"},
	{"nov"},
	{"dec", "dez", "dic", "déc"},
}

// WeekdayNamed returns the weekday a lower-case word names in full, in
// English, German, Spanish or French ("saturday", "samstag").
func WeekdayNamed(word string) (time.Weekday, bool) {
	for d, names := range weekdayFull {
		for _, n := range names {
			if n == word {
				return time.Weekday(d), true
			}
		}
	}
	return 0, false
}

// Weekdays: full names, then abbreviations. German two-letter forms are
// guarded because "so", "do" and "mi" are ordinary words.
var weekdayFull = [7][]string{
	{"sunday", "sonntag", "domingo", "dimanche", "zondag", "domenica"},
	{"monday", "montag", "lunes", "lundi", "maandag", "lunedì", "lunedi"},
	{"tuesday", "dienstag", "martes", "mardi", "dinsdag", "martedì", "martedi"},
	{"wednesday", "mittwoch", "miércoles", "miercoles", "mercredi", "woensdag", "mercoledì", "mercoledi"},
	{"thursday", "donnerstag", "jueves", "jeudi", "donderdag", "giovedì", "giovedi"},
	{"friday", "freitag", "viernes", "vendredi", "vrijdag", "venerdì", "venerdi"},
	{"saturday", "samstag", "sonnabend", "sábado", "sabado", "samedi", "zaterdag", "sabato"},
}

var weekdayAbbr = [7][]string{
	{"sun", "dom", "dim"},
	{"mon", "lun"},
	{"tue", "tues"},
	{"wed", "mié", "mie", "mer"},
	{"thu", "thur", "thurs", "jue", "jeu"},
	{"fri", "vie", "ven"},
	{"sat", "sáb", "sab", "sam"},
}

var weekdayTwo = [7]string{"so", "mo", "di", "mi", "do", "fr", "sa"}

func englishWeekday(w string) bool {
	switch w {
	case "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday":
		return true
	}
	return false
}

// build makes the word tables from the word lists. Only a test calls it
// (TestTablesAreCurrent), to write them out as tables_gen.go.
func build() *lexTables {
	b := &lexBuilder{index: make(map[string]uint16, 700), words: []string{""}, entries: make([]lexEntry, 1, 700)}
	for i := range monthFull {
		m := time.Month(i + 1)
		for _, w := range monthFull[i] {
			e := b.entry(w)
			e.flags |= lxMonth
			e.month = m
			if !englishMonth(w) {
				e.flags |= lxHint
			}
		}
		for _, w := range monthAbbr[i] {
			e := b.entry(w)
			e.flags |= lxMonth
			e.month = m
			e.abbr = true
			if !englishMonth(w) {
				e.flags |= lxHint
			}
		}
	}
	b.entry("may").guard = gMay
	b.entry("set").guard = gNeedDot
	b.entry("ago").guard = gNeedDot

	for i := range weekdayFull {
		for _, w := range weekdayFull[i] {
			e := b.entry(w)
			e.flags |= lxWeekday
			e.wday = int8(i + 1)
			if !englishWeekday(w) {
				e.flags |= lxHint
			}
		}
		for _, w := range weekdayAbbr[i] {
			e := b.entry(w)
			e.flags |= lxWeekday
			e.wday = int8(i + 1)
			e.abbr = true
		}
		e := b.entry(weekdayTwo[i])
		e.flags |= lxWeekday
		e.wday = int8(i + 1)
		e.abbr = true
		e.guard = gTwoLetter
	}

	for _, w := range []string{"h", "hr", "hrs", "hour", "hours", "std", "stdn", "stunde", "stunden", "hora", "horas", "heure", "heures", "uur", "uren", "ora", "ore", "u"} {
		e := b.entry(w)
		e.flags |= lxUnit
		e.unit = time.Hour
	}
	for _, w := range []string{"m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "mn", "minuti"} {
		e := b.entry(w)
		e.flags |= lxUnit
		e.unit = time.Minute
	}
	b.entry("m").guard = gCompound
	// (Dutch "1 u 10 min": the bare "u" is an hour only with minutes.)
	b.entry("u").guard = gCompound
	for _, w := range []string{"day", "days", "tag", "tage", "tagen", "día", "días", "dia", "dias", "jour", "jours"} {
		e := b.entry(w)
		e.flags |= lxUnit
		e.unit = 24 * time.Hour
	}
	for _, w := range []string{"hr", "hrs", "std", "stdn", "min", "mins"} {
		b.entry(w).abbr = true
	}

	b.add(lxHint,
		// German
		"der", "das", "und", "uhr", "bis", "von", "vom", "um", "ist", "wird", "werden", "wartung",
		"wartungsfenster", "zeit", "für", "mit", "auf", "dem", "den", "nach", "beginn", "ende", "im",
		"zum", "zur", "dauer", "stunden", "stunde", "minuten", "gegen", "ab", "zwischen",
		// Spanish
		"el", "los", "las", "del", "y", "para", "con", "hora", "horas", "mantenimiento", "hasta",
		"desde", "entre", "será", "inicio", "ventana", "día", "duración", "minutos", "de", "la", "en",
		// French
		"le", "les", "des", "et", "à", "heure", "heures", "jusqu", "au", "pour", "avec",
		"fenêtre", "début", "fin", "sera", "durée", "vers", "dès")

	b.add(lxDurNoun, "duration", "dauer", "durée", "duree", "duración", "duracion", "length")
	b.add(lxDurCue, "takes", "take", "taking", "lasts", "dauert", "dure", "durera", "durará", "tarda",
		"approx", "approximately", "ca", "circa", "about", "etwa", "ungefähr", "ungefaehr", "environ",
		"aproximadamente", "aprox", "unos", "unas", "estimated", "expected", "for", "während",
		"pendant", "durante", "window", "fenster", "wartungsfenster", "ventana", "fenêtre", "fenetre",
		"downtime", "max", "maximum", "up", "total")
	b.add(lxDurAfter, "window", "fenster", "wartungsfenster", "downtime", "outage", "ausfall",
		"ausfallzeit", "ventana", "fenêtre", "fenetre", "slot", "max", "maximum", "total", "long",
		"lang", "lange", "block", "timeframe", "maintenance", "wartung", "mantenimiento")
	b.add(lxDurNegPre, "every", "each", "alle", "cada", "toutes", "tous", "hace", "vor", "nach",
		"after", "last", "past")
	b.add(lxDurNegPost, "before", "after", "ago", "prior", "earlier", "later", "beforehand", "ahead",
		"notice", "vorher", "vorab", "früher", "später", "vor", "nach", "zuvor", "antes", "después",
		"despues", "avant", "après", "apres", "tard", "auparavant")

	b.add(lxRangeSep, "to", "till", "til", "until", "bis", "a", "à", "hasta", "jusqu",
		// Portuguese and Italian: "das 22h00 às 04h00", "dalle 22:00 alle 04:00"
		"às", "até", "alle",
		// Dutch: "van 08:00 tot 17:00"
		"tot")
	b.add(lxPairAnd, "and", "und", "y", "et", "e", "en")
	b.add(lxRangeIntro, "from", "von", "de", "desde", "between", "entre", "zwischen", "dalle", "dal", "da", "van")
	b.add(lxBetween, "between", "entre", "zwischen")
	b.add(lxArticle, "las", "la", "les", "los")
	b.add(lxClockPrep, "at", "um", "à", "las", "la", "ab", "gegen", "vers", "dès", "from", "von", "desde",
		"starting", "start", "starts", "begins", "beginning", "beginn", "beginnt", "début", "debut",
		"inicio", "comienza", "empieza", "bis", "until", "till", "hasta", "jusqu")
	b.add(lxEndKw, "end", "ends", "ending", "finish", "finishes", "finished", "ende", "endet", "fin",
		"termina", "finaliza", "until", "till", "bis", "hasta", "jusqu")
	b.add(lxDatePrep, "on", "am", "le", "el", "den", "vom", "ab", "bis", "zum", "du", "au", "del",
		"date", "datum", "fecha", "termin", "ce")
	b.add(lxDotPrep, "am", "vom", "ab", "bis", "zum", "den", "le", "du", "au", "el", "del", "datum",
		"termin", "fecha", "date")
	b.add(lxVersion, "gitlab", "version", "versions", "versión", "versionen", "release", "v", "ee", "ce",
		"chart", "helm", "patch", "upgrade", "upgrading", "update", "updating", "postgresql",
		"postgres", "ubuntu", "rhel", "debian", "centos", "redis", "node", "omnibus", "runner",
		"image", "tag", "package", "pg", "psql", "kernel")
	b.add(lxOrdinal, "st", "nd", "rd", "th", "er", "re", "º", "ª")
	b.add(lxOf, "of", "de", "del")
	b.add(lxFraction, "of", "der", "des", "de", "du")

	b.add(lxCounter, "step", "steps", "phase", "phases", "schritt", "fase", "étape", "etape", "paso",
		"stage", "stufe", "part", "teil", "parte", "partie", "node", "nodes", "server", "servers",
		"item", "task", "issue", "ticket", "option", "punkt", "point", "nr", "no", "number", "nummer",
		"número", "numero", "numéro", "runner", "runners", "replica", "replicas", "shard", "shards", "ratio", "ratios", "scale",
		"verhältnis", "proportion")
	for _, w := range []string{"midnight", "mitternacht", "medianoche", "minuit", "mezzanotte", "middernacht"} {
		b.entry(w).flags |= lxNamedTime
	}
	for _, w := range []string{"noon", "mittag", "mediodía", "mediodia", "midi", "mezzogiorno"} {
		e := b.entry(w)
		e.flags |= lxNamedTime
		e.hour = 12
	}

	zones := buildPhrases()
	firsts := make([]string, 0, len(zones))
	for w := range zones {
		firsts = append(firsts, w)
	}
	slices.Sort(firsts)
	b.add(lxZoneStart, firsts...)

	t := &lexTables{entries: b.entries}
	var text strings.Builder
	for i, w := range b.words {
		if i == 0 {
			continue
		}
		if len(w) > 255 || text.Len()+len(w) > 0xFFFF || len(b.entries) > 0xFFFF {
			panic("when: the lexicon outgrew its table layout")
		}
		e := &t.entries[i]
		e.wordAt, e.wordLen = uint16(text.Len()), uint8(len(w))
		text.WriteString(w)
		if list := zones[w]; len(list) > 0 {
			e.phrases, e.nphrases = uint16(len(t.phrases)), uint16(len(list))
			t.phrases = append(t.phrases, list...)
		}
	}
	t.text = text.String()

	size := 1
	for size < 3*len(b.entries) {
		size <<= 1
	}
	t.slots = make([]uint32, size)
	mask := uint32(size - 1)
	for i, w := range b.words {
		if i == 0 {
			continue
		}
		h := lexHash([]byte(w))
		j := h & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = slotOf(h, i)
		t.bloom[h>>6] |= 1 << (h & 63)
		if t.entries[i].flags&lxZoneStart != 0 {
			t.zoneBloom[h>>6] |= 1 << (h & 63)
		}
	}
	return t
}

// lexHash hashes a lower-case word for the Bloom filters and for
// lexSlots.
func lexHash(w []byte) uint32 {
	n := len(w)
	h := uint32(w[0])*0x9E3779B1 ^ uint32(w[n-1])*0x85EBCA77 ^ uint32(n)*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	return (h ^ h>>16) & 0xFFFF
}

// lookup returns the lexicon index of a lower-case word, or 0. With
// zoneOnly, words that cannot start a zone phrase are skipped.
//
// lexBloom is a one-hash Bloom filter over the lexicon: most words of a
// line are not in it, and the filter rejects them without a table probe.
// zoneBloom is the same filter for the first words of zone phrases only,
// used on lines without digits, where nothing but a zone can be found.
func lookup(w []byte, zoneOnly bool) uint16 {
	if len(w) == 0 || len(w) > maxLexLen {
		return 0
	}
	h := lexHash(w)
	filter := &lexBloom
	if zoneOnly {
		filter = &zoneBloom
	}
	if filter[h>>6]&(1<<(h&63)) == 0 {
		return 0
	}
	const mask = uint32(len(lexSlots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := lexSlots[j]
		if s == 0 {
			return 0
		}
		if s>>16 == h {
			e := &lexEntries[uint16(s)]
			if string(w) == lexText[e.wordAt:uint(e.wordAt)+uint(e.wordLen)] {
				return uint16(s)
			}
		}
	}
}
