package when

import (
	"sync"
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

type lexEntry struct {
	flags lexFlag
	month time.Month
	unit  time.Duration
	hour  int   // lxNamedTime: 0 or 12
	abbr  bool  // an abbreviation: a dot right after it belongs to it
	guard uint8 // one of the g constants
}

// maxLexLen is the longest word (in bytes, lower case) worth looking up.
const maxLexLen = 32

// lexicon maps a lower-case word to its index in lexEntries. Index 0 is
// the empty entry of unknown words, so tokens need no pointer.
var (
	lexicon    = make(map[string]uint16, 700)
	lexEntries = make([]lexEntry, 1, 700)
)

// entry returns the entry of w, creating it. The pointer is only valid until
// the next call.
func entry(w string) *lexEntry {
	i, ok := lexicon[w]
	if !ok {
		i = uint16(len(lexEntries))
		lexEntries = append(lexEntries, lexEntry{})
		lexicon[w] = i
	}
	return &lexEntries[i]
}

func add(f lexFlag, words ...string) {
	for _, w := range words {
		entry(w).flags |= f
	}
}

// englishMonth lists the month words an English writer uses; all other
// month words hint at German, Spanish or French.
var englishMonth = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// monthFull and monthAbbr hold, per month, the full names and the
// abbreviations in English, German, Spanish and French, with and without
// accents.
var monthFull = [12][]string{
	{"january", "januar", "jänner", "jaenner", "enero", "janvier"},
	{"february", "februar", "feber", "febrero", "février", "fevrier"},
	{"march", "märz", "maerz", "marz", "marzo", "mars"},
	{"april", "abril", "avril"},
	{"may", "mai", "mayo"},
	{"june", "juni", "junio", "juin"},
	{"july", "juli", "julio", "juillet"},
	{"august", "agosto", "août", "aout"},
	{"september", "septiembre", "setiembre", "septembre"},
	{"october", "oktober", "octubre", "octobre"},
	{"november", "noviembre", "novembre"},
	{"december", "dezember", "diciembre", "décembre", "decembre"},
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

// Weekdays: full names, then abbreviations. German two-letter forms are
// guarded because "so", "do" and "mi" are ordinary words.
var weekdayFull = [7][]string{
	{"sunday", "sonntag", "domingo", "dimanche"},
	{"monday", "montag", "lunes", "lundi"},
	{"tuesday", "dienstag", "martes", "mardi"},
	{"wednesday", "mittwoch", "miércoles", "miercoles", "mercredi"},
	{"thursday", "donnerstag", "jueves", "jeudi"},
	{"friday", "freitag", "viernes", "vendredi"},
	{"saturday", "samstag", "sonnabend", "sábado", "sabado", "samedi"},
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

var englishWeekday = map[string]bool{
	"sunday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true,
}

// prepared guards the one-time build of the lexicon and the zone phrases.
var prepared sync.Once

// Prepare builds the word tables Scan uses. Scan calls it itself; a
// program may call it early, on another goroutine, to take the cost off
// its first Scan.
func Prepare() { prepared.Do(build) }

func build() {
	zonePhrases = buildPhrases()
	for i := range monthFull {
		m := time.Month(i + 1)
		for _, w := range monthFull[i] {
			e := entry(w)
			e.flags |= lxMonth
			e.month = m
			if !englishMonth[w] {
				e.flags |= lxHint
			}
		}
		for _, w := range monthAbbr[i] {
			e := entry(w)
			e.flags |= lxMonth
			e.month = m
			e.abbr = true
			if !englishMonth[w] {
				e.flags |= lxHint
			}
		}
	}
	entry("may").guard = gMay
	entry("set").guard = gNeedDot
	entry("ago").guard = gNeedDot

	for i := range weekdayFull {
		for _, w := range weekdayFull[i] {
			e := entry(w)
			e.flags |= lxWeekday
			if !englishWeekday[w] {
				e.flags |= lxHint
			}
		}
		for _, w := range weekdayAbbr[i] {
			e := entry(w)
			e.flags |= lxWeekday
			e.abbr = true
		}
		e := entry(weekdayTwo[i])
		e.flags |= lxWeekday
		e.abbr = true
		e.guard = gTwoLetter
	}

	for _, w := range []string{"h", "hr", "hrs", "hour", "hours", "std", "stdn", "stunde", "stunden", "hora", "horas", "heure", "heures"} {
		e := entry(w)
		e.flags |= lxUnit
		e.unit = time.Hour
	}
	for _, w := range []string{"m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "mn"} {
		e := entry(w)
		e.flags |= lxUnit
		e.unit = time.Minute
	}
	entry("m").guard = gCompound
	for _, w := range []string{"day", "days", "tag", "tage", "tagen", "día", "días", "dia", "dias", "jour", "jours"} {
		e := entry(w)
		e.flags |= lxUnit
		e.unit = 24 * time.Hour
	}
	for _, w := range []string{"hr", "hrs", "std", "stdn", "min", "mins"} {
		entry(w).abbr = true
	}

	add(lxHint,
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

	add(lxDurNoun, "duration", "dauer", "durée", "duree", "duración", "duracion", "length")
	add(lxDurCue, "takes", "take", "taking", "lasts", "dauert", "dure", "durera", "durará", "tarda",
		"approx", "approximately", "ca", "circa", "about", "etwa", "ungefähr", "ungefaehr", "environ",
		"aproximadamente", "aprox", "unos", "unas", "estimated", "expected", "for", "während",
		"pendant", "durante", "window", "fenster", "wartungsfenster", "ventana", "fenêtre", "fenetre",
		"downtime", "max", "maximum", "up", "total")
	add(lxDurAfter, "window", "fenster", "wartungsfenster", "downtime", "outage", "ausfall",
		"ausfallzeit", "ventana", "fenêtre", "fenetre", "slot", "max", "maximum", "total", "long",
		"lang", "lange", "block", "timeframe", "maintenance", "wartung", "mantenimiento")
	add(lxDurNegPre, "every", "each", "alle", "cada", "toutes", "tous", "hace", "vor", "nach",
		"after", "last", "past")
	add(lxDurNegPost, "before", "after", "ago", "prior", "earlier", "later", "beforehand", "ahead",
		"notice", "vorher", "vorab", "früher", "später", "vor", "nach", "zuvor", "antes", "después",
		"despues", "avant", "après", "apres", "tard", "auparavant")

	add(lxRangeSep, "to", "till", "til", "until", "bis", "a", "à", "hasta", "jusqu")
	add(lxPairAnd, "and", "und", "y", "et")
	add(lxRangeIntro, "from", "von", "de", "desde", "between", "entre", "zwischen")
	add(lxBetween, "between", "entre", "zwischen")
	add(lxArticle, "las", "la", "les", "los")
	add(lxClockPrep, "at", "um", "à", "las", "la", "ab", "gegen", "vers", "dès", "from", "von", "desde",
		"starting", "start", "starts", "begins", "beginning", "beginn", "beginnt", "début", "debut",
		"inicio", "comienza", "empieza", "bis", "until", "till", "hasta", "jusqu")
	add(lxEndKw, "end", "ends", "ending", "finish", "finishes", "finished", "ende", "endet", "fin",
		"termina", "finaliza", "until", "till", "bis", "hasta", "jusqu")
	add(lxDatePrep, "on", "am", "le", "el", "den", "vom", "ab", "bis", "zum", "du", "au", "del",
		"date", "datum", "fecha", "termin", "ce")
	add(lxDotPrep, "am", "vom", "ab", "bis", "zum", "den", "le", "du", "au", "el", "del", "datum",
		"termin", "fecha", "date")
	add(lxVersion, "gitlab", "version", "versions", "versión", "versionen", "release", "v", "ee", "ce",
		"chart", "helm", "patch", "upgrade", "upgrading", "update", "updating", "postgresql",
		"postgres", "ubuntu", "rhel", "debian", "centos", "redis", "node", "omnibus", "runner",
		"image", "tag", "package", "pg", "psql", "kernel")
	add(lxOrdinal, "st", "nd", "rd", "th", "er", "re", "º", "ª")
	add(lxOf, "of", "de", "del")
	add(lxFraction, "of", "der", "des", "de", "du")

	add(lxCounter, "step", "steps", "phase", "phases", "schritt", "fase", "étape", "etape", "paso",
		"stage", "stufe", "part", "teil", "parte", "partie", "node", "nodes", "server", "servers",
		"item", "task", "issue", "ticket", "option", "punkt", "point", "nr", "no", "number", "nummer",
		"número", "numero", "numéro", "runner", "runners", "replica", "replicas", "shard", "shards", "ratio", "ratios", "scale",
		"verhältnis", "proportion")
	for _, w := range []string{"midnight", "mitternacht", "medianoche", "minuit"} {
		entry(w).flags |= lxNamedTime
	}
	for _, w := range []string{"noon", "mittag", "mediodía", "mediodia", "midi"} {
		e := entry(w)
		e.flags |= lxNamedTime
		e.hour = 12
	}

	for first := range zonePhrases {
		add(lxZoneStart, first)
	}

	for w, i := range lexicon {
		h := lexHash([]byte(w))
		lexBloom[h>>6] |= 1 << (h & 63)
		if lexEntries[i].flags&lxZoneStart != 0 {
			zoneBloom[h>>6] |= 1 << (h & 63)
		}
	}
}

// lexBloom is a one-hash Bloom filter over the lexicon: most words of a
// line are not in it, and the filter rejects them without a map lookup.
var lexBloom [1024]uint64

func lexHash(w []byte) uint32 {
	n := len(w)
	h := uint32(w[0])*0x9E3779B1 ^ uint32(w[n-1])*0x85EBCA77 ^ uint32(n)*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	return (h ^ h>>16) & 0xFFFF
}

// zoneBloom is the same filter for the first words of zone phrases only,
// used on lines without digits, where nothing but a zone can be found.
var zoneBloom [1024]uint64

// lookup returns the lexicon index of a lower-case word, or 0. With
// zoneOnly, words that cannot start a zone phrase are skipped.
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
	return lexicon[string(w)]
}
