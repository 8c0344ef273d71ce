package lint

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Term is a concept the vocabulary recognises in text: a section kind
// ("rollback"), a fact label ("target version"), a command
// ("gitlab-backup create") or a signal word ("not"). Rules ask lines which
// terms they contain instead of matching strings themselves.
type Term uint8

// termSet is a bit set of terms.
type termSet [4]uint64

func (s *termSet) add(t Term)      { s[t>>6] |= 1 << (t & 63) }
func (s termSet) has(t Term) bool  { return s[t>>6]&(1<<(t&63)) != 0 }
func (s termSet) empty() bool      { return s == termSet{} }
func (s *termSet) union(o termSet) { s[0] |= o[0]; s[1] |= o[1]; s[2] |= o[2]; s[3] |= o[3] }
func (s termSet) intersects(o termSet) bool {
	return s[0]&o[0] != 0 || s[1]&o[1] != 0 || s[2]&o[2] != 0 || s[3]&o[3] != 0
}

// Token is one word of a line: a run of letters and digits, lower-cased.
type Token struct {
	Start, End int    // byte offsets in Line.Text
	Word       string // lower-case
	// Break is true when punctuation that ends a clause (. ; ! ? :) or a
	// dash separates this token from the previous one.
	Break bool
	hash  uint32 // wordHash(Word), computed while tokenizing
}

// Match is one vocabulary phrase found in a line.
type Match struct {
	Term       Term
	Tok, NTok  int // first token index and token count
	Start, End int // byte offsets in Line.Text
}

// phrase is one vocabulary entry: a sequence of words; the last may end
// with '*' to match any word it starts.
type phrase struct {
	words  []string
	prefix bool
	term   Term
}

// lexicon indexes phrases by their first word, and phrases of two or
// more words also by their first two words, so matching costs about one
// table probe per token. It holds no maps, so the table built from the
// vocabulary can be written out as Go literals (lexicon_gen.go) that the
// linker lays out in the binary: start-up builds nothing.
type lexicon struct {
	// slots is an open-addressing table over the hashes of the first
	// words of phrases; most words of a line start no phrase and stop at
	// an empty slot. Slots are 8 bytes, so the table stays in cache; the
	// words and their entries are in words.
	slots []wordSlot
	mask  uint32
	words []lexWord
	// pairs is an open-addressing table of the phrases of two or more
	// words by the hashes of their first two words.
	pairs    []pairSlot
	pairMask uint32
	// prefixes holds single-word prefix phrases by the hash of their
	// first three bytes; a bucket may hold phrases of other keys, so
	// matches are verified.
	prefixes [1 << 12][]*phrase
}

// wordSlot is a slot of lexicon.slots: the hash of a word and its index
// in lexicon.words plus one (zero for an empty slot).
type wordSlot struct {
	hash uint32
	idx  uint32
}

// lexWord is a first word of phrases and what starts with it.
type lexWord struct {
	word string
	wordEntry
}

type pairSlot struct {
	key     uint64
	phrases []*phrase
}

type wordEntry struct {
	// terms of the single-word phrases that are exactly this word.
	terms []Term
	// multi is true when a longer phrase starts with this word.
	multi bool
	// loose holds the two-word phrases that start with this word and
	// whose second word is a prefix ("background migration*").
	loose []*phrase
}

const prefixKey = 3

// wordHash hashes a word (FNV-1a); tokenize computes the same hash as it
// scans.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

func pairKey(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

func prefixSlot(h3 uint32) uint32 { return (h3 ^ h3>>12 ^ h3>>24) & (1<<12 - 1) }

func pairSlotOf(key uint64, mask uint32) uint32 { return uint32(key^key>>29) * 2654435761 >> 7 & mask }

// pairPhrases returns the phrases whose first two words hash to key.
func (lx *lexicon) pairPhrases(key uint64) []*phrase {
	for i := pairSlotOf(key, lx.pairMask); ; i = (i + 1) & lx.pairMask {
		s := &lx.pairs[i]
		if s.phrases == nil || s.key == key {
			return s.phrases
		}
	}
}

// lookup returns the entry of a word with hash h, or nil.
func (lx *lexicon) lookup(w string, h uint32) *wordEntry {
	for i := h & lx.mask; ; i = (i + 1) & lx.mask {
		s := lx.slots[i]
		if s.idx == 0 {
			return nil
		}
		if s.hash == h {
			if e := &lx.words[s.idx-1]; e.word == w {
				return &e.wordEntry
			}
		}
	}
}

func newLexicon(entries map[Term]string) *lexicon {
	// Terms and words are taken in a fixed order, so the tables, and the
	// order of matches at one token, are the same in every build.
	terms := make([]Term, 0, len(entries))
	total := 0
	for t, list := range entries {
		terms = append(terms, t)
		total += strings.Count(list, "|") + 1
	}
	slices.Sort(terms)
	lx := &lexicon{}
	words := make(map[string]*wordEntry, total)
	pairs := make(map[uint64][]*phrase, total/2)
	entry := func(w string) *wordEntry {
		e := words[w]
		if e == nil {
			e = &wordEntry{}
			words[w] = e
		}
		return e
	}
	var toks []Token
	for _, term := range terms {
		for rest := entries[term]; rest != ""; {
			var raw string
			raw, rest, _ = strings.Cut(rest, "|")
			raw = strings.TrimSpace(raw)
			if raw == "" {
				continue
			}
			toks = tokenize(lowerSameLen(raw), toks[:0])
			if len(toks) == 0 {
				continue
			}
			p := &phrase{term: term, prefix: strings.HasSuffix(raw, "*")}
			for _, t := range toks {
				p.words = append(p.words, t.Word)
			}
			switch {
			case len(p.words) == 1 && p.prefix:
				w := p.words[0]
				k := w
				if len(k) > prefixKey {
					k = k[:prefixKey]
				}
				i := prefixSlot(wordHash(k))
				lx.prefixes[i] = append(lx.prefixes[i], p)
			case len(p.words) == 1:
				e := entry(p.words[0])
				if !hasTerm(e.terms, term) {
					e.terms = append(e.terms, term)
				}
			case len(p.words) == 2 && p.prefix:
				e := entry(p.words[0])
				e.multi = true
				e.loose = append(e.loose, p)
			default:
				entry(p.words[0]).multi = true
				key := pairKey(wordHash(p.words[0]), wordHash(p.words[1]))
				pairs[key] = append(pairs[key], p)
			}
		}
	}
	size := 1
	for size < 2*len(words) {
		size <<= 1
	}
	lx.slots = make([]wordSlot, size)
	lx.mask = uint32(size - 1)
	for _, w := range slices.Sorted(maps.Keys(words)) {
		lx.words = append(lx.words, lexWord{word: w, wordEntry: *words[w]})
		h := wordHash(w)
		i := h & lx.mask
		for lx.slots[i].idx != 0 {
			i = (i + 1) & lx.mask
		}
		lx.slots[i] = wordSlot{hash: h, idx: uint32(len(lx.words))}
	}
	size = 1
	for size < 2*len(pairs) {
		size <<= 1
	}
	lx.pairs = make([]pairSlot, size)
	lx.pairMask = uint32(size - 1)
	for _, key := range slices.Sorted(maps.Keys(pairs)) {
		i := pairSlotOf(key, lx.pairMask)
		for lx.pairs[i].phrases != nil {
			i = (i + 1) & lx.pairMask
		}
		lx.pairs[i] = pairSlot{key: key, phrases: pairs[key]}
	}
	return lx
}

func hasTerm(ts []Term, t Term) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// match appends every phrase found in toks to dst.
func (lx *lexicon) match(toks []Token, dst []Match) []Match {
	for i := range toks {
		w := toks[i].Word
		if e := lx.lookup(w, toks[i].hash); e != nil {
			for _, t := range e.terms {
				dst = append(dst, Match{Term: t, Tok: i, NTok: 1, Start: toks[i].Start, End: toks[i].End})
			}
			if e.multi && i+1 < len(toks) {
				for _, p := range lx.pairPhrases(pairKey(toks[i].hash, toks[i+1].hash)) {
					if n := p.matchAt(toks, i); n > 0 {
						dst = append(dst, Match{Term: p.term, Tok: i, NTok: n, Start: toks[i].Start, End: toks[i+n-1].End})
					}
				}
				for _, p := range e.loose {
					if n := p.matchAt(toks, i); n > 0 {
						dst = append(dst, Match{Term: p.term, Tok: i, NTok: n, Start: toks[i].Start, End: toks[i+n-1].End})
					}
				}
			}
		}
		if len(w) < 2 {
			continue
		}
		var h3 uint32
		if len(w) <= prefixKey {
			h3 = toks[i].hash
		} else {
			h3 = wordHash(w[:prefixKey])
		}
		for _, p := range lx.prefixes[prefixSlot(h3)] {
			if strings.HasPrefix(w, p.words[0]) {
				dst = append(dst, Match{Term: p.term, Tok: i, NTok: 1, Start: toks[i].Start, End: toks[i].End})
			}
		}
	}
	return dst
}

func (p *phrase) matchAt(toks []Token, i int) int {
	if i+len(p.words) > len(toks) {
		return 0
	}
	last := len(p.words) - 1
	for k := 0; k <= last; k++ {
		w := toks[i+k].Word
		if k == last && p.prefix {
			if !strings.HasPrefix(w, p.words[k]) {
				return 0
			}
			continue
		}
		if w != p.words[k] {
			return 0
		}
	}
	return len(p.words)
}

// Byte classes of ASCII for tokenize.
const (
	clOther = iota
	clWord
	clBreak // ends a clause: ; ! ? : ( ) |
	clDot   // . and , end a clause only before a space or the end
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clWord
		t[c-'a'+'A'] = clWord
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clWord
	}
	for _, c := range ";!?:()|" {
		t[c] = clBreak
	}
	t['.'], t[','] = clDot, clDot
	return t
}()

// tokenize splits lower-cased text into word tokens, hashing each word as
// it goes.
func tokenize(lower string, dst []Token) []Token {
	const offset, prime = 2166136261, 16777619
	start := -1
	brk := false
	var h uint32
	for i := 0; i < len(lower); {
		c := lower[i]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl == clWord {
				if start < 0 {
					start, h = i, offset
				}
				h = (h ^ uint32(c)) * prime
				i++
				continue
			}
			if start >= 0 {
				dst = append(dst, Token{Start: start, End: i, Word: lower[start:i], Break: brk, hash: h})
				start, brk = -1, false
			}
			switch cl {
			case clBreak:
				brk = true
			case clDot:
				// A dot or comma ends a clause only before a space or the
				// end ("done. Then"), not inside "16.3.9" or "30,000".
				if i+1 >= len(lower) || lower[i+1] == ' ' || lower[i+1] == '\t' {
					brk = c == '.'
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(lower[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start, h = i, offset
			}
			for k := i; k < i+n; k++ {
				h = (h ^ uint32(lower[k])) * prime
			}
		} else {
			if start >= 0 {
				dst = append(dst, Token{Start: start, End: i, Word: lower[start:i], Break: brk, hash: h})
				start, brk = -1, false
			}
			switch r {
			case '—', '–', '→':
				brk = true
			}
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, Token{Start: start, End: len(lower), Word: lower[start:], Break: brk, hash: h})
	}
	return dst
}

// lowerSameLen lower-cases s without changing any byte offset: runes whose
// lower case has another UTF-8 length are kept as they are.
func lowerSameLen(s string) string {
	i := lowerPrefix(s)
	if i == len(s) {
		return s
	}
	b := appendLower(append(make([]byte, 0, len(s)), s[:i]...), s[i:])
	return unsafe.String(&b[0], len(b))
}
