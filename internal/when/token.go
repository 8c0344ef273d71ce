package when

import (
	"time"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kNum   kind = iota + 1 // a run of ASCII digits
	kWord                  // a run of letters (and combining marks)
	kPunct                 // any other single rune
)

// token is one number, word or punctuation rune of the scanned line.
// Whitespace is not a token; it is remembered in the space flag of the token
// that follows it.
type token struct {
	start, end int     // byte range in the text
	val        int     // kNum: value, saturating; kPunct: the rune
	ndig       int     // kNum: number of digits
	fl         lexFlag // kWord: lexicon flags
	lex        uint16  // kWord: index in lexEntries, 0 for unknown words
	lo, hi     int     // kWord: lower-case form is scanner.low[lo:hi]
	kind       kind
	space      bool // whitespace or the start of the text precedes the token
	upper      bool // kWord: only ASCII upper-case letters
	title      bool // kWord: the first letter is upper case
	used       bool // claimed by a date, clock or duration
	clockEnd   bool // last token of a recognised clock time
	zone       bool // part of a recognised time zone
}

const maxNum = 1 << 30

// scanner holds the state of one Scan call. Scanners are pooled so that the
// token and buffer slices are reused.
type scanner struct {
	text     string
	today    time.Time
	toks     []token
	low      []byte
	hint     bool // the line has German, Spanish or French words
	dayFirst bool // the document writes ambiguous numeric dates day first
	digits   bool
	dates    []dateCand
	times    []timeItem
	durs     []durCand
	zones    []zoneCand
	hasClock bool
}

func (s *scanner) reset(text string, today time.Time) {
	s.text = text
	s.today = today
	// A line has at most one token per byte, most have one per four. Long
	// lines get room for the worst case at once rather than growing.
	n := len(text)/3 + 16
	if len(text) > 4096 {
		n = len(text) + 1
	}
	if cap(s.toks) < n {
		s.toks = make([]token, 0, n)
	}
	if cap(s.low) < len(text) {
		s.low = make([]byte, 0, len(text)+16)
	}
	s.toks = s.toks[:0]
	s.low = s.low[:0]
	s.hint = false
	s.dayFirst = false
	s.digits = false
	s.dates = s.dates[:0]
	s.times = s.times[:0]
	s.durs = s.durs[:0]
	s.zones = s.zones[:0]
	s.hasClock = false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// tokenize cuts s.text into tokens.
func (s *scanner) tokenize() {
	text := s.text
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isSpaceByte(c):
				space = true
				i++
				continue
			case c >= '0' && c <= '9':
				j, v := i, 0
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					if v < maxNum {
						v = v*10 + int(text[j]-'0')
					}
					j++
				}
				s.toks = append(s.toks, token{start: i, end: j, val: v, ndig: j - i, kind: kNum, space: space})
				i = j
			case (c|0x20) >= 'a' && (c|0x20) <= 'z':
				i = s.word(i, space)
			default:
				s.toks = append(s.toks, token{start: i, end: i + 1, val: int(c), kind: kPunct, space: space})
				i++
			}
			space = false
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '⋅' || r == '·' || r == '•':
			// (Calendar invites join the date and the time with a dot:
			// "Saturday, 9 January 2027⋅7:00 – 15:00".)
			space = true
			i += w
			continue
		case unicode.IsLetter(r):
			i = s.word(i, space)
		default:
			s.toks = append(s.toks, token{start: i, end: i + w, val: int(r), kind: kPunct, space: space})
			i += w
		}
		space = false
	}
}

// word reads a run of letters starting at byte i, records its lower-case
// form and looks it up in the lexicon. It returns the end of the word.
func (s *scanner) word(i int, space bool) int {
	text := s.text
	lo := len(s.low)
	title := text[i] >= 'A' && text[i] <= 'Z'
	upper := true
	j := i
	for {
		// ASCII run first: the common case.
		k := j
		for k < len(text) {
			c := text[k] | 0x20
			if c < 'a' || c > 'z' {
				break
			}
			if text[k] >= 'a' {
				upper = false
			}
			k++
		}
		for ; j < k; j++ {
			s.low = append(s.low, text[j]|0x20)
		}
		if j >= len(text) || text[j] < utf8.RuneSelf {
			break
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		upper = false
		if j == i && unicode.IsUpper(r) {
			title = true
		}
		s.low = utf8.AppendRune(s.low, unicode.ToLower(r))
		j += w
	}
	t := token{start: i, end: j, kind: kWord, space: space, upper: upper, title: title, lo: lo, hi: len(s.low)}
	t.lex = lookup(s.low[t.lo:t.hi], !s.digits)
	t.fl = lexEntries[t.lex].flags
	if t.fl&lxHint != 0 && !upper && (j >= len(text) || text[j] != '-') && (i == 0 || text[i-1] != '-') {
		s.hint = true // not "IST", not "de-provision"
	}
	s.toks = append(s.toks, t)
	return j
}

// entry returns the lexicon entry of a word token (the empty entry for
// unknown words and other tokens).
func (t *token) entry() *lexEntry { return &lexEntries[t.lex] }

// --- small token predicates ---

// is reports whether token k is the word w (lower case).
func (s *scanner) is(k int, w string) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	t := &s.toks[k]
	return t.kind == kWord && string(s.low[t.lo:t.hi]) == w
}

// flags returns the lexicon flags of token k (0 for non-words).
func (s *scanner) flags(k int) lexFlag {
	if k < 0 || k >= len(s.toks) {
		return 0
	}
	t := &s.toks[k]
	return t.fl
}

// punctAt reports whether token k is the punctuation r with no space before it.
func (s *scanner) punctAt(k int, r rune) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == kPunct && s.toks[k].val == int(r) && !s.toks[k].space
}

// numAt reports whether token k is an unclaimed number glued to the token
// before it, with ndig digits (any number of digits when ndig is 0).
func (s *scanner) numAt(k, ndig int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	t := &s.toks[k]
	return t.kind == kNum && !t.space && !t.used && (ndig == 0 || t.ndig == ndig)
}

func isDash(r int) bool {
	return r == '-' || r == '–' || r == '—' || r == '−' || r == '‒'
}

// leftOK reports whether token i can begin a date, time or duration: it
// follows whitespace, the start of the text, or opening punctuation, and is
// not glued to letters, digits or a dotted chain ("v17", "x86_64", "1.2.3").
func (s *scanner) leftOK(i int) bool {
	if i == 0 || s.toks[i].space {
		return true
	}
	p := &s.toks[i-1]
	if p.kind != kPunct {
		return false
	}
	switch p.val {
	case '(', '[', '{', '"', '\'', '`', '*', '~', '≈', '<', '>', '@', '|', '“', '‘', '«', '„', '‚', '¡', '¿':
		return true
	case ',', ';', ':':
		// "Start:22:00", "Datum:12.12.2026" but not "30,000" or "a:b:1".
		return i >= 2 && s.toks[i-2].kind == kWord
	}
	return false
}

// rightOK reports whether an item ending before token j is properly
// terminated: by whitespace, the end of the text, closing punctuation, or
// a sentence dot/comma that is not part of a number or version.
func (s *scanner) rightOK(j int) bool {
	t := s.toks
	if j >= len(t) || t[j].space {
		return true
	}
	p := &t[j]
	if p.kind != kPunct {
		return false
	}
	switch p.val {
	case ')', ']', '}', '"', '\'', '`', '*', '!', '?', '|', '”', '’', '»', '“', '>', '<':
		return true
	case ',', ';', '.', ':':
		return j+1 >= len(t) || t[j+1].space || t[j+1].kind == kPunct
	case '/', '→', '~':
		if p.val == '/' && j+1 < len(t) && !t[j+1].space && t[j+1].kind == kWord && s.text[t[j+1].start] == 'P' {
			// "21:00:00+01:00/PT6H": the duration of an ISO interval.
			_, _, ok := isoDuration(s.text, t[j+1].start)
			return ok
		}
		return j+1 >= len(t) || t[j+1].space || t[j+1].kind != kWord
	}
	if isDash(p.val) {
		return j+1 >= len(t) || t[j+1].space || t[j+1].kind != kWord
	}
	return false
}

// flagBefore walks back from token i over at most max words (articles and
// most punctuation are skipped, numbers and sentence ends stop the walk) and
// reports whether one of them has a flag in f. A word with a flag in stop
// ends the walk without a match.
func (s *scanner) flagBefore(i int, f, stop lexFlag, max int) bool {
	words := 0
	for k := i - 1; k >= 0 && words < max; k-- {
		t := &s.toks[k]
		switch t.kind {
		case kNum:
			return false
		case kPunct:
			if t.val == '.' || t.val == ';' || t.val == '!' || t.val == '?' {
				// A dot glued to a word is an abbreviation ("ca.", "approx.").
				if t.val == '.' && !t.space && k > 0 && s.toks[k-1].kind == kWord {
					continue
				}
				return false
			}
			continue
		}
		fl := s.flags(k)
		if fl&f != 0 {
			return true
		}
		if fl&stop != 0 {
			return false
		}
		if fl&lxArticle != 0 {
			continue
		}
		words++
	}
	return false
}

// flagAfter reports whether one of the next max words after token j (skipping
// punctuation, stopping at numbers) has a flag in f.
func (s *scanner) flagAfter(j int, f lexFlag, max int) bool {
	words := 0
	for k := j; k < len(s.toks) && words < max; k++ {
		t := &s.toks[k]
		switch t.kind {
		case kNum:
			return false
		case kPunct:
			if t.val == ';' || t.val == '!' || t.val == '?' {
				return false
			}
			continue
		}
		if s.flags(k)&f != 0 {
			return true
		}
		words++
	}
	return false
}

// prevWord returns the index of the nearest word before token i, skipping
// punctuation only (not numbers), or -1.
func (s *scanner) prevWord(i int) int {
	for k := i - 1; k >= 0; k-- {
		switch s.toks[k].kind {
		case kWord:
			return k
		case kNum:
			return -1
		}
	}
	return -1
}
