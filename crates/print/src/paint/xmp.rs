//! The XMP metadata packet: the document's title, author, subject, language and dates (the same as
//! the Info dictionary's) and the PDF/UA-1 claim (`pdfuaid:part` 1) that assistive technology and
//! checkers look for.

use super::super::block::Document;

/// Tool name written as the creator tool and producer.
const TOOL: &str = "handouts";

/// The XMP packet of `doc`. Its dates are the handout's `created` date at midnight UTC, like the
/// Info dictionary's, never the clock.
pub(super) fn packet(doc: &Document) -> String {
    let date = format!("{}T00:00:00Z", doc.created);
    let mut description = String::new();
    if !doc.subject.is_empty() {
        description = format!(
            "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            escape(&doc.subject)
        );
    }
    let mut creator = String::new();
    if !doc.author.is_empty() {
        creator = format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(&doc.author)
        );
    }
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
{creator}{description}\
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
   <xmp:CreateDate>{date}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
   <xmp:CreatorTool>{TOOL}</xmp:CreatorTool>\n\
   <pdf:Producer>{TOOL}</pdf:Producer>\n\
   <pdfuaid:part>1</pdfuaid:part>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        title = escape(&doc.title),
        lang = escape(&doc.lang),
    )
}

/// `text` as XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::block::Document;
    use super::super::super::print_xml::parse;
    use super::*;

    fn doc(title: &str) -> Document {
        let xml = format!(
            "<handout lang=\"es-US\" title=\"{title}\" author=\"A &amp; B\" created=\"2026-09-14\">\
             <header/><footer url=\"https://x.example/\"/></handout>"
        );
        parse(&xml).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_packet_declares_pdf_ua_and_escapes_the_text() {
        let xmp = packet(&doc("Peeling &lt;light&gt;"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
        assert!(xmp.contains("<rdf:li xml:lang=\"x-default\">Peeling &lt;light&gt;</rdf:li>"));
        assert!(xmp.contains("<dc:language><rdf:Bag><rdf:li>es-US</rdf:li></rdf:Bag>"));
        assert!(xmp.contains("<rdf:li>A &amp; B</rdf:li>"));
        assert!(xmp.contains("<xmp:CreateDate>2026-09-14T00:00:00Z</xmp:CreateDate>"));
        assert!(
            !xmp.contains("dc:description"),
            "no subject, no description"
        );
    }
}
