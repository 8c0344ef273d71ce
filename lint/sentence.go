package lint

import "strings"

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
			return true
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
