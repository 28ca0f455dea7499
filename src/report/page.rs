//! The report's HTML: one standalone, accessible page (inline CSS, no script), a table with a
//! caption and scoped header cells, and every state said in words, never by colour alone.

use super::{language_name, Row};
use crate::diag::Diagnostic;
use crate::model::{Date, Site};
use crate::render::inline::escape;
use crate::theme::Theme;
use handouts_readability::Lang;
use std::fmt::Write as _;

/// Readable on screen and on paper; the colours pass WCAG AA contrast on white.
const STYLE: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",sans-serif;margin:2rem;color:#1a1a1a;line-height:1.45}\
h1{font-size:1.6rem;margin:0 0 .5rem}\
table{border-collapse:collapse;width:100%;margin-top:1rem}\
caption{text-align:left;font-weight:bold;padding:.5rem 0}\
th,td{border:1px solid #8a8a8a;padding:.4rem .5rem;text-align:left;vertical-align:top}\
thead th{background:#e8eef4}\
td.num{text-align:right;font-variant-numeric:tabular-nums}\
.file{display:block;font-weight:normal;font-size:.85rem;color:#444}\
.flag{font-weight:bold;color:#8b1a1a}\
tr.overdue th,tr.overdue td{background:#fff4e5}\
ul{margin:.3rem 0 0;padding-left:1.2rem}\
.note{display:block;font-size:.85rem;color:#444}\
@media print{body{margin:0}tr{break-inside:avoid}}\
@media (max-width:40rem){body{margin:1rem}\
table,caption,tbody,tr,th,td{display:block}\
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\
tr{border:1px solid #8a8a8a;margin-bottom:.75rem}\
th,td{border:0;border-top:1px solid #d0d0d0}\
tbody th{border-top:0}\
td.num{text-align:left}\
td::before{display:block;font-weight:bold;font-size:.85rem}\
td:nth-of-type(1)::before{content:\"Language\"}\
td:nth-of-type(2)::before{content:\"Grade\"}\
td:nth-of-type(3)::before{content:\"SMOG or INFLESZ, for information\"}\
td:nth-of-type(4)::before{content:\"Words\"}\
td:nth-of-type(5)::before{content:\"Reviewed\"}\
td:nth-of-type(6)::before{content:\"Next review\"}\
td:nth-of-type(7)::before{content:\"Warnings\"}}";

/// The whole page.
pub(super) fn html(site: &Site, theme: &Theme, rows: &[Row<'_>], today: Date) -> String {
    let clinic = escape(&site.clinic.name);
    let max = site.clinic.max_grade;
    let overdue = rows.iter().filter(|r| r.overdue).count();
    let warned = rows.iter().filter(|r| !r.warnings.is_empty()).count();
    let exempt = rows
        .iter()
        .filter(|r| r.variant.reading.exempt.is_some())
        .count();
    // Said only when there are any, so a clinic without fixed texts reads no news about them.
    let exempt = match exempt {
        0 => String::new(),
        n => format!("; {n} exempt from the plain-language checks"),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Plain-language report: {clinic}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Plain-language report</h1>\n\
         <p>{clinic}, {date}. Patient handouts should read at school grade 6 to 8 (AMA, NIH and CDC guidance); \
         this clinic's limit is grade {max} (<code>max_grade</code> in clinic.yaml). \
         The grade is Flesch–Kincaid for English and, for Spanish, the school grade of the Fernández-Huerta score with Law's correction. The warnings are the plain-language checks of each section the handout shows. \
         Only the grade is held to the limit: SMOG (English) and INFLESZ (Spanish) are a second measure, shown for information, \
         so a SMOG above the limit beside 0 warnings is expected.</p>\n\
         <p>{n} {handouts}; {overdue} overdue for review; {warned} with warnings{exempt}.</p>\n\
         <table>\n<caption>Every handout and translation, overdue reviews first</caption>\n<thead>\n<tr>\
         <th scope=\"col\">Handout</th><th scope=\"col\">Language</th><th scope=\"col\">Grade</th>\
         <th scope=\"col\">SMOG (English) or INFLESZ (Spanish), for information</th><th scope=\"col\">Words</th>\
         <th scope=\"col\">Reviewed</th><th scope=\"col\">Next review</th><th scope=\"col\">Warnings</th>\
         </tr>\n</thead>\n<tbody>\n",
        date = time_tag(today),
        n = rows.len(),
        handouts = if rows.len() == 1 { "handout" } else { "handouts" },
    );
    for row in rows {
        row_html(&mut out, row, theme, max);
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    out
}

fn row_html(out: &mut String, row: &Row<'_>, theme: &Theme, max: f64) {
    let v = row.variant;
    let class = if row.overdue {
        " class=\"overdue\""
    } else {
        ""
    };
    let (grade, second, words) = match &v.reading.counts {
        Some(c) => {
            let grade = (c.grade_corrected() * 10.0).round() / 10.0;
            // An exempt handout's text may not be changed, so its grade is shown, not flagged.
            let above = if grade > max && v.reading.exempt.is_none() {
                format!(" <span class=\"flag\">above {}</span>", max)
            } else {
                String::new()
            };
            let second = match c.lang {
                // SMOG is never compared with the limit (`validate::plain` warns on the grade
                // alone): above it, the cell says so, so no one reads it as a missed warning.
                Lang::En if (c.smog() * 10.0).round() / 10.0 > max => format!(
                    "SMOG {:.1}<span class=\"note\">above {max}, for information: the limit applies to the grade</span>",
                    c.smog()
                ),
                Lang::En => format!("SMOG {:.1}", c.smog()),
                Lang::Es => format!(
                    "INFLESZ {:.1} ({})",
                    c.inflesz(),
                    c.inflesz_band().map_or("", |b| b.label())
                ),
            };
            (format!("{grade:.1}{above}"), second, c.words.to_string())
        }
        None => ("not measured".into(), "not measured".into(), "–".into()),
    };
    let due = if row.overdue {
        " <span class=\"flag\">overdue</span>"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<tr{class}><th scope=\"row\">{title}<span class=\"file\">{file}</span></th>\
         <td>{lang} ({code})</td><td class=\"num\">{grade}</td><td class=\"num\">{second}</td>\
         <td class=\"num\">{words}</td><td>{reviewed}</td><td>{next}{due}</td><td>{warnings}</td></tr>",
        title = escape(&v.title),
        file = escape(&v.source.display().to_string()),
        lang = escape(&language_name(theme, v)),
        code = v.lang,
        reviewed = time_tag(v.revision.reviewed),
        next = time_tag(v.revision.next_review),
        warnings = warnings_html(&row.warnings, v.reading.exempt.as_deref()),
    );
}

/// The warnings cell: how many, then each; an exempt handout says so first, with the reason.
fn warnings_html(warnings: &[&Diagnostic], exempt: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(reason) = exempt {
        let _ = write!(
            out,
            "<p><strong>Exempt</strong> from the plain-language checks: {}</p>",
            escape(reason)
        );
    }
    if warnings.is_empty() {
        out.push('0');
        return out;
    }
    let _ = write!(out, "{}<ul>", warnings.len());
    for d in warnings {
        let _ = write!(out, "<li>{}</li>", escape(&where_and_what(d)));
    }
    out.push_str("</ul>");
    out
}

/// `path:line:column: message`, the first line of how the diagnostic prints.
fn where_and_what(d: &Diagnostic) -> String {
    let mut out = String::new();
    if let Some(file) = &d.file {
        let _ = write!(out, "{}:", file.display());
        if let Some(l) = d.location {
            let _ = write!(out, "{}:{}:", l.line, l.column);
        }
        out.push(' ');
    }
    out.push_str(&d.message);
    out
}

fn time_tag(date: Date) -> String {
    format!("<time datetime=\"{0}\">{0}</time>", date.iso())
}
