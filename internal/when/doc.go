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
// # Choices on ambiguous input
//
//   - 03/04/2026: D/M when the first number is over 12, M/D when the second
//     is; otherwise D/M if the line has German, Spanish or French words
//     (including month and weekday names), else M/D. Dashes follow the same
//     rule; dots are always D.M.Y.
//   - Two-digit years (12.12.26) are 20YY and only accepted from last year
//     to three years ahead, and not after a version word ("GitLab",
//     "version", "upgrade to"): 16.11.10 stays a version.
//   - A year-less "12.12." needs a weekday or date preposition before it
//     ("am", "le", "el"), a clock time after it, or two-digit parts in a
//     German/Spanish/French line or at the start of the line ("1.2." is a
//     section number). A year-less "12/12" needs a weekday, a preposition
//     ("on") or a clock time, and is never followed by "of" ("1/2 of").
//   - "4h" alone: a clock time after "à", "um", "at", "a las"; a duration
//     after "for", "duration", "approx." or before "window", "downtime";
//     otherwise a clock time when the hour is 13..23, zero-padded ("08h")
//     or written with minutes "h00", else a duration.
//   - A bare number starts a range only if the end carries a unit
//     ("22–4 Uhr", "10–2am") or the range is introduced ("von 22 bis 04:00").
//     An am/pm written only at the end applies to the start when that keeps
//     the start before the end ("9–11pm" is 21–23, "10–2am" is 22–02).
//   - 24:00 is 00:00. A range whose ends are equal has Duration 0.
//   - Durations that place a moment ("2 hours before", "every 6 hours",
//     "vor 2 Stunden") are ignored; "4–6 hours" is 6 hours.
//   - Zone abbreviations are fixed offsets without a location (see abbrevs
//     for IST, BST, CST and the other ambiguous ones); only UTC also has the
//     IANA name "UTC". Spelled-out names ("Berlin time", "Eastern Time")
//     have a location but no fixed offset. A few abbreviations that are also
//     words ("ART", "WEST", "ET") count only in lines with a date or time.
//
// The package only uses the standard library; the embedded time zone
// database (time/tzdata) makes Window.StartTime work on machines without
// zoneinfo files.
package when
