// Package when finds maintenance-window facts (date, clock times, time zone,
// duration) in one line of free text.
//
// Upgrade plans are written by people, in English, German, Spanish or French,
// and in whatever style the author is used to. Scan reads a single line whose
// markup has already been removed and reports the facts it is confident about,
// each with the byte range it came from so that a linter can point at the
// exact column:
//
//	w := when.Scan("Samstag, 12. Dez. 2026, 22:00–04:00 Uhr MEZ", today)
//	// w.Date  = 2026-12-12      "12. Dez. 2026"
//	// w.Start = 22:00           "22:00"
//	// w.End   = 04:00           "04:00 Uhr"
//	// w.Zone  = MEZ, UTC+1      "MEZ"
//	// w.Duration = 6h (computed, the range crosses midnight)
//
// # How it works
//
// The line is cut once into numbers, words and punctuation, without regular
// expressions. Words are looked up in a small multilingual lexicon (month and
// weekday names, units, prepositions, cue words). Recognisers then run in a
// fixed order, each claiming the tokens it used so that later ones cannot
// reinterpret them: dates first (so "12.12.2026" is never read as a clock),
// then clock times and ranges, then durations, then time zones. Finally the
// first time range (or first clock) becomes the window, with the date written
// closest before it and the zone written next to it.
//
// # Being conservative
//
// A false positive costs more than a miss, so numbers that look like
// versions, addresses or sizes are rejected: a dotted number chain
// ("16.11.10", "10.0.0.5"), a number glued to letters ("v17", "el8", "x86_64"),
// and a lone dotted pair ("17.8", "22.04") are not dates or times. A dotted
// time such as "22.00" needs "Uhr"/"h", a preposition ("um 22.00") or a
// partner in a range ("22.00–04.00"). Zone abbreviations must be upper case
// standalone words, so the German "ist" never becomes India Standard Time.
//
// The package only uses the standard library; the embedded time zone
// database (time/tzdata) makes Window.StartTime work on machines without
// zoneinfo files.
package when
