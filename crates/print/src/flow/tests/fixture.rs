//! A realistic handout in the print vocabulary: 8 sections with a facts panel, a table, Do and Don't
//! columns, an alert box and three FAQs in `<keep>`. It has about 500 words of text because that is
//! what two Letter pages hold at 12 pt with this much structure (each section heading costs about two
//! and a half lines, the panels and table rules more); it fills both pages, with about a line to spare
//! so that small changes in line breaking do not push it onto a third page.

/// The fixture handout on Letter paper (replace `paper="letter"` by `paper="a4"` for A4).
pub(crate) const HANDOUT: &str = r#"<handout paper="letter" lang="en-US" title="Microneedling: aftercare" author="Harbor Skin Clinic" subject="Microneedling – what to expect and how to care for your skin" created="2026-03-01" align="left">
  <header>
    <left>Harbor Skin Clinic</left>
    <right>Questions? Call <a href="tel:+15550100100"><b>(555) 010-0100</b></a></right>
  </header>
  <footer url="https://harborskin.example/microneedling/classic/" caption="Scan or visit for the latest version:">
    <line>Reviewed 1 March 2026 by Dr. Ana Reyes, MD</line>
    <line tone="strong">Questions? Call <a href="tel:+15550100100"><b>(555) 010-0100</b></a></line>
    <line>Page {page} of {pages}</line>
  </footer>
  <h1>Microneedling: caring for your skin</h1>
  <p class="lead">This sheet explains what happens during microneedling, how your skin will look and feel over the next two weeks, and how to help it heal well.</p>
  <facts>
    <fact label="Sessions">3 to 6, a month apart</fact>
    <fact label="Treatment time">About 45 minutes</fact>
    <fact label="Downtime">1 to 3 days</fact>
    <fact label="Full results">3 months</fact>
  </facts>
  <h2 bookmark="What it is">What it is</h2>
  <p>Microneedling uses a small pen with very fine, sterile needles to make thousands of tiny channels in the top layers of your skin. Your body repairs these channels by making new collagen and elastin, which can soften acne scars, fine lines and enlarged pores. A numbing cream is applied first, so most people feel only light pressure and a mild scratching.</p>
  <h2 bookmark="Before your treatment">Before your treatment</h2>
  <ul>
    <li>Stop retinoids, acids and exfoliating scrubs <b>five days</b> before your visit.</li>
    <li>Avoid sunburn and self-tanner for two weeks before treatment.</li>
    <li>Tell us if you have had cold sores: we may prescribe a tablet to prevent a flare.</li>
    <li>Come with a clean face, without makeup, lotion or sunscreen.</li>
  </ul>
  <h2 bookmark="What to expect">What to expect</h2>
  <p>Your skin heals in a predictable way. Everyone is a little different, so use this timeline as a guide rather than a promise.</p>
  <table>
    <row><th>Day 1</th><td>Skin looks and feels like a moderate sunburn: red, warm and tight. Pinpoint bleeding stops within an hour.</td></row>
    <row><th>Days 2–3</th><td>Redness fades to pink. Mild swelling, dryness and a rough, sandpaper feel are normal.</td></row>
    <row><th>Days 4–7</th><td>Light flaking as old skin sheds. Let it come off on its own; do not pick or scrub.</td></row>
    <row><th>Weeks 4–12</th><td>New collagen builds slowly. Skin looks smoother and more even month by month.</td></row>
  </table>
  <h2 bookmark="Caring for your skin">Caring for your skin</h2>
  <columns>
    <column>
      <h3>Do</h3>
      <ul mark="check">
        <li>Wash gently with lukewarm water and a mild cleanser from the evening of treatment.</li>
        <li>Apply the recovery balm we gave you three times a day.</li>
        <li>Use mineral sunscreen, SPF 30 or higher, from day 2.</li>
        <li>Sleep on a clean pillowcase for the first two nights.</li>
      </ul>
    </column>
    <column>
      <h3>Don't</h3>
      <ul mark="cross">
        <li>Wear makeup for 24 hours after treatment.</li>
        <li>Swim, use a sauna or exercise hard for 48 hours.</li>
        <li>Use retinoids, acids or scrubs for one week.</li>
        <li>Pick, peel or rub flaking skin.</li>
      </ul>
    </column>
  </columns>
  <h2 bookmark="Risks">Possible risks</h2>
  <p>Serious problems are rare. Some people notice small bumps (milia), a flare of acne or cold sores, or temporary darker patches of skin, which are more likely on darker skin tones and fade with strict sun protection. For more detail, see <a href="https://harborskin.example/microneedling/classic/">our web page</a>.</p>
  <box tone="alert">
    <h2 bookmark="When to call us">When to call us</h2>
    <p>Call us straight away, day or night, if you notice spreading redness, pus, a fever, severe pain, or blisters that look like cold sores.</p>
    <p class="phone"><a href="tel:+15550100100">(555) 010-0100</a></p>
  </box>
  <h2 bookmark="Questions">Questions</h2>
  <keep>
    <h3>When can I wear makeup again?</h3>
    <p>After 24 hours. Use clean brushes and a mineral powder for the first few days.</p>
  </keep>
  <keep>
    <h3>How soon will I see results?</h3>
    <p>Your skin may glow within a week, but collagen takes time: the full effect shows about three months after your last session.</p>
  </keep>
  <keep>
    <h3>Does it hurt?</h3>
    <p>With numbing cream, most people rate it 2 or 3 out of 10. Tell us at any time if you are uncomfortable and we will pause.</p>
  </keep>
</handout>"#;
