//! Where everything is published: every page, PDF and asset path and URL, computed in one place.
//!
//! Paths are relative to the output folder, with `/` separators; a page's links are made relative
//! (through [`Routes::root_from`]) so the section works under any sub-path, and absolute URLs come
//! from the clinic's base URL. The default language sits at the root; every other language gets the
//! same tree under its code (`es/…`).

use crate::edition::{Lang, PrintSize};
use crate::model::{BaseUrl, Slug};

/// A page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    /// The list of every handout.
    Index,
    /// A procedure and its variants.
    Procedure(&'a Slug),
    /// One variant's handout: procedure, variant.
    Variant(&'a Slug, &'a Slug),
}

/// The site's address book.
#[derive(Clone, Debug)]
pub struct Routes {
    base: BaseUrl,
    default_lang: Lang,
}

impl Routes {
    /// Routes for a site published at `base` whose first language is `default_lang`.
    pub fn new(base: &BaseUrl, default_lang: Lang) -> Routes {
        Routes {
            base: base.clone(),
            default_lang,
        }
    }

    /// The folder a language's tree starts in: empty for the default language, `es/` for Spanish.
    pub fn lang_dir(&self, lang: Lang) -> String {
        if lang == self.default_lang {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    /// The folder of `page`, ending in `/` (empty for the default language's index).
    pub fn dir(&self, lang: Lang, page: Page<'_>) -> String {
        let root = self.lang_dir(lang);
        match page {
            Page::Index => root,
            Page::Procedure(p) => format!("{root}{p}/"),
            Page::Variant(p, v) => format!("{root}{p}/{v}/"),
        }
    }

    /// The HTML file of `page`.
    pub fn file(&self, lang: Lang, page: Page<'_>) -> String {
        format!("{}index.html", self.dir(lang, page))
    }

    /// The absolute URL of `page`.
    pub fn url(&self, lang: Lang, page: Page<'_>) -> String {
        self.base.join(&self.dir(lang, page))
    }

    /// The relative path from `page` up to the site root (`""`, `"../"`, `"../../"` …).
    pub fn root_from(&self, lang: Lang, page: Page<'_>) -> String {
        "../".repeat(self.dir(lang, page).matches('/').count())
    }

    /// The file name of a variant's PDF: `microneedling-prp.pdf`, `microneedling-prp-large.pdf`.
    pub fn pdf_name(&self, procedure: &Slug, variant: &Slug, size: PrintSize) -> String {
        match size {
            PrintSize::Regular => format!("{procedure}-{variant}.pdf"),
            PrintSize::Large => format!("{procedure}-{variant}-large.pdf"),
        }
    }

    /// The path of a variant's PDF, beside its page.
    pub fn pdf_file(
        &self,
        lang: Lang,
        procedure: &Slug,
        variant: &Slug,
        size: PrintSize,
    ) -> String {
        format!(
            "{}{}",
            self.dir(lang, Page::Variant(procedure, variant)),
            self.pdf_name(procedure, variant, size)
        )
    }

    /// The sitemap's path.
    pub fn sitemap(&self) -> &'static str {
        "sitemap.xml"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_and_url_of_a_page() {
        let base = BaseUrl::parse("https://clinic.example/care/handouts/")
            .unwrap_or_else(|| panic!("url"));
        let routes = Routes::new(&base, Lang::EN);
        let es = Lang::parse("es").unwrap_or(Lang::EN);
        let (p, v) = (
            Slug::parse("microneedling").unwrap_or_else(|| panic!("slug")),
            Slug::parse("prp").unwrap_or_else(|| panic!("slug")),
        );
        assert_eq!(routes.file(Lang::EN, Page::Index), "index.html");
        assert_eq!(routes.root_from(Lang::EN, Page::Index), "");
        assert_eq!(routes.file(es, Page::Index), "es/index.html");
        assert_eq!(routes.root_from(es, Page::Variant(&p, &v)), "../../../");
        assert_eq!(
            routes.file(Lang::EN, Page::Procedure(&p)),
            "microneedling/index.html"
        );
        assert_eq!(
            routes.url(es, Page::Variant(&p, &v)),
            "https://clinic.example/care/handouts/es/microneedling/prp/"
        );
        assert_eq!(
            routes.pdf_file(Lang::EN, &p, &v, PrintSize::Regular),
            "microneedling/prp/microneedling-prp.pdf"
        );
        assert_eq!(
            routes.pdf_file(es, &p, &v, PrintSize::Large),
            "es/microneedling/prp/microneedling-prp-large.pdf"
        );
    }
}
