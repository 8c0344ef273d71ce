package lint

import (
	"slices"
	"strings"
)

// SentenceAt returns the bounds of the sentence of text that holds
// text[start:end]: from just after the last ". " before start to the first
// ". " at or after end (or the ends of text). Rules use it to keep a word's
// effect inside its own sentence: "helm rollback ... . The RDS snapshot is
// kept for 30 days" reverts nothing.
func SentenceAt(text string, start, end int) (int, int) {
	a := strings.LastIndex(text[:start], ". ") + 1
	b := len(text)
	if i := strings.Index(text[end:], ". "); i >= 0 {
		b = end + i
	}
	return a, b
}

// sentenceEnd returns the offset of the ". " that ends the sentence going
// on from offset from, or len(text), when a dot after a digit is a date's
// or an ordinal's ("am 19.12. um 07:00", "für das 2. Quartal"). Text with
// versions at sentence ends ("... 18.2.8. Then") needs SentenceAt.
func sentenceEnd(text string, from int) int {
	for i := from; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' && !(i > 0 && isDigitByte(text[i-1])) {
			return i
		}
	}
	return len(text)
}

// AnyPhraseSentence reports whether ok holds for the sentence around some
// occurrence in low of one of the phrases.
func AnyPhraseSentence(low string, phrases []string, ok func(start, end int) bool) bool {
	for _, p := range phrases {
		for off := 0; ; {
			i := strings.Index(low[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + len(p)
			if ok(SentenceAt(low, i, i)) {
				return true
			}
		}
	}
	return false
}

// QuestionAt reports whether the sentence that goes on from offset off
// ends in a question mark: "Brauchen wir den 17.1-Stopp? In der ...",
// "PostgreSQL 13 suffit-il pour GitLab 17 ? (ouverte)".
func QuestionAt(text string, off int) bool {
	for i := off; i < len(text); i++ {
		switch text[i] {
		case '?':
			// ("settings?maintenance_mode=true" is a URL's query.)
			if i+1 == len(text) || strings.IndexByte(" *_)\"'|`", text[i+1]) >= 0 {
				return true
			}
		case '!':
			return false
		case '.':
			if i+1 == len(text) || text[i+1] == ' ' {
				return false
			}
		}
	}
	return false
}

// UncheckedBox reports whether the text at offset off is the option of an
// unticked box in a form: "[x] Nó único [ ] Vários nós".
func UncheckedBox(text string, off int) bool {
	return strings.HasSuffix(strings.TrimRight(text[:off], " "), "[ ]")
}

// ReferredSection returns the section whose heading number the line names
// right after word, one of words ("Comprobación 5.1, luego ...", "see
// section 4.2"), or nil.
func (l *Line) ReferredSection(words ...string) *Section {
	if l.doc == nil {
		return nil
	}
	for i, t := range l.Tokens {
		if !slices.Contains(words, t.Word) || i+1 >= len(l.Tokens) {
			continue
		}
		// The number follows the word, perhaps after "§": "5.1", "4".
		rest := strings.TrimLeft(l.Text[t.End:], " §")
		n := 0
		for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.' && n+1 < len(rest) && rest[n+1] >= '0' && rest[n+1] <= '9') {
			n++
		}
		if n == 0 {
			continue
		}
		num := rest[:n]
		for _, s := range l.doc.Sections {
			if s.Heading == nil || s.Heading.Index >= l.Index {
				continue
			}
			title := strings.TrimSpace(s.Title)
			if strings.HasPrefix(title, num) && len(title) > n && (title[n] == ' ' || title[n] == '.' && len(title) > n+1 && title[n+1] == ' ') {
				return s
			}
		}
	}
	return nil
}
