//! Numbers kept with their units on web pages: `2 weeks`, `10 minutos`, `100.4 °F` are joined by a
//! no-break space, so a narrow screen never shows the number at the end of one line and its unit
//! at the start of the next. Only the HTML's text changes: the Markdown stays as written.

/// The unit words a number keeps beside it, lowercase, English then Spanish; a unit is matched
/// whole and without regard to case (`Weeks`, `DÍAS`).
const UNITS: &[&str] = &[
    // English.
    "second",
    "seconds",
    "sec",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "session",
    "sessions",
    "treatment",
    "treatments",
    "time",
    "times",
    "mg",
    "mcg",
    "g",
    "kg",
    "ml",
    "l",
    "mm",
    "cm",
    "inch",
    "inches",
    "%",
    "°",
    "°f",
    "°c",
    "f",
    "c",
    "units",
    "unit",
    "lb",
    "lbs",
    // Spanish.
    "segundo",
    "segundos",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "día",
    "días",
    "semana",
    "semanas",
    "mes",
    "meses",
    "año",
    "años",
    "sesión",
    "sesiones",
    "tratamiento",
    "tratamientos",
    "vez",
    "veces",
    "unidad",
    "unidades",
];

/// `text` with the space between a number and a unit after it made a no-break space.
pub(super) fn glue(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(' ') {
        let (before, after) = (&rest[..at], &rest[at + 1..]);
        out.push_str(before);
        let joined = ends_in_number(&out) && starts_with_unit(after);
        out.push(if joined { '\u{a0}' } else { ' ' });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether the last word of `text` is a number: digits, maybe with a decimal point or comma, or
/// a range (`1–3`, `10-15`), ending in a digit.
fn ends_in_number(text: &str) -> bool {
    let word = text.rsplit([' ', '\u{a0}', '(', '\n']).next().unwrap_or("");
    word.ends_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '–' | '-' | '/'))
}

/// Whether `text` starts with one of [`UNITS`] as a whole word (a full stop, comma or the like
/// may follow it).
fn starts_with_unit(text: &str) -> bool {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '%' | '°'))
        .collect();
    !word.is_empty() && UNITS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::glue;

    #[test]
    fn a_number_keeps_its_unit_and_nothing_else() {
        assert_eq!(glue("for 2 weeks."), "for 2\u{a0}weeks.");
        assert_eq!(glue("durante 2 semanas"), "durante 2\u{a0}semanas");
        assert_eq!(
            glue("wait 10 minutes, then 1–3 Days"),
            "wait 10\u{a0}minutes, then 1–3\u{a0}Days"
        );
        assert_eq!(
            glue("a fever of 100.4 °F or 38 °C"),
            "a fever of 100.4\u{a0}°F or 38\u{a0}°C"
        );
        assert_eq!(
            glue("take 500 mg and 2 sesiones"),
            "take 500\u{a0}mg and 2\u{a0}sesiones"
        );
        assert_eq!(glue("up to 30 % of people"), "up to 30\u{a0}% of people");
        // A number before a word that is no unit, a unit without a number, a word ending in a
        // digit: unchanged.
        assert_eq!(glue("2 people in days"), "2 people in days");
        assert_eq!(glue("SPF 30 sunscreen"), "SPF 30 sunscreen");
        assert_eq!(glue("covid19 days"), "covid19 days");
        assert_eq!(glue("3 minutesque"), "3 minutesque");
    }
}
