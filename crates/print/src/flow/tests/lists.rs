//! Numbered lists that start anywhere, lists nested one level, checklists and labelled callout
//! boxes: laid out, tagged, and read back from the PDF (its text and its structure tree).

use lopdf::{Dictionary, Document, Object};

use super::super::super::font::{Face, Fonts};
use super::super::super::frame::{Item, Layout, Role, Tag};
use super::super::super::paint::tests::{run, write_temp};
use super::super::super::style::Style;
use super::super::super::{render, Color};
use super::editions::lay_in;
use super::fixture::HANDOUT;
use super::{assert_inside, body_lines, words};

/// The body of a handout using all four: a numbered list from 3 with a nested list, an item that
/// is only a nested list, a checklist, and callouts of every tone.
const BODY: &str = r#"
  <h1>After your procedure</h1>
  <h2>At home</h2>
  <p>Steps 1 and 2 were done at the clinic.</p>
  <ol start="3">
    <li>For the next 12 hours:
      <ul>
        <li>Do not drive.</li>
        <li>Rest with your head raised on two pillows, and keep the dressing dry and in place until the morning.</li>
      </ul>
    </li>
    <li>Drink water.</li>
    <li><ol start="8"><li>A step with no words of its own.</li><li>And the next.</li></ol></li>
  </ol>
  <h2>Bring with you</h2>
  <ul mark="box">
    <li>Your photo ID</li>
    <li>A list of your medicines</li>
    <li>Someone to drive you home</li>
  </ul>
  <box tone="important" label="Important"><p>Do not take aspirin for 3 days.</p></box>
  <box tone="tip" label="Tip"><p>An ice pack wrapped in a towel eases swelling.</p></box>
  <box tone="note" label="Note"><p>Some redness is normal for a day or two.</p></box>
  <box tone="warning" label="Warning"><p>Do not swim until the wound has closed.</p></box>
  <box tone="caution" label="Caution"><ul mark="check"><li>Wash your hands before you touch the dressing.</li></ul></box>
  <box tone="alert"><h2>When to call us</h2><p>A fever over 38 °C, or bleeding that does not stop.</p></box>
</handout>"#;

/// [`BODY`] in the fixture's metadata, header and footer.
fn lists() -> String {
    let furniture = HANDOUT.find("  <h1>").map_or("", |at| &HANDOUT[..at]);
    format!("{furniture}{}", BODY.trim_start())
}

/// Both editions of the sample, rendered.
fn editions() -> [(&'static str, &'static Style); 2] {
    [
        ("regular", Style::regular()),
        ("large", Style::large_print()),
    ]
}

fn pdf(xml: &str, style: &Style) -> (Vec<u8>, Layout) {
    match render(xml, Fonts::embedded(), style) {
        Ok(rendered) => (rendered.bytes, rendered.layout),
        Err(e) => panic!("does not render: {e:?}"),
    }
}

/// The PDF's text as `pdftotext -raw` reads it (content order), lines trimmed; `None` when the tool
/// is not installed.
fn raw_text(bytes: &[u8], name: &str) -> Option<Vec<String>> {
    let path = write_temp(name, bytes);
    let out = run("pdftotext", &["-raw", &path.to_string_lossy(), "-"]);
    let _ = std::fs::remove_file(path);
    let out = out?;
    assert!(out.status.success());
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .collect(),
    )
}

/// The PDF's structure tree as roles: `Document(H1 L(LI(Lbl LBody)) …)`, read with lopdf.
fn structure(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).unwrap_or_else(|e| panic!("lopdf: {e}"));
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap_or_else(|e| panic!("no structure tree: {e}"));
    let mut out = String::new();
    kids(&doc, root, &mut out);
    out
}

/// Appends the structure elements among `elem`'s kids, each as `S(kids…)` or `S` alone.
fn kids(doc: &Document, elem: &Dictionary, out: &mut String) {
    let list = match elem.get(b"K") {
        Ok(Object::Array(list)) => list.clone(),
        Ok(one) => vec![one.clone()],
        Err(_) => Vec::new(),
    };
    let mut first = true;
    for kid in list {
        let Ok(id) = kid.as_reference() else {
            continue; // an MCID or an OBJR: content, not an element
        };
        let child = doc.get_dictionary(id).unwrap_or_else(|e| panic!("{e}"));
        let role = child.get(b"S").and_then(Object::as_name).unwrap_or(b"?");
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(&String::from_utf8_lossy(role));
        let mut inner = String::new();
        kids(doc, child, &mut inner);
        if !inner.is_empty() {
            out.push_str(&format!("({inner})"));
        }
    }
}

/// The first text item reading `text` on any page: its page, x, baseline and structure element.
fn text_item(layout: &Layout, text: &str) -> (usize, f32, f32, usize, Face, Color) {
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                text: t,
                tag: Tag::Node(node),
                face,
                color,
                ..
            } = item
            {
                if t == text {
                    return (n, *x, *y, *node, *face, *color);
                }
            }
        }
    }
    panic!("no tagged text {text:?}")
}

/// The role of `node`'s ancestors, nearest first.
fn ancestors(layout: &Layout, node: usize) -> Vec<Role> {
    let mut out = Vec::new();
    let mut at = layout.tree[node].parent;
    while let Some(n) = at {
        out.push(layout.tree[n].role);
        at = layout.tree[n].parent;
    }
    out
}

#[test]
fn numbers_start_where_the_list_says_and_read_back_as_text() {
    for (name, style) in editions() {
        let (bytes, layout) = pdf(&lists(), style);
        assert_inside(&layout);
        // The numbers are words of the list's labels, in the body text's size, bold.
        for label in ["3.", "4.", "5.", "8.", "9."] {
            let (_, _, _, node, face, _) = text_item(&layout, label);
            assert_eq!(layout.tree[node].role, Role::Lbl, "{label}");
            assert_eq!(face, Face::Bold);
        }
        let Some(lines) = raw_text(&bytes, &format!("numbers-{name}.pdf")) else {
            continue;
        };
        let at = |needle: &str| {
            lines
                .iter()
                .position(|l| l.starts_with(needle))
                .unwrap_or_else(|| panic!("{needle:?} not read back from {name}: {lines:#?}"))
        };
        let order = [
            at("3. For the next 12 hours:"),
            at("Do not drive."),
            at("Rest with your head raised"),
            at("4. Drink water."),
            at("5. 8. A step with no words of its own."),
            at("9. And the next."),
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?} {name}");
        assert!(!lines.iter().any(|l| l.starts_with("1. ")), "{name}");
    }
}

#[test]
fn a_bad_start_is_an_error_not_a_panic() {
    let xml = lists().replace("<ol start=\"3\">", "<ol start=\"3rd\">");
    let errors = match render(&xml, Fonts::embedded(), Style::regular()) {
        Ok(_) => panic!("a bad start renders"),
        Err(errors) => errors,
    };
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["14:7: attribute `start` on <ol> must be a whole number from 0 to 999999999, not `3rd`"]
    );
}

#[test]
fn numbers_wider_than_the_gutter_widen_it() {
    let xml = lists().replace("<ol start=\"3\">", "<ol start=\"999999997\">");
    for (name, style) in editions() {
        let layout = lay_in(&xml, style);
        assert_inside(&layout);
        let (_, words_x, _, _, _, _) = text_item(&layout, "Drink");
        let (_, h2_x, _, _, _, _) = text_item(&layout, "At");
        assert!(words_x - h2_x > style.list_indent, "{name}");
        // Right-aligned, six points before the words: no number runs into its item.
        for label in ["999999997.", "999999998.", "999999999."] {
            let (_, x, _, _, _, _) = text_item(&layout, label);
            let width =
                super::super::text::width(Fonts::embedded(), label, Face::Bold, style.body_size);
            assert!((x + width + 6.0 - words_x).abs() < 0.01, "{name} {label}");
        }
    }
}

#[test]
fn a_nested_list_is_an_l_in_its_items_lbody_one_gutter_in() {
    for (name, style) in editions() {
        let (bytes, layout) = pdf(&lists(), style);
        let tree = structure(&bytes);
        let nested = "L(LI(Lbl LBody(L(LI(Lbl LBody) LI(Lbl LBody)))) LI(Lbl LBody) LI(Lbl LBody(L(LI(Lbl LBody) LI(Lbl LBody)))))";
        assert!(tree.contains(nested), "{name}: {tree}");
        // In the layout: the nested words' element is an LBody of an LI of an L in the parent's LBody.
        let (_, x_nested, _, node, _, _) = text_item(&layout, "Do");
        use Role::*;
        assert_eq!(
            ancestors(&layout, node),
            [LI, L, LBody, LI, L, Document],
            "{name}"
        );
        assert_eq!(layout.tree[node].role, LBody);
        let (_, x_parent, _, _, _, _) = text_item(&layout, "For");
        let (_, x_h2, _, _, _, _) = text_item(&layout, "At");
        assert!((x_parent - x_h2 - style.list_indent).abs() < 0.01, "{name}");
        assert!(
            (x_nested - x_parent - style.list_indent).abs() < 0.01,
            "{name}"
        );
        // An item made only of a nested list has its marker on the nested list's first line.
        let (_, _, y5, _, _, _) = text_item(&layout, "5.");
        let (_, _, y8, _, _, _) = text_item(&layout, "8.");
        assert!((y5 - y8).abs() < 0.01, "{name}");
    }
}

#[test]
fn nested_items_stay_whole_and_with_their_lead_in() {
    let nested: String = (0..6)
        .map(|i| format!("<li>{}</li>", words(&format!("sub{i}"), 25)))
        .collect();
    for (_, style) in editions() {
        for filler in 0..40 {
            let xml = lists().replace(
                "<h2>At home</h2>",
                &format!(
                    "<p>{}</p><ol><li>{} <ul>{nested}</ul></li></ol><h2>At home</h2>",
                    words("alpha", filler * 8 + 1),
                    words("leadin", 20)
                ),
            );
            let layout = lay_in(&xml, style);
            assert_inside(&layout);
            let pages_of = |word: &str| -> Vec<usize> {
                layout
                    .pages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| body_lines(p).iter().any(|l| l.2.contains(word)))
                    .map(|(n, _)| n)
                    .collect()
            };
            for i in 0..6 {
                let pages = pages_of(&format!("sub{i} "));
                assert_eq!(pages.len(), 1, "nested item {i} split (filler {filler})");
            }
            let lead = pages_of("leadin");
            assert_eq!(lead.len(), 1, "the item's words split (filler {filler})");
            assert_eq!(
                lead,
                pages_of("sub0 "),
                "lead-in left alone (filler {filler})"
            );
        }
    }
}

#[test]
fn a_checklist_item_is_labelled_by_an_empty_square_of_cap_height() {
    let fonts = Fonts::embedded();
    let mut sides = Vec::new();
    for (name, style) in editions() {
        let (bytes, layout) = pdf(&lists(), style);
        let (page, words_x, baseline, body, _, _) = text_item(&layout, "Your");
        let label = layout.tree[layout.tree[body].parent.unwrap_or(0)].children[0];
        assert_eq!(layout.tree[label].role, Role::Lbl);
        let marks: Vec<&Item> = layout.pages[page]
            .items
            .iter()
            .filter(|i| i.tag() == Tag::Node(label))
            .collect();
        let [Item::Rect {
            rect,
            fill: None,
            stroke: Some(stroke),
            ..
        }] = marks.as_slice()
        else {
            panic!("{name}: the label is not one outlined square: {marks:?}");
        };
        // Its outer edge runs from the baseline to the cap height, left of the words.
        let side = rect.w + stroke.width;
        assert!((rect.w - rect.h).abs() < 0.001);
        assert!((side - fonts.cap_height(Face::Regular, style.body_size)).abs() < 0.01);
        assert!((rect.y - stroke.width / 2.0 - baseline).abs() < 0.01);
        assert!(rect.right() + stroke.width < words_x);
        assert_eq!(stroke.color, style.accent);
        sides.push((side, stroke.width));
        // Three labels in the structure tree, each with content.
        let tree = structure(&bytes);
        assert!(tree.contains("H2 L(LI(Lbl LBody) LI(Lbl LBody) LI(Lbl LBody)) Div"));
    }
    // Large print scales the square with the type, like every mark.
    let ratio = Style::large_print().body_size / Style::regular().body_size;
    assert!((sides[1].0 / sides[0].0 - ratio).abs() < 0.01, "{sides:?}");
    assert!(sides[1].1 > sides[0].1);
}

#[test]
fn a_callout_reads_its_label_first_in_the_tones_colour() {
    for (name, style) in editions() {
        let (bytes, layout) = pdf(&lists(), style);
        let tree = structure(&bytes);
        assert!(
            tree.contains("Div(P P) Div(P P) Div(P P) Div(P P) Div(P L(LI(Lbl LBody))) Div(H2 P)"),
            "{name}: {tree}"
        );
        for (label, first, warm) in [
            ("Important", "Do", true),
            ("Tip", "An", false),
            ("Note", "Some", false),
            ("Warning", "Do", true),
            ("Caution", "Wash", true),
        ] {
            let (page, _, y, node, face, color) = text_item(&layout, label);
            assert_eq!(layout.tree[node].role, Role::P, "{label}");
            let div = layout.tree[node].parent.unwrap_or(0);
            assert_eq!(layout.tree[div].role, Role::Div);
            assert_eq!(layout.tree[div].children[0], node, "{label} is read first");
            assert_eq!(face, Face::Bold);
            let want = if warm {
                style.alert_strong
            } else {
                style.accent
            };
            assert_eq!(color, want, "{label}");
            // The box's first words come next, below the label on the same page.
            let mut texts = layout.pages[page].items.iter().filter_map(|i| match i {
                Item::Text { text, y, .. } => Some((text.as_str(), *y)),
                _ => None,
            });
            let next = texts.find(|(t, _)| *t == label).and(texts.next());
            assert!(
                matches!(next, Some((t, y1)) if t == first && y1 < y),
                "{name}: {label} then {next:?}"
            );
        }
        let Some(lines) = raw_text(&bytes, &format!("callout-{name}.pdf")) else {
            continue;
        };
        let at = |needle: &str| lines.iter().position(|l| l == needle);
        assert!(
            at("Important") < at("Do not take aspirin for 3 days."),
            "{name}"
        );
        assert!(at("Caution") < at("Wash your hands before you touch the dressing."));
    }
}

#[test]
fn a_labelled_callout_stays_whole_on_one_page() {
    for filler in 0..30 {
        let xml = lists().replace(
            "<h1>After your procedure</h1>",
            &format!(
                "<h1>After your procedure</h1><p>{}</p>",
                words("alpha", filler * 8 + 1)
            ),
        );
        let layout = lay_in(&xml, Style::regular());
        let (label_page, ..) = text_item(&layout, "Important");
        let (body_page, ..) = text_item(&layout, "aspirin");
        assert_eq!(label_page, body_page, "filler {filler}");
    }
}
